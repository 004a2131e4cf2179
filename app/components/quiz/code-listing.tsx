/**
 * A Python listing with highlighting, in a monospace font large enough to read on a phone
 * without zooming (1 rem minimum; long lines scroll sideways rather than wrap, so the
 * indentation stays readable). Shared by the phone, the dashboard and the projector.
 */
import { memo, type ReactNode } from "react";
import { tokenizeLine, type TokenKind } from "../../../lib/quiz/python-tokens";

/** Colours with at least 4.5:1 contrast on the listing's light background. */
export const TOKEN_CLASS: Record<TokenKind, string> = {
  keyword: "text-purple-800 font-semibold",
  builtin: "text-sky-800",
  string: "text-emerald-800",
  number: "text-amber-800",
  comment: "text-slate-600 italic",
  plain: "text-slate-900",
};

/**
 * One line's highlighted text.
 * @example
 * <HighlightedLine line="return max(0, x)" />
 */
export const HighlightedLine = memo(function HighlightedLine({ line }: { line: string }) {
  const tokens = tokenizeLine(line);
  if (tokens.length === 0) return <>{"\u00a0"}</>;
  return (
    <>
      {tokens.map((t, i) => (
        <span key={i} className={TOKEN_CLASS[t.kind]}>
          {t.text}
        </span>
      ))}
    </>
  );
});

interface CodeListingProps {
  code: string;
  /** Accessible name of the listing (default "Code"). */
  label?: string;
  /** Text size: "phone" (1 rem and up), "wall" (projector). */
  size?: "phone" | "wall";
  /** Renders a line differently (a tappable line, a blank to fill); default: the highlighted line. */
  renderLine?: (line: string, index: number) => ReactNode;
  /** Long lines wrap instead of scrolling (the wall, which nobody scrolls). */
  wrap?: boolean;
}

export function CodeListing({ code, label = "Code", size = "phone", renderLine, wrap = false }: CodeListingProps) {
  const lines = code.split("\n");
  const text = size === "wall" ? "text-[1.6rem] leading-snug" : "text-base leading-relaxed sm:text-lg";
  return (
    // Focusable, so a listing wider than the screen can be scrolled by keyboard.
    <pre
      aria-label={label}
      tabIndex={0}
      className={`overflow-x-auto rounded-xl border border-slate-300 bg-slate-50 p-3 font-mono focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-400 ${text}`}
    >
      <code>
        {lines.map((line, i) => (
          <div key={i} className={wrap ? "whitespace-pre-wrap [overflow-wrap:anywhere]" : "whitespace-pre"}>
            {renderLine ? renderLine(line, i) : <HighlightedLine line={line} />}
          </div>
        ))}
      </code>
    </pre>
  );
}
