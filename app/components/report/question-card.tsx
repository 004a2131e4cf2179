/**
 * One question of the report: its prompt, how many answered out of the class, the share
 * right, the median time to answer, and its distribution as bars.
 */
import { useId } from "react";
import type { QuestionReport } from "../../../lib/protocol/replay";
import { formatAnswerTime, formatClock, formatShare } from "../sessions/format";
import { DistributionBars } from "./distribution-bars";

const KIND_NAMES: Record<string, string> = {
  choice: "Multiple choice",
  numeric: "Number",
  output: "Predict the output",
  bug: "Find the bug",
  blanks: "Fill the blanks",
  order: "Order the lines",
  poll: "Poll",
  parametric: "Your own numbers",
  code: "Program",
};

export const kindName = (kind: string): string => KIND_NAMES[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="flex min-w-0 items-baseline justify-between gap-3 rounded-xl bg-slate-50 px-3 py-2 ring-1 ring-slate-200 md:block">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-right text-lg font-extrabold tabular-nums text-slate-900 md:text-left">
        {value}
        {detail && <span className="ml-1.5 text-sm font-semibold text-slate-500">{detail}</span>}
      </dd>
    </div>
  );
}

export function QuestionCard({ question }: { question: QuestionReport }) {
  const headingId = useId();
  const q = question;
  return (
    <li aria-labelledby={headingId} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 id={headingId} className="text-base font-extrabold text-slate-900">
          Question {q.number}
        </h3>
        <p className="text-sm text-slate-500">
          {kindName(q.kind)} · launched at {formatClock(q.launchedAt)}
        </p>
      </div>
      <p className="mb-4 whitespace-pre-line break-words text-base text-slate-800">{q.prompt}</p>
      <div className="grid gap-5 md:grid-cols-[minmax(0,15rem)_minmax(0,1fr)]">
        <dl className="grid grid-cols-1 gap-2">
          <Stat label="Answered" value={String(q.answered)} detail={`of ${q.students}`} />
          <Stat label="Correct" value={q.correct === null ? "—" : formatShare(q.shareCorrect)} detail={q.correct === null ? "a poll" : `${q.correct} right`} />
          <Stat label="Median time" value={formatAnswerTime(q.medianMs)} detail={q.meanMs === null ? undefined : `mean ${formatAnswerTime(q.meanMs)}`} />
        </dl>
        <DistributionBars question={q} />
      </div>
    </li>
  );
}
