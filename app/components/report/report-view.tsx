"use client";

/**
 * A session's report: a few headline numbers, every question with its distribution drawn,
 * the class as a table, and the files to download. Reads `GET /api/sessions/:id/report` with
 * the teacher pass this browser holds (a teacher link opened here brings it in its hash).
 */
// First: zod must not probe for eval under the content security policy.
import "../no-eval";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { SessionReport } from "../../../lib/protocol/replay";
import { LookBackHeader } from "../sessions/page-chrome";
import { formatDuration, formatShare, formatWhen, plural } from "../sessions/format";
import { HttpError } from "../http/bearer-json";
import { fetchReport } from "../sessions/teacher-api";
import { PRIMARY, SECONDARY } from "../teacher/ui";
import { useTeacherToken } from "../teacher/use-teacher-token";
import { Downloads } from "./downloads";
import { PredictionOverTime } from "./prediction-over-time";
import { QuestionCard } from "./question-card";
import { StudentTable } from "./student-table";

type Loaded = { kind: "loading" } | { kind: "ok"; report: SessionReport } | { kind: "error"; title: string; message: string };

const REFUSED: Record<number, string> = {
  401: "The server no longer knows the teacher pass this browser holds: the session was deleted, or kept past the retention period.",
  403: "This browser holds another session's pass, or a student's, under this address.",
  404: "This session is no longer on the server: it was deleted, or kept past the retention period.",
};

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mx-auto max-w-xl space-y-3 rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-extrabold tracking-tight">{title}</h1>
      <div className="space-y-3 text-slate-700">{children}</div>
      <p>
        <Link href="/sessions" className="font-semibold text-indigo-800 underline underline-offset-4">
          Back to past sessions
        </Link>
      </p>
    </section>
  );
}

function Headline({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-2xl bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="whitespace-nowrap text-xl font-extrabold tabular-nums text-slate-900 sm:text-2xl">{value}</dd>
    </div>
  );
}

/** Share of all graded answers that were right, over every graded question. */
function overallShare(report: SessionReport): number | null {
  const graded = report.questions.filter((q) => q.correct !== null);
  const answered = graded.reduce((n, q) => n + q.answered, 0);
  return answered ? graded.reduce((n, q) => n + (q.correct ?? 0), 0) / answered : null;
}

function Report({ report, sessionId, token }: { report: SessionReport; sessionId: string; token: string }) {
  return (
    <div className="space-y-8">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-1">
          <p className="text-sm font-bold uppercase tracking-wide text-indigo-800">Report · code {report.code}</p>
          <h1 className="text-3xl font-extrabold tracking-tight text-slate-900">{formatWhen(report.createdAt)}</h1>
          <p className="text-slate-600">
            {formatDuration(report.endAt - report.createdAt)} · {plural(report.students.length, "student")} · {plural(report.questions.length, "question")}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/replay/${encodeURIComponent(sessionId)}`} className={PRIMARY}>
            Replay
          </Link>
          <Link href="/sessions" className={SECONDARY}>
            Past sessions
          </Link>
        </div>
      </div>

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Headline label="Students" value={String(report.students.length)} />
        <Headline label="Questions" value={String(report.questions.length)} />
        <Headline label="Answers right" value={formatShare(overallShare(report))} />
        <Headline label="Duration" value={formatDuration(report.endAt - report.createdAt)} />
      </dl>

      <section aria-labelledby="downloads-heading" className="space-y-3">
        <h2 id="downloads-heading" className="text-xl font-extrabold tracking-tight">Downloads</h2>
        <Downloads sessionId={sessionId} token={token} />
      </section>

      <section aria-labelledby="prediction-heading" className="space-y-3">
        <h2 id="prediction-heading" className="text-xl font-extrabold tracking-tight">Class prediction over time</h2>
        <PredictionOverTime sessionId={sessionId} token={token} startAt={report.createdAt} endAt={report.endAt} />
      </section>

      <section aria-labelledby="questions-heading" className="space-y-3">
        <h2 id="questions-heading" className="text-xl font-extrabold tracking-tight">Questions</h2>
        {report.questions.length === 0 ? (
          <p className="rounded-2xl bg-white p-5 text-slate-600 ring-1 ring-slate-200">No question was launched in this session.</p>
        ) : (
          <ul aria-label="Questions" className="space-y-3">
            {report.questions.map((q) => (
              <QuestionCard key={`${q.number}:${q.questionId}`} question={q} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="students-heading" className="space-y-3">
        <h2 id="students-heading" className="text-xl font-extrabold tracking-tight">Students</h2>
        <StudentTable students={report.students} questions={report.questions.length} />
      </section>
    </div>
  );
}

export function ReportView({ sessionId }: { sessionId: string }) {
  const token = useTeacherToken(sessionId);
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    fetchReport(sessionId, token).then(
      (report) => !cancelled && setLoaded({ kind: "ok", report }),
      (err: unknown) => {
        if (cancelled) return;
        const status = err instanceof HttpError ? err.status : 0;
        setLoaded({ kind: "error", title: status === 404 || status === 401 ? "Session not found" : "The report could not be loaded", message: REFUSED[status] ?? (err as Error).message });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, token]);

  let body: React.ReactNode;
  if (token === null) {
    body = (
      <Message title="Teacher link needed">
        <p>This browser does not hold the teacher pass of this session, so it cannot show its report.</p>
        <p>Open the session&apos;s teacher link in this browser, or paste it on the past sessions page.</p>
      </Message>
    );
  } else if (token === undefined || loaded.kind === "loading") {
    body = (
      <p role="status" className="py-10 text-center text-lg text-slate-600">
        Preparing the report…
      </p>
    );
  } else if (loaded.kind === "error") {
    body = (
      <Message title={loaded.title}>
        <p>{loaded.message}</p>
      </Message>
    );
  } else {
    body = <Report report={loaded.report} sessionId={sessionId} token={token} />;
  }

  return (
    <div className="min-h-dvh bg-slate-100">
      <LookBackHeader current="report" />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">{body}</main>
    </div>
  );
}
