"use client";

/**
 * The question as it was at the cursor: its text, its status, how many had answered and,
 * once revealed, the key, the explanation and the class's answers as bars. The teacher also
 * sees who had answered what at that moment (the state's `quiz.answers`); a shared link
 * never gets them.
 */
import { memo, useMemo } from "react";
import type { SessionState } from "../../../lib/session/state";
import { useLive } from "../diagram/live-store";
import { Bars } from "../quiz/dash-bars";
import { AnswerKey } from "../quiz/dash-answer-key";
import { QuestionView } from "../quiz/dash-question";
import { distribution, shareCorrect } from "../quiz/dash-tally";
import { Panel } from "../teacher/ui";
import { answerText } from "./answer-text";
import { studentName } from "../../../lib/replay/describe-event";

const STATUS: Record<string, { text: string; tone: string }> = {
  open: { text: "Open", tone: "bg-emerald-100 text-emerald-950 ring-emerald-700" },
  closed: { text: "Closed", tone: "bg-slate-200 text-slate-950 ring-slate-500" },
  revealed: { text: "Answer revealed", tone: "bg-indigo-100 text-indigo-950 ring-indigo-700" },
};

const presentCount = (s: SessionState) => Object.values(s.students).filter((x) => !x.removed).length;

interface Row {
  name: string;
  answer: string;
  correct: boolean | null;
  points: number;
  seconds: string;
}

function answerRows(s: SessionState): Row[] {
  const run = s.quiz.run;
  if (!run) return [];
  const revealed = run.status === "revealed";
  return Object.entries(s.quiz.answers)
    .map(([id, a]) => ({ join: s.students[id]?.joinIndex ?? 0, row: { name: studentName(s, id), answer: answerText(a.answer, run.shown), correct: revealed ? a.correct : null, points: revealed ? a.points : 0, seconds: (a.elapsedMs / 1000).toFixed(1) } }))
    .sort((a, b) => a.join - b.join)
    .map((x) => x.row);
}

export const ReplayQuestion = memo(function ReplayQuestion({ teacher }: { teacher: boolean }) {
  const run = useLive((s) => s.quiz.run);
  const answers = useLive((s) => s.quiz.answers);
  const total = useLive(presentCount);
  const state = useLive((s) => s);
  const rows = useMemo(() => (teacher ? answerRows(state) : []), [teacher, state]);
  const bars = useMemo(() => (run ? distribution(run, teacher ? answers : null) : []), [run, answers, teacher]);
  if (!run) return null;
  const revealed = run.status === "revealed";
  const status = STATUS[run.status]!;
  return (
    <Panel
      title={`Question ${run.number}`}
      actions={<span className={`rounded-full px-3 py-1 text-sm font-bold ring-1 ${status.tone}`}>{status.text}</span>}
    >
      <div className="flex flex-col gap-4">
        <QuestionView question={run.shown} revealed={revealed ? run.key : null} />
        <p aria-label="Answers" className="text-xl font-black tabular-nums text-slate-950">
          {run.answered} of {total} answered
        </p>
        {revealed && (
          <div className="flex flex-col gap-3">
            {run.key && run.key.kind !== "choice" && <AnswerKey run={run} />}
            {run.explanation && <p className="text-base text-slate-900">{run.explanation}</p>}
            {run.summary && run.shown.kind !== "poll" && run.shown.kind !== "code" && (
              <p className="text-lg font-black text-slate-950">{shareCorrect(run.summary.correct, run.summary.answered)}</p>
            )}
            {bars.length > 0 && <Bars bars={bars} label="How the class answered" />}
          </div>
        )}
        {teacher && (
          <div>
            <h3 className="text-sm font-bold tracking-wide text-slate-600 uppercase">Answers by student at this moment</h3>
            {rows.length === 0 ? (
              <p className="mt-1 text-sm text-slate-700">No answers yet.</p>
            ) : (
              <table className="mt-1 w-full text-left text-sm">
                <caption className="sr-only">Answers by student at this moment</caption>
                <thead className="text-xs text-slate-600 uppercase">
                  <tr>
                    <th scope="col" className="py-1 pr-2">Student</th>
                    <th scope="col" className="py-1 pr-2">Answer</th>
                    <th scope="col" className="py-1 pr-2 text-right">Time</th>
                    {revealed && <th scope="col" className="py-1 text-right">Points</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={i} className="border-t border-slate-100">
                      <th scope="row" className="py-1 pr-2 font-semibold text-slate-900">{r.name}</th>
                      <td className="max-w-40 truncate py-1 pr-2 text-slate-900" title={r.answer}>
                        {r.correct === true && <span className="mr-1 font-bold text-emerald-800">✓</span>}
                        {r.correct === false && <span className="mr-1 font-bold text-slate-600">✗</span>}
                        {r.answer}
                        {r.correct !== null && <span className="sr-only">{r.correct ? " (right)" : " (not right)"}</span>}
                      </td>
                      <td className="py-1 pr-2 text-right font-mono tabular-nums text-slate-700">{r.seconds} s</td>
                      {revealed && <td className="py-1 text-right font-mono tabular-nums text-slate-900">{r.points}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </div>
    </Panel>
  );
});
