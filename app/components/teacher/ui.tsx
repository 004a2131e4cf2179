"use client";

/**
 * Small controls shared by the dashboard's panels: a card with a heading, a labelled switch,
 * a button that asks before doing something destructive, and the house button styles.
 */
import { useEffect, useId, useRef, useState } from "react";

export const BUTTON =
  "inline-flex items-center justify-center gap-2 rounded-lg px-3 py-2 text-sm font-bold ring-1 ring-inset transition disabled:cursor-not-allowed disabled:opacity-50";
export const PRIMARY = `${BUTTON} bg-indigo-700 text-white ring-indigo-700 hover:bg-indigo-800`;
export const SECONDARY = `${BUTTON} bg-white text-slate-900 ring-slate-300 hover:bg-slate-100`;
export const DANGER = `${BUTTON} bg-red-700 text-white ring-red-700 hover:bg-red-800`;
export const FIELD =
  "rounded-lg border-2 border-slate-300 bg-white px-3 py-2 text-base text-slate-900 focus:border-indigo-600 disabled:bg-slate-100";

export function Panel({ title, children, className = "", actions }: { title: string; children: React.ReactNode; className?: string; actions?: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 ${className}`}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-extrabold tracking-tight text-slate-900">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** An on/off control with role="switch"; its visible text is its accessible name. */
export function Switch({ label, checked, onChange, disabled, hint }: { label: string; checked: boolean; onChange: (next: boolean) => void; disabled?: boolean; hint?: string }) {
  const hintId = useId();
  return (
    <div className="flex items-center justify-between gap-3 py-1.5">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-describedby={hint ? hintId : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
        className="group flex flex-1 items-center justify-between gap-3 rounded-lg text-left disabled:cursor-not-allowed disabled:opacity-50"
      >
        <span className="text-base font-semibold text-slate-900">{label}</span>
        <span
          aria-hidden="true"
          className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full transition ${checked ? "bg-indigo-700" : "bg-slate-400"}`}
        >
          <span className={`absolute h-5 w-5 rounded-full bg-white shadow transition ${checked ? "left-6" : "left-1"}`} />
        </span>
      </button>
      {hint && (
        <span id={hintId} className="sr-only">
          {hint}
        </span>
      )}
    </div>
  );
}

/**
 * A destructive action in two steps: the first press asks, the second does it. Keyboard focus
 * moves to the confirming button, and Cancel (or Escape) puts everything back.
 */
export function ConfirmButton({ label, ariaLabel, question, confirmLabel, onConfirm, disabled, className = SECONDARY }: {
  label: string;
  /** A fuller name when the visible label needs context ("Remove Ana"). */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<unknown>;
  disabled?: boolean;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    // Focus follows the question, and comes back to the button when it is answered.
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) triggerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={triggerRef} type="button" className={className} disabled={disabled} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span
      role="group"
      aria-label={question}
      className="inline-flex flex-wrap items-center gap-2 rounded-lg bg-red-50 p-2 ring-1 ring-red-300"
      onKeyDown={(e) => e.key === "Escape" && setAsking(false)}
    >
      <span className="text-sm font-semibold text-red-950">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className={DANGER}
        onClick={async () => {
          setAsking(false);
          await onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={SECONDARY} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
