/**
 * One student's own part of the quiz, which only their phone receives: their numbers for a
 * parametric question, the answer the server took, after the reveal whether it was right
 * and what it earned, and their rank once a question has been revealed.
 */
import type { CodeGrade } from "../../../quiz/code-judge";
import { drawAnswerText } from "../../../quiz/grade";
import { rankScores } from "../../../quiz/scoring";
import type { Answer, Draw } from "../../../quiz/types";
import type { SessionState } from "../../state";
import { joinOrder } from "./views";

export interface MyQuiz {
  /** The run this is about (null: no question on the phones). */
  runId: string | null;
  draw: Draw | null;
  answer: Answer | null;
  /** After the reveal: right or not (null for a poll), the points, and the right answer to the student's own numbers. */
  result: { correct: boolean | null; points: number; expected: string | null } | null;
  /** Once a question has been revealed: the student's standing. */
  standing: { points: number; rank: number; of: number } | null;
  /** A code question: whether a program is being graded, how many were sent, the latest grade and the best count. */
  code: MyCode | null;
}

export interface MyCode {
  grading: boolean;
  submissions: number;
  latest: CodeGrade | null;
  /** Tests the best program passed (the one that counts). */
  bestPassed: number | null;
}

/**
 * @example
 * myQuiz(state, "p3"); // { runId: "q2", draw: {...}, answer: null, result: null, standing: { points: 950, rank: 2, of: 28 } }
 */
export function myQuiz(state: SessionState, studentId: string): MyQuiz {
  const run = state.quiz.run;
  const draw = run && Object.hasOwn(run.draws, studentId) ? run.draws[studentId]! : null;
  const recorded = run && Object.hasOwn(state.quiz.answers, studentId) ? state.quiz.answers[studentId]! : null;
  const revealed = run?.status === "revealed";
  const result = revealed
    ? { correct: recorded?.correct ?? (run.question?.kind === "poll" ? null : false), points: recorded?.points ?? 0, expected: draw ? drawAnswerText(draw) : null }
    : null;
  let standing: MyQuiz["standing"] = null;
  if (Object.keys(state.quiz.scores).length > 0) {
    const present = joinOrder(state).filter((id) => !state.students[id]!.removed);
    const ranked = rankScores(state.quiz.scores, present);
    const mine = ranked.find((r) => r.studentId === studentId);
    if (mine) standing = { points: mine.points, rank: mine.rank, of: ranked.length };
  }
  let code: MyCode | null = null;
  if (run?.shown.kind === "code") {
    const pending = Object.hasOwn(state.quiz.grading, studentId) ? state.quiz.grading[studentId]! : null;
    const latest = Object.hasOwn(state.quiz.graded, studentId) ? state.quiz.graded[studentId]! : null;
    code = {
      grading: pending !== null,
      submissions: pending?.number ?? latest?.number ?? 0,
      latest: latest?.grade ?? null,
      bestPassed: recorded?.tests ? recorded.tests.filter(Boolean).length : null,
    };
  }
  return { runId: run?.runId ?? null, draw, answer: recorded?.answer ?? null, result, standing, code };
}
