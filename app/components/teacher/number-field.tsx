"use client";

/**
 * A typed number: accepts a decimal comma and the minus sign (parseTyped), sends valid values
 * shortly after typing stops and at once on Enter or when leaving the field, and says why a
 * value was refused instead of silently changing it. While the field is not being edited it
 * follows the live value, so another screen's change shows up here too.
 */
import { useEffect, useId, useRef, useState } from "react";
import { parseTyped } from "../../../lib/session/format";
import { FIELD } from "./ui";

interface NumberFieldProps {
  label: string;
  value: number;
  onCommit: (value: number) => void;
  min?: number;
  max?: number;
  disabled?: boolean;
  /** Visible text beside the label (e.g. the input's name). */
  hint?: string;
  className?: string;
  /** Wait for Enter or leaving the field (for values that rebuild something large). */
  commitOnTypingPause?: boolean;
}

const show = (v: number): string => String(Math.round(v * 1e6) / 1e6);

export function NumberField({ label, value, onCommit, min, max, disabled, hint, className = "", commitOnTypingPause = true }: NumberFieldProps) {
  const id = useId();
  const errorId = useId();
  const hintId = useId();
  const [text, setText] = useState(show(value));
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastSent = useRef(value);

  useEffect(() => {
    lastSent.current = value;
    if (!editing.current) setText(show(value));
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const check = (raw: string): number | null => {
    const n = parseTyped(raw);
    if (n === null) return setError("Type a number, such as 0.5, -1 or 0,75."), null;
    if (min !== undefined && n < min) return setError(`The lowest allowed is ${min}.`), null;
    if (max !== undefined && n > max) return setError(`The highest allowed is ${max}.`), null;
    setError(null);
    return n;
  };
  const commit = (raw: string) => {
    clearTimeout(timer.current);
    const n = check(raw);
    if (n !== null && n !== lastSent.current) {
      lastSent.current = n;
      onCommit(n);
    }
  };

  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      {/* The hint stays outside the label: the label alone is the field's name ("Input 1"). */}
      <span className="flex flex-wrap items-baseline gap-x-2">
        <label htmlFor={id} className="text-sm font-bold text-slate-800">
          {label}
        </label>
        {hint && (
          <span id={hintId} className="truncate text-sm font-medium text-slate-600">
            {hint}
          </span>
        )}
      </span>
      <input
        id={id}
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? hintId : "", error ? errorId : ""].join(" ").trim() || undefined}
        onFocus={() => (editing.current = true)}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          clearTimeout(timer.current);
          if (commitOnTypingPause) timer.current = setTimeout(() => commit(raw), 400);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit(text);
        }}
        onBlur={() => {
          editing.current = false;
          commit(text);
          if (parseTyped(text) === null) return;
          setText(show(parseTyped(text)!));
        }}
        className={`${FIELD} w-full font-mono tabular-nums`}
      />
      {error && (
        <p id={errorId} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
