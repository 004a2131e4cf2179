"use client";

/**
 * The quiz on the wall (the projector view and the dashboard's projector mode): the question
 * large while it runs, how many have answered and the time left; after the reveal the
 * answer, the explanation and how the class answered; the top five when the leaderboard is
 * shown. It reads what every viewer may read (the public question, the count, the revealed
 * key and summary), never the teacher's key or answers, so the teacher's own projector mode
 * shows exactly what the second screen shows. A code question shows how many sent a program
 * while it runs (never anyone's code or result) and, after the reveal, the share passing every
 * test, each test's pass rate and the reference solution.
 */
import { memo } from "react";
import { TOP_PLACES } from "../../../lib/session/domains/quiz/views";
import { useLive } from "../diagram/live-store";
import { Bars } from "./dash-bars";
import { Countdown } from "./dash-countdown";
import { QuestionView } from "./dash-question";
import { AnswerKey } from "./dash-answer-key";
import { revealedCodeTally, sentText } from "./dash-code-tally";
import { distribution, leaderRows, shareCorrect } from "./dash-tally";
import { WallCodeReveal } from "./wall-code";
import { LeaderboardList } from "./wall-leaderboard";

/** Whether the wall shows the quiz instead of the network. */
export const quizOnWall = (s: { quiz: { run: unknown; leaderboard: boolean } }) => s.quiz.run !== null || s.quiz.leaderboard;

export const WallQuiz = memo(function WallQuiz() {
  const run = useLive((s) => s.quiz.run);
  const board = useLive((s) => s.quiz.leaderboard);
  const scores = useLive((s) => s.quiz.scores);
  const students = useLive((s) => s.students);
  const hideNames = useLive((s) => s.hideNames);
  if (board) {
    return (
      <section aria-labelledby="wall-board-title" className="mx-auto flex w-full max-w-5xl flex-col gap-6 py-4">
        <h1 id="wall-board-title" className="text-5xl font-black tracking-tight text-slate-950">
          Top {TOP_PLACES}
        </h1>
        <LeaderboardList rows={leaderRows(scores, students, hideNames, TOP_PLACES)} size="wall" />
      </section>
    );
  }
  if (!run) return null;
  const revealed = run.status === "revealed";
  const bars = distribution(run, null);
  const code = run.shown.kind === "code";
  const codeTally = revealedCodeTally(run);
  return (
    <section aria-label={`Question ${run.number}`} className="flex min-h-0 flex-1 flex-col gap-6">
      <div className="flex flex-wrap items-center gap-x-8 gap-y-2 text-3xl font-bold text-slate-800">
        <h1 className="text-3xl font-black uppercase tracking-wide text-indigo-800">Question {run.number}</h1>
        <p>{code ? sentText(run.answered) : run.answered === 1 ? "1 answered" : `${run.answered} answered`}</p>
        {run.status === "closed" && <p className="rounded-lg bg-slate-900 px-4 py-1 text-white">Answers closed</p>}
        <Countdown run={run} className="ml-auto text-5xl" />
      </div>
      {codeTally ? (
        <WallCodeReveal run={run} tally={codeTally} />
      ) : (
        <div className={`grid min-h-0 flex-1 gap-10 ${revealed ? "xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : ""}`}>
          <QuestionView question={run.shown} size="wall" revealed={run.key} />
          {revealed && (
            <div className="flex flex-col gap-6">
              {run.key && run.key.kind !== "choice" && run.key.kind !== "bug" && <AnswerKey run={run} size="wall" />}
              {run.explanation && <p className="text-[1.75rem] leading-snug text-slate-900">{run.explanation}</p>}
              {run.summary && run.shown.kind !== "poll" && <p className="text-3xl font-black text-slate-950">{shareCorrect(run.summary.correct, run.summary.answered)}</p>}
              {bars.length > 0 && <Bars bars={bars} size="wall" label="How the class answered" />}
            </div>
          )}
        </div>
      )}
    </section>
  );
});
