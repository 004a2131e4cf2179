"use client";

/**
 * The question editor's labelled fields and their styles, shared by the editor and the code
 * question's fields.
 */
import { cloneElement, useId, type ReactElement } from "react";
import { FIELD } from "../ui";

export const LABEL = "flex flex-col gap-1 text-sm font-bold text-slate-900";
export const HINT = "text-xs font-normal text-slate-600";
/** Code and typed lines: monospace, 16 px. */
export const AREA = `${FIELD} font-mono text-base leading-relaxed`;

/** A labelled control: the label names it (and only the label), the hint describes it. */
export function Field({ label, hint, children }: { label: React.ReactNode; hint?: string; children: ReactElement<{ id?: string; "aria-describedby"?: string }> }) {
  const id = useId();
  return (
    <div className={LABEL}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className={HINT}>
          {hint}
        </span>
      )}
      {cloneElement(children, { id, "aria-describedby": hint ? `${id}-hint` : undefined })}
    </div>
  );
}
