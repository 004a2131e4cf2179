"use client";

/**
 * A revealed code question on the wall: the prompt, the share of students whose best program
 * passes every test and each test's pass rate on the left; the reference solution and the
 * explanation on the right. Text 24 px and up; the long listing wraps rather than scrolls.
 */
import type { QuestionRun } from "../../../lib/session/domains/quiz/state";
import { AnswerKey } from "./dash-answer-key";
import { CodeResults } from "./dash-code-results";
import type { CodeTally } from "./dash-code-tally";

export function WallCodeReveal({ run, tally }: { run: QuestionRun; tally: CodeTally }) {
  return (
    <div className="grid min-h-0 flex-1 gap-x-12 gap-y-6 xl:grid-cols-2">
      <div className="flex min-w-0 flex-col gap-5">
        <p aria-label="Question" role="group" className="text-3xl font-extrabold leading-tight text-slate-950">
          {run.shown.prompt}
        </p>
        <CodeResults tally={tally} size="wall" />
      </div>
      <div className="flex min-w-0 flex-col gap-5">
        <AnswerKey run={run} size="wall" />
        {run.explanation && <p className="text-2xl leading-snug text-slate-900">{run.explanation}</p>}
      </div>
    </div>
  );
}
