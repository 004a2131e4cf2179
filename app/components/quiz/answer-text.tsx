/**
 * A typed answer, "Your answer": a number (decimal comma and minus accepted; a ± button,
 * since iOS's decimal keypad has no minus key) or the printed text of a program (several
 * lines, monospace, no autocorrect). A note under it says what counts.
 */
import { useId, useRef } from "react";

interface AnswerTextProps {
  value: string;
  multiline: boolean;
  disabled: boolean;
  /** What counts as right (tolerance, spaces); read with the box. */
  note: React.ReactNode;
  onChange(text: string): void;
}

const boxClass =
  "w-full rounded-xl border-2 border-slate-400 bg-white px-4 py-3 text-xl text-slate-900 placeholder:text-slate-500 focus:border-indigo-700 focus:outline-3 focus:outline-indigo-300 disabled:bg-slate-100 disabled:text-slate-700";

export function AnswerText({ value, multiline, disabled, note, onChange }: AnswerTextProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const ref = useRef<HTMLInputElement>(null);

  function flipSign() {
    const t = value.trim();
    onChange(t.startsWith("-") || t.startsWith("\u2212") ? t.slice(1) : `-${t}`);
    ref.current?.focus();
  }

  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-lg font-bold text-slate-900">
        Your answer
      </label>
      {multiline ? (
        <textarea
          id={id}
          value={value}
          disabled={disabled}
          rows={3}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-describedby={noteId}
          placeholder="What the program prints"
          onChange={(e) => onChange(e.target.value)}
          className={`${boxClass} font-mono`}
        />
      ) : (
        <div className="flex gap-2">
          <input
            ref={ref}
            id={id}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={value}
            disabled={disabled}
            aria-describedby={noteId}
            placeholder="e.g. 0,75"
            onChange={(e) => onChange(e.target.value)}
            className={`${boxClass} min-h-14 font-mono tabular-nums`}
          />
          {!disabled && (
          <button
            type="button"
            onClick={flipSign}
            disabled={disabled}
            aria-label="Change sign"
            className="min-h-14 min-w-14 shrink-0 rounded-xl bg-white text-2xl font-bold text-indigo-800 ring-2 ring-indigo-700 hover:bg-indigo-50 disabled:text-slate-500 disabled:ring-slate-300"
          >
            ±
          </button>
          )}
        </div>
      )}
      <p id={noteId} className="text-base text-slate-700">
        {note}
      </p>
    </div>
  );
}
