/**
 * A code question's programs are graded by the room as jobs (lib/session/rule-types.ts, Job):
 * every program in `quiz.grading` is due until its `quiz.graded` event is stored. The job runs
 * the program in the sandbox; `done` judges the run and prices it with the points the
 * student's streak and the scoring switches give at that moment.
 */
import { jobFor, judge } from "../../../quiz/code-judge";
import { answerPoints, NO_SCORE } from "../../../quiz/scoring";
import type { Job } from "../../rule-types";
import type { SessionState } from "../../state";

/**
 * @example
 * gradingJobs(state).map((j) => j.key); // ["grade:q3-p7-2"]
 */
export function gradingJobs(state: SessionState): Job[] {
  const run = state.quiz.run;
  const question = run?.question;
  if (!run || question?.kind !== "code") return [];
  return Object.entries(state.quiz.grading).map(([studentId, pending]): Job => ({
    key: `grade:${pending.submissionId}`,
    kind: "grade-code",
    input: jobFor(question, pending.code),
    done: (current, outcome, now) => {
      const still = current.quiz.grading[studentId];
      if (current.quiz.run?.runId !== pending.runId || still?.submissionId !== pending.submissionId) return [];
      const grade = judge(question, outcome);
      const correct = grade.status === "graded" && grade.passed === grade.total;
      const streak = (Object.hasOwn(current.quiz.scores, studentId) ? current.quiz.scores[studentId]! : NO_SCORE).streak;
      const points = answerPoints({ correct, elapsedMs: pending.elapsedMs, timeLimitSec: run.timeLimitSec, streak }, current.quiz.settings);
      return [{ type: "quiz.graded", payload: { runId: pending.runId, studentId, submissionId: pending.submissionId, grade, points, at: now } }];
    },
  }));
}
