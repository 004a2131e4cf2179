"use client";

/**
 * The replay's controls in one card: the time under the cursor (from the start and of the
 * day), the event there in words, the Timeline slider with its marks, "Previous mark",
 * "Play"/"Pause", the speeds (1× 2× 4× 8×) and "Next mark".
 */
import type { ReplayMeta } from "../../../lib/protocol/replay";
import { formatClock, formatOffset, nextMark, previousMark } from "../../../lib/replay/timeline";
import { PRIMARY, SECONDARY } from "../teacher/ui";
import { TimelineSlider } from "./timeline-slider";
import { SPEEDS, type ReplayPlayer } from "./use-replay-player";

/** A small stroked icon (the system fonts lack the media-control glyphs). */
function Icon({ path, fill = false }: { path: string; fill?: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 shrink-0" fill={fill ? "currentColor" : "none"} stroke="currentColor" strokeWidth={2.5} strokeLinejoin="round" strokeLinecap="round">
      <path d={path} />
    </svg>
  );
}

export function TimelinePanel({ meta, player }: { meta: ReplayMeta; player: ReplayPlayer }) {
  const { cursor } = player;
  const before = previousMark(meta.marks, cursor);
  const after = nextMark(meta.marks, cursor);
  return (
    <section aria-label="Replay controls" className="rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200 sm:p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="flex items-baseline gap-2">
          <span aria-label="Time from the start" className="font-mono text-2xl font-black tabular-nums text-slate-950">
            {formatOffset(cursor.at - meta.startAt)}
          </span>
          <span className="text-sm font-semibold text-slate-600 tabular-nums">
            / {formatOffset(meta.endAt - meta.startAt)} · <span aria-label="Clock time">{formatClock(cursor.at)}</span>
          </span>
          <span role="status" className={`text-xs font-bold text-indigo-800 transition-opacity ${player.loading ? "opacity-100" : "opacity-0"}`}>
            {player.loading ? "Loading…" : ""}
          </span>
        </p>
        <output aria-label="Event at the cursor" className="min-w-0 max-w-full truncate text-base font-semibold text-slate-900">
          {player.event ?? " "}
        </output>
      </div>
      <TimelineSlider startAt={meta.startAt} endAt={meta.endAt} at={cursor.at} marks={meta.marks} onSeek={player.seekTime} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={SECONDARY} disabled={!before} title={before?.label} onClick={() => before && player.seekTo({ at: before.at, seq: before.seq })}>
            <Icon path="M6 5v14M18 5 9 12l9 7z" />
            <span>
              Previous<span className="sr-only sm:not-sr-only"> mark</span>
            </span>
          </button>
          <button type="button" className={`${PRIMARY} sm:min-w-24`} onClick={player.playing ? player.pause : player.play} disabled={!player.ready}>
            {player.playing ? (
              <>
                <Icon path="M8 5v14M16 5v14" /> Pause
              </>
            ) : (
              <>
                <Icon path="M7 5l12 7-12 7z" fill /> Play
              </>
            )}
          </button>
          <button type="button" className={SECONDARY} disabled={!after} title={after?.label} onClick={() => after && player.seekTo({ at: after.at, seq: after.seq })}>
            <span>
              Next<span className="sr-only sm:not-sr-only"> mark</span>
            </span>
            <Icon path="M18 5v14M6 5l9 7-9 7z" />
          </button>
        </div>
        <div role="group" aria-label="Speed" className="inline-flex overflow-hidden rounded-lg ring-1 ring-slate-300">
          {SPEEDS.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={player.speed === s}
              onClick={() => player.setSpeed(s)}
              className={`px-3 py-2 text-sm font-bold tabular-nums transition ${player.speed === s ? "bg-indigo-700 text-white" : "bg-white text-slate-900 hover:bg-slate-100"}`}
            >
              {s}×
            </button>
          ))}
        </div>
      </div>
      {player.error && (
        <p role="alert" className="mt-2 rounded-lg bg-red-50 px-3 py-2 text-sm font-semibold text-red-900 ring-1 ring-red-200">
          {player.error}
        </p>
      )}
    </section>
  );
}
