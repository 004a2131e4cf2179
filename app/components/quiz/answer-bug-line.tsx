/**
 * "Tap the line with the bug": the listing with each non-blank line a radio button named
 * "Line N: <text>" (arrow keys move between lines, as in any radio group). The picked line is
 * marked by a filled band, a thick left bar and an arrow, not by colour alone; after the reveal
 * the right line is marked too.
 */
import { useId } from "react";
import { CodeListing, HighlightedLine } from "./code-listing";

interface AnswerBugLineProps {
  code: string;
  picked: number | null;
  disabled: boolean;
  /** After the reveal: the line with the bug. */
  correct: number | null;
  onPick(line: number): void;
}

export function AnswerBugLine({ code, picked, disabled, correct, onPick }: AnswerBugLineProps) {
  const name = useId();
  const width = String(code.split("\n").length).length;
  return (
    <div role="radiogroup" aria-label="Lines of the listing" className="flex flex-col gap-2">
      <p className="text-base font-semibold text-slate-700">Tap the line with the bug</p>
      <CodeListing
        code={code}
        label="Code with a bug"
        renderLine={(line, i) => {
          const number = String(i + 1).padStart(width, " ");
          if (line.trim() === "") {
            return (
              <span className="flex min-h-7 text-slate-500">
                <span aria-hidden="true" className="w-8 shrink-0 select-none pr-2 text-right">
                  {number}
                </span>
              </span>
            );
          }
          const on = picked === i;
          const right = correct === i;
          const tone = right
            ? "bg-emerald-100 border-emerald-700"
            : on
              ? correct !== null
                ? "bg-rose-100 border-rose-700"
                : "bg-amber-100 border-amber-600"
              : "border-transparent hover:bg-slate-200/60";
          return (
            <label
              className={`-mx-3 flex min-h-12 min-w-0 flex-wrap items-center border-l-[6px] px-2 has-focus-visible:outline-3 has-focus-visible:-outline-offset-3 has-focus-visible:outline-indigo-600 ${tone} ${disabled ? "" : "cursor-pointer"}`}
            >
              <input
                type="radio"
                name={name}
                value={i}
                checked={on}
                disabled={disabled}
                aria-label={`Line ${i + 1}: ${line.trim()}`}
                onChange={() => onPick(i)}
                className="sr-only"
              />
              <span aria-hidden="true" className={`w-8 shrink-0 select-none pr-2 text-right ${on || right ? "font-bold text-slate-900" : "text-slate-500"}`}>
                {on || right ? "▶" : number}
              </span>
              {/* Long lines wrap here, so the whole line to tap is in view on a phone. */}
              <span aria-hidden="true" className="min-w-0 flex-1 py-1 break-words whitespace-pre-wrap">
                <HighlightedLine line={line} />
              </span>
              {(on || right) && (
                <span aria-hidden="true" className="basis-full pb-1.5 pl-8">
                  <span className="rounded-full bg-slate-900 px-2 py-0.5 font-sans text-sm font-semibold text-white">
                    {right ? "the bug" : correct !== null ? "your pick" : "picked"}
                  </span>
                </span>
              )}
            </label>
          );
        }}
      />
    </div>
  );
}
