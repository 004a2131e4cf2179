/**
 * Choices on the phone: radio buttons for one answer, checkboxes for "select all that apply",
 * each a whole-width card named by its text. After the reveal each card says whether it was
 * right (text, not colour alone), beside the label so the choice keeps its name.
 */
import { useId } from "react";

interface AnswerChoicesProps {
  choices: readonly string[];
  multiple: boolean;
  picked: readonly number[];
  disabled: boolean;
  /** After the reveal: the right choices (null for a poll or before the reveal). */
  correct: readonly number[] | null;
  /** Poll after the reveal: how many picked each choice. */
  counts?: readonly number[] | null;
  /** Monospace text (the activations' names are code). */
  mono?: boolean;
  onToggle(index: number): void;
}

export function AnswerChoices({ choices, multiple, picked, disabled, correct, counts, mono, onToggle }: AnswerChoicesProps) {
  const name = useId();
  const legend = multiple ? "Select all that apply" : "Choose one answer";
  return (
    <fieldset className="flex flex-col gap-2.5">
      <legend className="mb-2 text-base font-semibold text-slate-700">{legend}</legend>
      {choices.map((text, i) => {
        const on = picked.includes(i);
        const right = correct?.includes(i) ?? false;
        const wrongPick = correct !== null && on && !right;
        const ring = right ? "ring-2 ring-emerald-600 bg-emerald-50" : wrongPick ? "ring-2 ring-rose-600 bg-rose-50" : on ? "ring-2 ring-indigo-700 bg-indigo-50" : "ring-1 ring-slate-300 bg-white";
        return (
          <div key={i} className={`rounded-2xl shadow-sm ${ring} has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600`}>
            <label className={`flex min-h-14 items-center gap-3 px-4 py-3 ${disabled ? "" : "cursor-pointer"}`}>
              <input
                type={multiple ? "checkbox" : "radio"}
                name={name}
                checked={on}
                disabled={disabled}
                onChange={() => onToggle(i)}
                className="size-6 shrink-0 accent-indigo-700 focus-visible:outline-none"
              />
              <span className={`text-lg leading-snug text-slate-900 ${mono ? "font-mono" : ""} ${on ? "font-semibold" : ""}`}>{text}</span>
            </label>
            {(correct !== null || (counts && counts.length > 0)) && (
              <p className="-mt-1 flex flex-wrap gap-2 px-4 pb-3 pl-13 text-sm font-semibold">
                {right && <span className="rounded-full bg-emerald-700 px-2.5 py-0.5 text-white">✓ Right answer</span>}
                {wrongPick && <span className="rounded-full bg-rose-700 px-2.5 py-0.5 text-white">✗ Your pick</span>}
                {right && on && <span className="rounded-full bg-white px-2.5 py-0.5 text-emerald-900 ring-1 ring-emerald-700">Your pick</span>}
                {counts && counts[i] !== undefined && (
                  <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-slate-800">
                    {counts[i]} vote{counts[i] === 1 ? "" : "s"}
                    {on ? " · yours" : ""}
                  </span>
                )}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
