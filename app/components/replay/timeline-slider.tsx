"use client";

/**
 * The "Timeline" slider over the session's time, with its marks drawn on the track (lesson
 * steps, joins, a question's launch, close and reveal, training mode's rounds and steps). Keyboard: arrows ±1 s (with Shift
 * ±10 s), Page Up / Page Down a twentieth of the session, Home and End. A drag moves the
 * cursor at once; the state under it follows when the drag settles.
 */
import { useRef } from "react";
import type { MarkKind, ReplayMark } from "../../../lib/protocol/replay";
import { formatOffset } from "../../../lib/replay/timeline";

/** How each kind of mark is drawn: colour and height (never colour alone: height and shape differ). */
export const MARK_STYLES: Record<MarkKind, { name: string; className: string; legend: string } | null> = {
  start: null,
  end: null,
  step: { name: "Lesson step", className: "h-6 w-1 -top-1.5 bg-indigo-600", legend: "h-4 w-1 bg-indigo-600" },
  join: { name: "Join", className: "h-3 w-0.5 top-0 bg-slate-500", legend: "h-2.5 w-0.5 bg-slate-500" },
  launch: { name: "Question launched", className: "h-5 w-1.5 -top-1 rounded-t-full bg-amber-500", legend: "h-3.5 w-1.5 rounded-t-full bg-amber-500" },
  close: { name: "Question closed", className: "h-5 w-1.5 -top-1 bg-slate-800", legend: "h-3.5 w-1.5 bg-slate-800" },
  reveal: { name: "Answer revealed", className: "h-3.5 w-3.5 top-[-0.125rem] rotate-45 rounded-sm bg-emerald-600 ring-2 ring-white", legend: "h-2.5 w-2.5 rotate-45 rounded-sm bg-emerald-600" },
  training: { name: "Training", className: "h-3.5 w-3.5 top-[-0.125rem] rounded-full border-[3px] border-fuchsia-700 bg-white", legend: "h-3 w-3 rounded-full border-[3px] border-fuchsia-700 bg-white" },
};

/** The kinds the legend lists, in its order (the start and the end are the track's ends). */
const LEGEND: readonly MarkKind[] = ["step", "join", "launch", "close", "reveal", "training"];

interface TimelineSliderProps {
  startAt: number;
  endAt: number;
  at: number;
  marks: readonly ReplayMark[];
  onSeek(t: number): void;
}

export function TimelineSlider({ startAt, endAt, at, marks, onSeek }: TimelineSliderProps) {
  const track = useRef<HTMLDivElement>(null);
  const span = Math.max(1, endAt - startAt);
  const pct = (t: number) => `${(((t - startAt) / span) * 100).toFixed(3)}%`;
  const fromPointer = (clientX: number) => {
    const r = track.current!.getBoundingClientRect();
    return startAt + Math.min(1, Math.max(0, (clientX - r.left) / r.width)) * span;
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(10_000, span / 20);
    const step = e.shiftKey ? 10_000 : 1000;
    const to: Record<string, number> = {
      ArrowLeft: at - step,
      ArrowDown: at - step,
      ArrowRight: at + step,
      ArrowUp: at + step,
      PageDown: at - page,
      PageUp: at + page,
      Home: startAt,
      End: endAt,
    };
    if (!(e.key in to)) return;
    e.preventDefault();
    onSeek(to[e.key]!);
  };
  const elapsed = Math.round((at - startAt) / 1000);
  return (
    <div className="relative px-2 pt-3 pb-2">
      <div
        ref={track}
        role="slider"
        tabIndex={0}
        aria-label="Timeline"
        aria-valuemin={0}
        aria-valuemax={Math.round(span / 1000)}
        aria-valuenow={elapsed}
        aria-valuetext={`${formatOffset(at - startAt)} of ${formatOffset(span)}`}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          e.currentTarget.focus();
          onSeek(fromPointer(e.clientX));
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) onSeek(fromPointer(e.clientX));
        }}
        className="group relative h-8 cursor-pointer touch-none rounded-lg outline-none focus-visible:ring-4 focus-visible:ring-indigo-300"
      >
        <div className="absolute inset-x-0 top-1/2 h-3 -translate-y-1/2 rounded-full bg-slate-200">
          <div className="h-full rounded-full bg-indigo-300" style={{ width: pct(at) }} />
        </div>
        <div aria-hidden="true" className="absolute inset-x-0 top-1/2 h-3 -translate-y-1/2">
          {marks.map((m, i) => {
            const style = MARK_STYLES[m.kind];
            if (!style) return null;
            return <span key={i} title={`${formatOffset(m.at - startAt)} · ${m.label}`} className={`absolute -translate-x-1/2 ${style.className}`} style={{ left: pct(m.at) }} />;
          })}
        </div>
        <div
          aria-hidden="true"
          className="absolute top-1/2 h-7 w-7 -translate-x-1/2 -translate-y-1/2 rounded-full border-4 border-white bg-indigo-700 shadow-md ring-1 ring-indigo-900/30 transition-transform group-active:scale-110"
          style={{ left: pct(at) }}
        />
      </div>
      <ul aria-label="Kinds of marks" className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs font-semibold text-slate-600">
        {LEGEND.map((kind) => (
          <li key={kind} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="relative inline-block h-4 w-4">
              <span className={`absolute top-1/2 left-1/2 -translate-x-1/2 -translate-y-1/2 ${MARK_STYLES[kind]!.legend}`} />
            </span>
            {MARK_STYLES[kind]!.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
