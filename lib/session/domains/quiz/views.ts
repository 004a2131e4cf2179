/**
 * The quiz as students and the projector may see it: the question without its key (until
 * the reveal), nobody's numbers or answers, and of the scores only the projector's top five.
 * The teacher sees everything (lib/session/views.ts does not call these for the teacher).
 */
import { rankScores } from "../../../quiz/scoring";
import type { LoggedEvent } from "../../events";
import type { SessionState } from "../../state";
import type { QuestionRun, QuizState } from "./state";

/** How many places of the leaderboard the projector shows. */
export const TOP_PLACES = 5;

/** Student ids in the order they joined (ties on the leaderboard follow it). */
export function joinOrder(state: SessionState): string[] {
  return Object.values(state.students)
    .sort((a, b) => a.joinIndex - b.joinIndex)
    .map((s) => s.id);
}

function publicRun(run: QuestionRun | null): QuestionRun | null {
  return run && { ...run, question: null, shuffle: null, seed: null, draws: {} };
}

/**
 * @example
 * projectQuiz(state, "viewer").scores; // the top five only
 */
export function projectQuiz(state: SessionState, kind: "student" | "viewer"): QuizState {
  const { quiz } = state;
  const scores: QuizState["scores"] = {};
  if (kind === "viewer") {
    for (const { studentId } of rankScores(quiz.scores, joinOrder(state)).slice(0, TOP_PLACES)) {
      if (Object.hasOwn(quiz.scores, studentId)) scores[studentId] = quiz.scores[studentId]!;
    }
  }
  return { ...quiz, run: publicRun(quiz.run), answers: {}, scores, grading: {}, graded: {} };
}

/**
 * A quiz event as students and the projector receive it, or null when it is not a quiz
 * event with a rule here: a launch without key, numbers or shuffle; an answer as a count;
 * the reveal as a fresh snapshot (the key, the results and the scores change at once).
 */
export function projectQuizEvent(event: LoggedEvent, after: SessionState): LoggedEvent | "resync" | null {
  switch (event.type) {
    case "quiz.launched":
      return { ...event, payload: { ...event.payload, question: null, shuffle: null, seed: null, draws: {} } };
    case "quiz.answered":
    case "quiz.submitted":
      return { seq: event.seq, actor: null, type: "quiz.tallied", payload: { runId: event.payload.runId, answered: after.quiz.run?.answered ?? 0 } };
    case "quiz.revealed":
      return "resync";
    default:
      return null;
  }
}
