"use client";

/**
 * One past session in the list: when it ran, for how long, how many students and questions,
 * whether it is still live, and what can be done with it (open the dashboard while live,
 * replay, report, delete). A session the server no longer knows says so and can be removed.
 */
import Link from "next/link";
import { useId } from "react";
import type { SessionSummary } from "../../../lib/protocol/replay";
import { BUTTON, PRIMARY, SECONDARY } from "../teacher/ui";
import { formatDuration, formatWhen } from "./format";
import type { PastSessionRow } from "./use-past-sessions";

const ACTION = `${SECONDARY} min-h-11 px-2 sm:min-h-0 sm:px-3`;
const DANGER_QUIET = `${BUTTON} min-h-11 bg-white px-2 text-red-800 ring-red-300 hover:bg-red-50 sm:min-h-0 sm:px-3`;

/** "session K7QX2M of Thu 26 Nov 2026, 14:05": how the list and the dialog name a session. */
export const sessionTitle = (s: SessionSummary): string => `session ${s.code} of ${formatWhen(s.createdAt)}`;

function StatusPill({ live }: { live: boolean }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-bold uppercase tracking-wide ${live ? "bg-emerald-50 text-emerald-900 ring-1 ring-emerald-200" : "bg-slate-100 text-slate-700 ring-1 ring-slate-200"}`}
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${live ? "bg-emerald-600" : "bg-slate-500"}`} />
      {live ? "Live" : "Ended"}
    </span>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="whitespace-nowrap text-base font-bold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}

export function SessionRow({ row, onDelete, onRemove }: {
  row: PastSessionRow;
  onDelete: (summary: SessionSummary) => void;
  onRemove: () => void;
}) {
  const headingId = useId();
  const { state, sessionId } = row;
  const shortId = sessionId.slice(0, 8);

  if (state.kind !== "ok") {
    const [title, text] =
      state.kind === "loading"
        ? ["Loading…", "Asking the server about this session."]
        : state.kind === "gone"
          ? ["No longer on the server", "This session was deleted, or kept past the server's retention period. Only its entry in this browser is left."]
          : state.kind === "refused"
            ? ["Teacher pass not accepted", `The server no longer accepts the pass this browser holds for it. ${state.message}`]
            : ["Could not load", `${state.message} Reload the page to ask again.`];
    return (
      <li aria-labelledby={headingId} aria-busy={state.kind === "loading" || undefined} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 space-y-1">
            <h3 id={headingId} className="text-base font-extrabold text-slate-900">
              {title}
            </h3>
            <p className="font-mono text-xs font-semibold text-slate-500">Session {shortId}</p>
            <p className="text-sm text-slate-600">{text}</p>
          </div>
          {state.kind !== "loading" && (
            <div className="flex flex-wrap gap-2">
              <button type="button" className={ACTION} onClick={onRemove} aria-describedby={headingId}>
                Remove from this list
              </button>
            </div>
          )}
        </div>
      </li>
    );
  }

  const s = state.summary;
  const live = s.status === "live";
  return (
    <li aria-labelledby={headingId} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <div className="flex flex-col gap-4 lg:flex-row lg:items-center lg:justify-between">
        <div className="min-w-0 space-y-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h3 id={headingId} className="text-lg font-extrabold tracking-tight text-slate-900">
              <span className="sr-only">Session </span>
              {formatWhen(s.createdAt)}
            </h3>
            <StatusPill live={live} />
            {row.imported && (
              <span className="rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-bold uppercase tracking-wide text-amber-900 ring-1 ring-amber-200">
                Imported copy
              </span>
            )}
            <span className="text-sm font-semibold text-slate-500">
              Code <span className="font-mono">{s.code}</span>
            </span>
          </div>
          <dl className="flex flex-wrap gap-x-6 gap-y-2">
            <Fact label={live ? "So far" : "Duration"} value={formatDuration(s.durationMs)} />
            <Fact label="Students" value={String(s.students)} />
            <Fact label="Questions" value={String(s.questions)} />
          </dl>
        </div>
        <div className="grid shrink-0 auto-cols-fr grid-flow-col gap-2 sm:flex sm:flex-wrap lg:flex-nowrap lg:justify-end">
          {live && (
            <Link href={`/teach/${encodeURIComponent(sessionId)}`} className={`${PRIMARY} min-h-11 px-2 sm:min-h-0 sm:px-3`} aria-describedby={headingId}>
              Open
            </Link>
          )}
          <Link href={`/replay/${encodeURIComponent(sessionId)}`} className={ACTION} aria-describedby={headingId}>
            Replay
          </Link>
          <Link href={`/report/${encodeURIComponent(sessionId)}`} className={ACTION} aria-describedby={headingId}>
            Report
          </Link>
          <button type="button" className={DANGER_QUIET} onClick={() => onDelete(s)} aria-describedby={headingId}>
            Delete
          </button>
        </div>
      </div>
    </li>
  );
}
