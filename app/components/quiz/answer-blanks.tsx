/**
 * Fill in the blanks: the listing with a text box at each `___`, named "Blank 1", "Blank 2"…
 * in reading order. The boxes sit in the code, monospace, wide enough for a short expression.
 */
import { Fragment } from "react";
import { BLANK } from "../../../lib/quiz/code-text";
import { CodeListing, HighlightedLine } from "./code-listing";

interface AnswerBlanksProps {
  code: string;
  values: readonly string[];
  disabled: boolean;
  onChange(index: number, text: string): void;
}

export function AnswerBlanks({ code, values, disabled, onChange }: AnswerBlanksProps) {
  // The number of the first blank on each line.
  const firstBlank: number[] = [];
  let count = 0;
  for (const line of code.split("\n")) {
    firstBlank.push(count);
    count += line.split(BLANK).length - 1;
  }
  return (
    <div className="flex flex-col gap-2">
      <p className="text-base font-semibold text-slate-700">Type in each blank</p>
      <CodeListing
        code={code}
        label="Code with blanks"
        renderLine={(line, i) => {
          const parts = line.split(BLANK);
          if (parts.length === 1) return <HighlightedLine line={line} />;
          return (
            <span className="flex min-h-14 flex-wrap items-center">
              {parts.map((part, k) => {
                const b = firstBlank[i]! + k;
                return (
                  <Fragment key={k}>
                    {part && (
                      <span>
                        <HighlightedLine line={part} />
                      </span>
                    )}
                    {k < parts.length - 1 && (
                      <input
                        type="text"
                        aria-label={`Blank ${b + 1}`}
                        value={values[b] ?? ""}
                        disabled={disabled}
                        autoCapitalize="off"
                        autoCorrect="off"
                        autoComplete="off"
                        spellCheck={false}
                        placeholder={String(b + 1)}
                        size={Math.max(3, (values[b] ?? "").length + 1)}
                        onChange={(e) => onChange(b, e.target.value)}
                        className="mx-1 min-h-12 min-w-[4.5ch] rounded-lg border-2 border-dashed border-indigo-700 bg-white px-2 font-mono text-lg text-slate-900 placeholder:text-indigo-400 focus:border-solid focus:outline-3 focus:outline-indigo-300 disabled:border-slate-400 disabled:bg-slate-100"
                      />
                    )}
                  </Fragment>
                );
              })}
            </span>
          );
        }}
      />
    </div>
  );
}
