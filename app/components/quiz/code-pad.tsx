"use client";
/**
 * Where a student writes a code question's function: the Python editor (CodeMirror), sized
 * for a phone (long lines wrap, the editor scrolls inside past about half a screen), with the
 * row of keys phone keyboards hide under it, or wherever the page puts them (the phone keeps
 * them in its sticky bar, over the keyboard, with `keys={false}` and the editor's handle).
 * Imports the editor statically: the phone and the self-paced lesson load this file as a
 * chunk of its own, only when a code question shows.
 */
import { useRef, type RefObject } from "react";
import CodeEditor, { type CodeEditorHandle } from "../python/code-editor";
import { CodeKeys } from "./code-keys";

interface CodePadProps {
  /** The code the editor starts with; a different value starts it again with that code. */
  initialCode: string;
  /** The editable text's name ("Your code"). */
  label: string;
  readOnly?: boolean;
  /** The keys and editor hint's id (for aria-describedby). */
  hintId: string;
  onChange(code: string): void;
  /** Ctrl/Cmd+Enter: submit or run. */
  onSubmit(): void;
  /** Whether the key row goes under the editor (default); when false the page renders it with `editorRef`. */
  keys?: boolean;
  editorRef?: RefObject<CodeEditorHandle | null>;
}

export function CodePad({ initialCode, label, readOnly = false, hintId, onChange, onSubmit, keys = true, editorRef }: CodePadProps) {
  const own = useRef<CodeEditorHandle>(null);
  const editor = editorRef ?? own;
  return (
    <div className="flex flex-col gap-2">
      <CodeEditor
        ref={editor}
        initialCode={initialCode}
        label={label}
        describedBy={hintId}
        wrap
        maxHeight="min(28rem, 60dvh)"
        readOnly={readOnly}
        onChange={onChange}
        onRun={onSubmit}
      />
      {!readOnly && keys && <CodeKeys onKey={(text) => editor.current?.insert(text)} onIndent={() => editor.current?.indent()} />}
      <p id={hintId} className="text-base text-slate-700">
        {readOnly
          ? "The code can no longer be changed."
          : `The keys ${keys ? "under the editor" : "at the bottom of the screen"} type at the cursor. Tab indents by four spaces; on a keyboard, Esc then Tab leaves the editor.`}
      </p>
    </div>
  );
}
