"use client";

/**
 * One number of my neuron (a weight or the bias): a slider for dragging, a text box for typing
 * an exact value (minus sign and decimal comma accepted) and a ± button, because iOS's decimal
 * keypad has no minus key. Slider and text box carry the same accessible name ("Weight 1").
 * A typed value outside the range is refused with a message, never clipped.
 */
import { useId, useRef, useState } from "react";
import { formatValue, parseTyped } from "../../../lib/session/format";
import { shortNumber } from "./number-text";

interface ValueControlProps {
  label: string;
  value: number;
  min: number;
  max: number;
  disabled: boolean;
  onChange(value: number): void;
  /** What this number multiplies, e.g. "× brightness (0.900)". */
  children?: React.ReactNode;
  /** Under the slider (training mode's "Your nudge"): appearing there, it never moves the slider under a finger. */
  footer?: React.ReactNode;
}

// The slider's step is 0.01; rounding removes float noise such as 0.30000000000000004.
const toStep = (x: number) => Math.round(x * 100) / 100;

export function ValueControl({ label, value, min, max, disabled, onChange, children, footer }: ValueControlProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();
  const textRef = useRef<HTMLInputElement>(null);
  // Focus given by the ± button keeps the caret after the minus instead of selecting it all.
  const keepCaret = useRef(false);
  const shown = formatValue(value);

  function commit(text: string) {
    // An empty box or a lone minus is not an answer yet: go back to the current value quietly.
    if (["", "-", "\u2212"].includes(text.trim()) || text === shown) {
      setDraft(null);
      setProblem(null);
      return;
    }
    const parsed = parseTyped(text);
    if (parsed === null) {
      setProblem(`"${text.trim()}" is not a number. Type one such as -1,5 or 0.75.`);
      return;
    }
    if (parsed < min || parsed > max) {
      setProblem(`${shortNumber(parsed)} is outside ${shortNumber(min)} to ${shortNumber(max)}.`);
      return;
    }
    setDraft(null);
    setProblem(null);
    onChange(parsed);
  }

  function flipSign() {
    const base = (draft ?? shown).trim();
    const flipped = base.startsWith("-") || base.startsWith("\u2212") ? base.slice(1) : `-${base}`;
    const parsed = parseTyped(flipped);
    if (parsed !== null && parsed !== 0) {
      commit(flipped);
      return;
    }
    // Nothing to negate yet (0 or an empty box): put the minus in the box and let them type on.
    setDraft(parsed === 0 ? "-" : flipped);
    setProblem(null);
    keepCaret.current = true;
    textRef.current?.focus();
  }

  return (
    // Scroll margins keep a focused control clear of the sticky bar above and the screen's edge.
    <div className="rounded-2xl bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-3">
        <p className="text-lg font-bold text-slate-900">{label}</p>
        <div className="flex shrink-0 items-center gap-2">
          <button
            type="button"
            onClick={flipSign}
            disabled={disabled}
            aria-label={`Change sign of ${label}`}
            className="h-12 w-12 rounded-xl bg-slate-100 text-xl font-bold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-200 disabled:opacity-50"
          >
            ±
          </button>
          <input
            type="text"
            inputMode="decimal"
            enterKeyHint="done"
            autoComplete="off"
            aria-label={label}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? errorId : undefined}
            disabled={disabled}
            value={draft ?? shown}
            ref={textRef}
            onFocus={(e) => {
              if (!keepCaret.current) e.currentTarget.select();
              keepCaret.current = false;
            }}
            onChange={(e) => {
              setDraft(e.currentTarget.value);
              setProblem(null);
            }}
            onBlur={(e) => commit(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") commit(e.currentTarget.value);
              if (e.key === "Escape") {
                setDraft(null);
                setProblem(null);
              }
            }}
            className="h-12 w-24 scroll-mt-32 scroll-mb-28 rounded-xl border-2 border-slate-300 bg-white px-2 text-right font-mono text-lg tabular-nums text-slate-900 focus:border-indigo-600 disabled:bg-slate-100 aria-invalid:border-red-700"
          />
        </div>
      </div>
      {children}
      {problem && (
        <p id={errorId} role="alert" className="mt-2 text-base font-medium text-red-700">
          {problem}
        </p>
      )}
      {/* The range's ends sit beside the slider, not under it, to save a line on small phones. */}
      <div className="mt-1 flex items-center gap-2 font-mono text-sm text-slate-600">
        <span aria-hidden="true">{shortNumber(min)}</span>
        <input
          type="range"
          aria-label={label}
          aria-valuetext={shown}
          min={min}
          max={max}
          step={0.01}
          value={Math.min(max, Math.max(min, value))}
          disabled={disabled}
          onChange={(e) => {
            setDraft(null);
            setProblem(null);
            onChange(toStep(e.currentTarget.valueAsNumber));
          }}
          className="h-11 min-w-0 flex-1 scroll-mt-56 scroll-mb-8 cursor-pointer accent-indigo-700 disabled:cursor-not-allowed"
        />
        <span aria-hidden="true">{shortNumber(max)}</span>
      </div>
      {footer}
    </div>
  );
}
