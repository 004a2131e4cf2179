"use client";

/**
 * The question on the phones now, as the teacher runs it: the question as phones show it,
 * "N of M answered", who has not answered, the time left; "Close question", "Reveal answer",
 * "Back to the network" and "Leaderboard".
 *
 * The dashboard is often mirrored on the projector, so before the reveal nothing here shows
 * the answer key, who answered what or how many are right: only how many have answered, who
 * has not, and a poll's raw choices (a poll has no right answer). It reads `run.shown` (the
 * public question), never `run.question`; the key, the explanation and the distribution
 * come once `status === "revealed"`. A code question is the exception: its pass rates per
 * test show as programs are graded (live-code-progress.tsx), and "Reveal answer" waits, and
 * says so, while programs are still being graded.
 */
import { memo, useId, useMemo } from "react";
import type { SessionState } from "../../../../lib/session/state";
import { sameItems, useLive } from "../../diagram/live-store";
import { Bars } from "../../quiz/dash-bars";
import { Countdown } from "../../quiz/dash-countdown";
import { QuestionView } from "../../quiz/dash-question";
import { AnswerKey } from "../../quiz/dash-answer-key";
import { CodeResults } from "../../quiz/dash-code-results";
import { gradingNote, revealedCodeTally } from "../../quiz/dash-code-tally";
import { distribution, KIND_NAMES, shareCorrect } from "../../quiz/dash-tally";
import { useCommands } from "../commands";
import { Panel, PRIMARY, SECONDARY } from "../ui";
import { LeaderboardButton } from "./leaderboard-panel";
import { LiveCodeProgress } from "./live-code-progress";

/** Present students (not removed) with no answer or program in, in joining order, as the dashboard names them. */
function waitingFor(state: SessionState): string[] {
  const { answers, grading, graded } = state.quiz;
  return Object.values(state.students)
    .filter((s) => !s.removed && !Object.hasOwn(answers, s.id) && !Object.hasOwn(grading, s.id) && !Object.hasOwn(graded, s.id))
    .sort((a, b) => a.joinIndex - b.joinIndex)
    .map((s) => (state.hideNames ? `Student ${s.joinIndex}` : s.nickname));
}

const presentCount = (s: SessionState) => Object.values(s.students).filter((x) => !x.removed).length;
/** Answers matter here only for a poll before the reveal, and for every kind after it. */
const visibleAnswers = (s: SessionState) => (s.quiz.run && (s.quiz.run.status === "revealed" || s.quiz.run.shown.kind === "poll") ? s.quiz.answers : null);

const STATUS: Record<string, { text: string; tone: string }> = {
  open: { text: "Open: answers coming in", tone: "bg-emerald-100 text-emerald-950 ring-emerald-700" },
  closed: { text: "Closed: no more answers", tone: "bg-slate-200 text-slate-950 ring-slate-500" },
  revealed: { text: "Answer revealed", tone: "bg-indigo-100 text-indigo-950 ring-indigo-700" },
};

export const LiveQuestion = memo(function LiveQuestion() {
  const { run: send, enabled } = useCommands();
  const run = useLive((s) => s.quiz.run);
  const total = useLive(presentCount);
  const waiting = useLive(waitingFor, sameItems);
  const answers = useLive(visibleAnswers);
  const grading = useLive((s) => Object.keys(s.quiz.grading).length);
  const waitId = useId();
  const bars = useMemo(() => (run ? distribution(run, answers) : []), [run, answers]);
  const codeTally = useMemo(() => (run ? revealedCodeTally(run) : null), [run]);
  if (!run) return null;
  const revealed = run.status === "revealed";
  const status = STATUS[run.status]!;
  const answered = run.answered;
  const code = run.shown.kind === "code" ? run.shown : null;
  const waitNote = revealed ? null : gradingNote(grading);
  const notYet = code ? "Not sent a program yet" : "Not answered yet";

  return (
    <Panel
      title={`Question ${run.number}`}
      actions={
        <div className="flex items-center gap-3">
          <Countdown run={run} className="text-2xl" />
          <span className={`rounded-full px-3 py-1 text-sm font-bold ring-1 ${status.tone}`}>{status.text}</span>
        </div>
      }
    >
      <div className="grid gap-5 xl:grid-cols-[minmax(0,3fr)_minmax(16rem,2fr)]">
        <div className="min-w-0">
          <QuestionView question={run.shown} revealed={revealed ? run.key : null} />
        </div>

        <div className="flex min-w-0 flex-col gap-4">
          <div>
            <p role="status" aria-label="Answers" className="text-2xl font-black tabular-nums text-slate-950">
              {answered} of {total} {code ? "sent a program" : "answered"}
            </p>
            <div className="mt-2 h-3 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
              <div className="h-full rounded-full bg-indigo-700 transition-[width]" style={{ width: `${total ? (answered / total) * 100 : 0}%` }} />
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {KIND_NAMES[run.shown.kind]}
              {run.timeLimitSec !== null ? ` · ${run.timeLimitSec} s` : " · no time limit"}
              {run.allowChange ? " · answers may change" : ""}
            </p>
          </div>

          {!revealed && run.shown.kind === "poll" && bars.length > 0 && <Bars bars={bars} label="Poll answers so far" />}
          {!revealed && code && <LiveCodeProgress tests={code.tests} />}

          {!revealed && (
            <div>
              <h3 className="text-sm font-bold uppercase tracking-wide text-slate-600">{notYet}</h3>
              {waiting.length === 0 ? (
                <p className="mt-1 text-base font-semibold text-emerald-800">{code ? "Everyone has sent a program." : "Everyone has answered."}</p>
              ) : (
                <ul aria-label={notYet} className="mt-1 flex max-h-32 flex-wrap gap-1.5 overflow-y-auto">
                  {waiting.map((name, i) => (
                    <li key={i} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-semibold text-slate-900 ring-1 ring-slate-300">
                      {name}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}

          {revealed && (
            <div className="flex flex-col gap-3">
              {run.key && run.key.kind !== "choice" && <AnswerKey run={run} />}
              {run.explanation && (
                <div>
                  <h3 className="text-sm font-bold uppercase tracking-wide text-slate-600">Explanation</h3>
                  <p className="mt-1 text-base text-slate-900">{run.explanation}</p>
                </div>
              )}
              {run.summary && run.shown.kind !== "poll" && !code && <p className="text-lg font-black text-slate-950">{shareCorrect(run.summary.correct, run.summary.answered)}</p>}
              {bars.length > 0 && <Bars bars={bars} label="How the class answered" />}
              {codeTally && <CodeResults tally={codeTally} />}
            </div>
          )}

          <div className="mt-auto flex flex-wrap gap-2 border-t border-slate-100 pt-3">
            {run.status === "open" && (
              <button type="button" className={SECONDARY} disabled={!enabled} onClick={() => void send("quiz:close", {}, "Question closed.")}>
                Close question
              </button>
            )}
            {!revealed && (
              <button
                type="button"
                className={PRIMARY}
                disabled={!enabled || waitNote !== null}
                aria-describedby={waitNote ? waitId : undefined}
                onClick={() => void send("quiz:reveal", {})}
              >
                Reveal answer
              </button>
            )}
            <LeaderboardButton />
            <button type="button" className={revealed ? PRIMARY : SECONDARY} disabled={!enabled} onClick={() => void send("quiz:clear", {})}>
              Back to the network
            </button>
            <p id={waitId} role="status" className={waitNote ? "basis-full text-sm font-semibold text-amber-900" : "sr-only"}>
              {waitNote}
            </p>
          </div>
        </div>
      </div>
    </Panel>
  );
});
