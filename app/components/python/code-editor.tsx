"use client";
/**
 * The Python editor (CodeMirror 6). Loaded with a dynamic import by try-it-live.tsx, so only
 * pages that show an editor download it. Tab indents, as Python needs; Escape then Tab leaves
 * the editor (CodeMirror's tab-focus mode), so a keyboard is never trapped. Ctrl/Cmd+Enter
 * runs. Text is 1 rem or more, readable on a phone without zooming.
 */
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { basicSetup } from "codemirror";
import { useEffect, useRef } from "react";

/** The same colours as the read-only listings (code-listing.tsx), each at least 4.5:1 on white. */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword, tags.bool, tags.null, tags.self], color: "#6b21a8", fontWeight: "600" },
  { tag: [tags.string, tags.special(tags.string), tags.escape], color: "#065f46" },
  { tag: [tags.number], color: "#92400e" },
  { tag: [tags.comment, tags.lineComment], color: "#475569", fontStyle: "italic" },
  { tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)], color: "#075985" },
  { tag: [tags.invalid], color: "#b91c1c" },
]);

const theme = EditorView.theme({
  "&": { fontSize: "1rem", backgroundColor: "#ffffff", color: "#0f172a" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": {
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
    lineHeight: "1.6",
  },
  ".cm-content": { padding: "12px 0", caretColor: "#0f172a" },
  ".cm-line": { padding: "0 12px 0 8px" },
  ".cm-gutters": { backgroundColor: "#f8fafc", color: "#475569", borderRight: "1px solid #e2e8f0" },
  ".cm-lineNumbers .cm-gutterElement": { padding: "0 6px 0 10px", minWidth: "2ch" },
  ".cm-activeLine": { backgroundColor: "#eef2ff80" },
  ".cm-activeLineGutter": { backgroundColor: "#e0e7ff", color: "#1e1b4b" },
  ".cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection": { backgroundColor: "#c7d2fe" },
  ".cm-cursor": { borderLeftColor: "#0f172a", borderLeftWidth: "2px" },
  ".cm-tooltip": { fontSize: "0.9rem" },
});

export interface CodeEditorProps {
  /** The code the editor starts with (remount the editor to start again). */
  initialCode: string;
  /** Accessible name of the editable text. */
  label: string;
  /** The id of an element that describes the editor (the keyboard hint). */
  describedBy?: string;
  onChange(code: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
}

export default function CodeEditor({ initialCode, label, describedBy, onChange, onRun }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  // The editor is created once; these refs let it call the latest handlers.
  const handlers = useRef({ onChange, onRun });
  handlers.current = { onChange, onRun };

  useEffect(() => {
    const view = new EditorView({
      doc: initialCode,
      parent: host.current!,
      extensions: [
        basicSetup,
        // Above basicSetup's own Mod-Enter (insert a blank line).
        Prec.highest(
          keymap.of([
            {
              key: "Mod-Enter",
              run: () => {
                handlers.current.onRun();
                return true;
              },
            },
          ]),
        ),
        keymap.of([indentWithTab]),
        python(),
        syntaxHighlighting(highlight),
        theme,
        EditorView.contentAttributes.of({
          "aria-label": label,
          // Already a tab stop as contenteditable; stated so that audits see the scrolling
          // editor as reachable by keyboard (axe does not count contenteditable).
          tabindex: "0",
          ...(describedBy ? { "aria-describedby": describedBy } : {}),
          autocapitalize: "off",
          autocorrect: "off",
          spellcheck: "false",
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) handlers.current.onChange(update.state.doc.toString());
        }),
      ],
    });
    return () => view.destroy();
  }, [initialCode, label, describedBy]);

  return <div ref={host} className="overflow-hidden rounded-xl border border-slate-300 focus-within:ring-2 focus-within:ring-indigo-600" />;
}
