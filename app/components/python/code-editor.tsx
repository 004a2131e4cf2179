"use client";
/**
 * The Python editor (CodeMirror 6). Loaded with a dynamic import (try-it-live.tsx, and the
 * code questions of the phone and the self-paced lesson), so only pages that show an editor
 * download it. Tab indents by four spaces, as Python needs; Escape then Tab leaves the editor
 * (CodeMirror's tab-focus mode), so a keyboard is never trapped. Ctrl/Cmd+Enter runs. Text is
 * 1 rem or more, readable on a phone without zooming. Its `ref` inserts text at the cursor
 * (the phone's key row: code-keys.tsx).
 */
import { indentMore, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { HighlightStyle, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { basicSetup } from "codemirror";
import { useEffect, useImperativeHandle, useRef, type Ref } from "react";
import { INDENT, spacesToNextStop } from "./indent";

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

/** What a page may do to the editor from outside it (the key row's keys). */
export interface CodeEditorHandle {
  /** Replaces the selection with `text` (inserts at the cursor) and keeps the editor focused. */
  insert(text: string): void;
  /** Tab: indents the selected lines, or inserts spaces up to the next indent stop at the cursor. */
  indent(): void;
}

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
  /** Long lines wrap instead of scrolling sideways (a phone's narrow screen). */
  wrap?: boolean;
  /** A CSS height the editor scrolls inside beyond, e.g. "min(26rem, 55dvh)" (default: as tall as its code). */
  maxHeight?: string;
  /** Shown but not editable (a question that has closed). */
  readOnly?: boolean;
  ref?: Ref<CodeEditorHandle>;
}

export default function CodeEditor({ initialCode, label, describedBy, onChange, onRun, wrap = false, maxHeight, readOnly = false, ref }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const editable = useRef(new Compartment());
  // The editor is created once; these refs let it call the latest handlers.
  const handlers = useRef({ onChange, onRun });
  handlers.current = { onChange, onRun };
  const readOnlyNow = useRef(readOnly);
  readOnlyNow.current = readOnly;

  useImperativeHandle(
    ref,
    () => ({
      insert(text) {
        const view = viewRef.current;
        if (!view || readOnlyNow.current) return;
        view.dispatch(view.state.replaceSelection(text), { scrollIntoView: true, userEvent: "input.type" });
        view.focus();
      },
      indent() {
        const view = viewRef.current;
        if (!view || readOnlyNow.current) return;
        const { main } = view.state.selection;
        if (!main.empty) indentMore(view);
        else {
          const column = main.head - view.state.doc.lineAt(main.head).from;
          view.dispatch(view.state.replaceSelection(spacesToNextStop(column)), { scrollIntoView: true, userEvent: "input.type" });
        }
        view.focus();
      },
    }),
    [],
  );

  useEffect(() => {
    viewRef.current?.dispatch({ effects: editable.current.reconfigure(readOnlyExtensions(readOnly)) });
  }, [readOnly]);

  useEffect(() => {
    const view = new EditorView({
      doc: initialCode,
      parent: host.current!,
      extensions: [
        basicSetup,
        indentUnit.of(INDENT),
        editable.current.of(readOnlyExtensions(readOnlyNow.current)),
        ...(wrap ? [EditorView.lineWrapping] : []),
        ...(maxHeight ? [EditorView.theme({ "&": { maxHeight }, ".cm-scroller": { overflow: "auto" } })] : []),
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
    viewRef.current = view;
    return () => {
      viewRef.current = null;
      view.destroy();
    };
  }, [initialCode, label, describedBy, wrap, maxHeight]);

  return <div ref={host} className="overflow-hidden rounded-xl border border-slate-300 focus-within:ring-2 focus-within:ring-indigo-600" />;
}

function readOnlyExtensions(readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}
