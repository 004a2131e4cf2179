"use client";

/**
 * The learning rate: how far one automatic step moves each number against its gradient. A
 * number field (a spinbutton) that accepts 0 < rate ≤ 10, commits a valid value shortly after
 * typing stops, at once on Enter or when leaving it, and says why a value is refused. While not
 * being edited it follows the live value.
 */
import { useEffect, useId, useRef, useState } from "react";
import { parseTyped } from "../../../../lib/session/format";
import { FIELD } from "../ui";

const show = (v: number) => String(Math.round(v * 1e6) / 1e6);

/**
 * @example
 * <LearningRateField value={0.5} onCommit={(lr) => void run("training:learning-rate", { learningRate: lr })} />
 */
export function LearningRateField({ value, onCommit, disabled }: { value: number; onCommit: (value: number) => void; disabled?: boolean }) {
  const id = useId();
  const errorId = useId();
  const [text, setText] = useState(show(value));
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!editing.current) setText(show(value));
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (raw: string) => {
    clearTimeout(timer.current);
    const parsed = parseTyped(raw);
    if (parsed === null || parsed <= 0 || parsed > 10) {
      setError("Type a learning rate above 0 and at most 10, such as 0.5.");
      return;
    }
    setError(null);
    if (parsed !== value) onCommit(parsed);
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-bold text-slate-900">
        Learning rate
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0.01}
        max={10}
        step={0.05}
        disabled={disabled}
        className={`${FIELD} w-32 font-mono tabular-nums`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={text}
        onFocus={() => {
          editing.current = true;
        }}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(next), 500);
        }}
        onKeyDown={(e) => e.key === "Enter" && commit(e.currentTarget.value)}
        onBlur={(e) => {
          editing.current = false;
          commit(e.currentTarget.value);
        }}
      />
      {error && (
        <p id={errorId} role="alert" className="max-w-56 text-sm font-semibold text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
