"use client";

/**
 * A labelled Python editor for the question editor (the starter code, the reference
 * solution): the CodeMirror editor of the try-it-live blocks, 16 px monospace, Tab indents
 * (Escape then Tab leaves). It loads on first use; a read-only box stands in until then.
 * The editor keeps its own text: `value` is read once, when it mounts.
 */
import { lazy, Suspense, useId, useState } from "react";
import { AREA, HINT, LABEL } from "./bank-field";

const CodeEditor = lazy(() => import("../../python/code-editor"));

const noop = () => {};

interface CodeAreaProps {
  label: string;
  hint?: string;
  value: string;
  onChange(code: string): void;
}

export function CodeArea({ label, hint, value, onChange }: CodeAreaProps) {
  const [initial] = useState(value);
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={LABEL}>
      <span id={id}>{label}</span>
      {hint && (
        <span id={hintId} className={HINT}>
          {hint}
        </span>
      )}
      <Suspense fallback={<textarea aria-label={`${label} (loading the editor)`} className={AREA} rows={6} readOnly value={initial} />}>
        <CodeEditor initialCode={initial} label={label} describedBy={hintId} onChange={onChange} onRun={noop} />
      </Suspense>
    </div>
  );
}
