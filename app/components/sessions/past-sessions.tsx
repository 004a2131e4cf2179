"use client";

/**
 * "Past sessions": every session this browser hosted or opened with a teacher link, newest
 * first, with what can be done with each; and the two ways to add one (a teacher link, an
 * imported log). Deleting asks first in a dialog that names the session.
 */
// First: zod must not probe for eval under the content security policy.
import "../no-eval";
import Link from "next/link";
import { useState } from "react";
import type { SessionSummary } from "../../../lib/protocol/replay";
import { Panel } from "../teacher/ui";
import { ImportLogForm, TeacherLinkForm } from "./add-session";
import { DeleteDialog } from "./delete-dialog";
import { formatDuration, plural } from "./format";
import { LookBackHeader } from "./page-chrome";
import { SessionRow, sessionTitle } from "./session-row";
import { deleteSession } from "./teacher-api";
import { usePastSessions, type PastSessionRow } from "./use-past-sessions";

function EmptyList() {
  return (
    <div className="rounded-2xl border-2 border-dashed border-slate-300 bg-white/60 p-8 text-center">
      <p className="text-lg font-bold text-slate-900">No sessions in this browser yet</p>
      <p className="mx-auto mt-2 max-w-md text-slate-600">
        Classes you host from this browser appear here. To see one hosted elsewhere, paste its teacher link, or import a
        session log.
      </p>
      <p className="mt-4">
        <Link href="/" className="font-semibold text-indigo-800 underline underline-offset-4 hover:text-indigo-950">
          Host a class from the start page
        </Link>
      </p>
    </div>
  );
}

export function PastSessions() {
  const { rows, add, remove } = usePastSessions();
  const [deleting, setDeleting] = useState<{ row: PastSessionRow; summary: SessionSummary } | null>(null);
  const [notice, setNotice] = useState("");

  const confirmDelete = async () => {
    if (!deleting) return;
    const { row, summary } = deleting;
    await deleteSession(row.sessionId, row.token);
    remove(row.sessionId);
    setDeleting(null);
    setNotice(`Deleted ${sessionTitle(summary)}.`);
  };

  const loaded = rows?.filter((r) => r.state.kind === "ok") ?? [];
  const students = loaded.reduce((n, r) => n + (r.state.kind === "ok" ? r.state.summary.students : 0), 0);
  const time = loaded.reduce((n, r) => n + (r.state.kind === "ok" ? r.state.summary.durationMs : 0), 0);

  return (
    <div className="min-h-dvh bg-slate-100">
      <LookBackHeader current="sessions" />
      <main className="mx-auto grid max-w-6xl gap-x-6 gap-y-4 px-4 py-6 sm:px-6 sm:py-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-1 lg:col-span-2">
          <h1 className="text-3xl font-extrabold tracking-tight text-slate-900">Past sessions</h1>
          <p className="text-slate-600">
            {rows && rows.length > 0
              ? `${plural(rows.length, "session")} in this browser${loaded.length ? ` · ${plural(students, "student")} · ${formatDuration(time)} of class` : ""}.`
              : "Look back at a class: replay it, hand out its report, or delete it."}
          </p>
        </div>
        <div className="min-w-0 space-y-4">
          <p role="status" className={notice ? "rounded-lg bg-emerald-50 px-3 py-2 text-sm font-semibold text-emerald-900 ring-1 ring-emerald-200" : "sr-only"}>
            {notice}
          </p>
          {rows === null ? (
            <p className="text-slate-600">Reading this browser&apos;s sessions…</p>
          ) : rows.length === 0 ? (
            <EmptyList />
          ) : (
            <ul aria-label="Sessions" className="space-y-3">
              {rows.map((row) => (
                <SessionRow
                  key={row.sessionId}
                  row={row}
                  onDelete={(summary) => {
                    setNotice("");
                    setDeleting({ row, summary });
                  }}
                  onRemove={() => {
                    remove(row.sessionId);
                    setNotice(`Removed session ${row.sessionId.slice(0, 8)} from this list.`);
                  }}
                />
              ))}
            </ul>
          )}
        </div>

        <aside className="space-y-4">
          <Panel title="Add a session">
            <div className="space-y-5">
              <TeacherLinkForm onAdded={add} />
              <div className="border-t border-slate-200 pt-4">
                <ImportLogForm onAdded={add} />
              </div>
            </div>
          </Panel>
          <p className="px-1 text-sm text-slate-600">
            This list lives in this browser only. Deleting a session removes it from the server for everyone; removing it
            from the list only forgets it here.
          </p>
        </aside>
      </main>
      {deleting && (
        <DeleteDialog
          title={sessionTitle(deleting.summary)}
          details={`It had ${plural(deleting.summary.students, "student")} and ${plural(deleting.summary.questions, "question")}${deleting.summary.status === "live" ? ", and is still running" : ""}.`}
          onConfirm={confirmDelete}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
