/**
 * Put the lines in order: a numbered list of the lines (shuffled and without their numbering
 * by the server). Two ways to move a line: drag it by its grip (pointer events, so a finger
 * works, with the list holding the pointer while the line moves), or its "Move up" and
 * "Move down" buttons, which keep the keyboard's focus on the moved line. Every move is
 * announced in a polite live region.
 */
import { useId, useLayoutEffect, useRef, useState } from "react";
import { moveItem } from "../student/quiz-answer";
import { HighlightedLine } from "./code-listing";

interface AnswerOrderProps {
  lines: readonly string[];
  /** Shown indexes in the student's order. */
  order: readonly number[];
  disabled: boolean;
  /** After the reveal: the lines in the right order, to mark each place right or wrong. */
  rightLines: readonly string[] | null;
  onReorder(order: number[]): void;
}

type Dir = "up" | "down";

export function AnswerOrder({ lines, order, disabled, rightLines, onReorder }: AnswerOrderProps) {
  const id = useId();
  const [said, setSaid] = useState("");
  const [dragging, setDragging] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<{ item: number; dir: Dir } | null>(null);
  const dragStart = useRef<number | null>(null);

  const announce = (item: number, to: number) => setSaid(`Moved “${short(lines[item] ?? "")}” to place ${to + 1} of ${order.length}.`);

  useLayoutEffect(() => {
    const want = refocus.current;
    if (!want) return;
    refocus.current = null;
    const same = buttons.current.get(`${want.item}:${want.dir}`);
    const other = buttons.current.get(`${want.item}:${want.dir === "up" ? "down" : "up"}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [order]);

  function byButton(pos: number, dir: Dir) {
    const to = dir === "up" ? pos - 1 : pos + 1;
    if (to < 0 || to >= order.length) return;
    const item = order[pos]!;
    refocus.current = { item, dir };
    onReorder(moveItem(order, pos, to));
    announce(item, to);
  }

  // Dragging: the list holds the pointer; the line moves each time the finger passes the middle of a neighbour.
  function onPointerDown(e: React.PointerEvent, item: number) {
    if (disabled || (e.pointerType === "mouse" && e.button !== 0)) return;
    e.preventDefault();
    listRef.current?.setPointerCapture(e.pointerId);
    dragStart.current = order.indexOf(item);
    setDragging(item);
  }
  function onPointerMove(e: React.PointerEvent) {
    if (dragging === null || !listRef.current) return;
    const items = [...listRef.current.querySelectorAll<HTMLElement>(":scope > li")];
    const pos = order.indexOf(dragging);
    let to = pos;
    items.forEach((el, i) => {
      const r = el.getBoundingClientRect();
      const mid = r.top + r.height / 2;
      if (i < pos && e.clientY < mid) to = Math.min(to, i);
      if (i > pos && e.clientY > mid) to = Math.max(to, i);
    });
    if (to !== pos) onReorder(moveItem(order, pos, to));
  }
  function endDrag(e: React.PointerEvent) {
    if (dragging === null) return;
    if (listRef.current?.hasPointerCapture(e.pointerId)) listRef.current.releasePointerCapture(e.pointerId);
    const to = order.indexOf(dragging);
    if (dragStart.current !== null && dragStart.current !== to) announce(dragging, to);
    dragStart.current = null;
    setDragging(null);
  }

  return (
    <div className="flex flex-col gap-2">
      <p className="text-base font-semibold text-slate-700">Drag a line by its grip, or use its arrows</p>
      <ol
        ref={listRef}
        aria-label="Lines to put in order"
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        className="flex flex-col gap-2"
      >
        {order.map((item, pos) => {
          const text = lines[item] ?? "";
          const textId = `${id}-line-${item}`;
          const lifted = dragging === item;
          const verdict = rightLines ? rightLines[pos] === text : null;
          const tone = lifted
            ? "ring-2 ring-indigo-700 shadow-lg bg-indigo-50 scale-[1.02]"
            : verdict === true
              ? "ring-2 ring-emerald-600 bg-emerald-50"
              : verdict === false
                ? "ring-2 ring-rose-600 bg-rose-50"
                : "ring-1 ring-slate-300 bg-white shadow-sm";
          return (
            <li key={item} className={`flex items-stretch rounded-2xl transition-transform motion-reduce:transition-none ${tone}`}>
              <div
                aria-hidden="true"
                onPointerDown={(e) => onPointerDown(e, item)}
                className={`flex w-12 shrink-0 flex-col items-center justify-center gap-1 rounded-l-2xl border-r border-slate-200 text-slate-600 select-none ${disabled ? "" : "cursor-grab touch-none active:cursor-grabbing"}`}
              >
                <span className="text-lg font-extrabold text-slate-900">{pos + 1}</span>
                {!disabled && <span className="text-xl leading-none">⠿</span>}
                {verdict !== null && <span className={`text-lg font-bold ${verdict ? "text-emerald-800" : "text-rose-800"}`}>{verdict ? "✓" : "✗"}</span>}
              </div>
              <p id={textId} className="min-w-0 flex-1 self-center px-3 py-2 font-mono text-base leading-snug break-words whitespace-pre-wrap">
                <span className="sr-only">{`Place ${pos + 1}${verdict === null ? "" : verdict ? ", right place" : ", wrong place"}: `}</span>
                <HighlightedLine line={text} />
              </p>
              <div className="flex shrink-0 flex-col border-l border-slate-200">
                {(["up", "down"] as const).map((dir) => (
                  <button
                    key={dir}
                    type="button"
                    ref={(el) => {
                      if (el) buttons.current.set(`${item}:${dir}`, el);
                      else buttons.current.delete(`${item}:${dir}`);
                    }}
                    aria-describedby={textId}
                    disabled={disabled || (dir === "up" ? pos === 0 : pos === order.length - 1)}
                    onClick={() => byButton(pos, dir)}
                    className={`flex min-h-12 w-12 flex-1 items-center justify-center text-xl font-bold text-indigo-800 hover:bg-indigo-100 focus-visible:outline-3 focus-visible:-outline-offset-3 focus-visible:outline-indigo-600 disabled:text-slate-300 ${dir === "up" ? "rounded-tr-2xl border-b border-slate-200" : "rounded-br-2xl"}`}
                  >
                    <span aria-hidden="true">{dir === "up" ? "▲" : "▼"}</span>
                    <span className="sr-only">{dir === "up" ? "Move up" : "Move down"}</span>
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      <p aria-live="polite" className="sr-only">
        {said}
      </p>
    </div>
  );
}

const short = (line: string) => (line.length > 40 ? `${line.slice(0, 40)}…` : line);
