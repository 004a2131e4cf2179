/**
 * Points for an answer (docs/quizzes.md explains the formula to teachers). Pure: the time
 * comes from the server's measurement, never from the phone.
 *
 *   wrong, or a poll:           0
 *   right, speed points off:    1000
 *   right, speed points on:     500 + round(500 × (1 − min(t, T) / T))
 *   streak points on:           + 100 × min(streak, 5), where streak is the number of
 *                               graded questions in a row the student got right before
 *
 * t is the server-measured time to answer; T is the question's time limit, or 30 s when it
 * has none.
 */
import type { QuizSettings } from "./types";

export const FULL_POINTS = 1_000;
export const SPEED_SHARE = 500;
export const STREAK_STEP = 100;
export const STREAK_CAP = 5;
/** The speed window of a question without a time limit. */
export const DEFAULT_SPEED_WINDOW_MS = 30_000;

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = { speedPoints: true, streakPoints: true };

/**
 * @example
 * answerPoints({ correct: true, elapsedMs: 3_000, timeLimitSec: 30, streak: 2 }, DEFAULT_QUIZ_SETTINGS); // 450 + 500 + 200 = 1150
 */
export function answerPoints(
  answer: { correct: boolean | null; elapsedMs: number; timeLimitSec: number | null; streak: number },
  settings: QuizSettings,
): number {
  if (answer.correct !== true) return 0;
  let points = FULL_POINTS;
  if (settings.speedPoints) {
    const window = answer.timeLimitSec === null ? DEFAULT_SPEED_WINDOW_MS : answer.timeLimitSec * 1000;
    const t = Math.min(Math.max(answer.elapsedMs, 0), window);
    points = FULL_POINTS - SPEED_SHARE + Math.round(SPEED_SHARE * (1 - t / window));
  }
  if (settings.streakPoints) points += STREAK_STEP * Math.min(answer.streak, STREAK_CAP);
  return points;
}

/** A student's standing over the revealed questions. */
export interface Score {
  points: number;
  /** Graded questions answered right in a row, up to the last revealed one. */
  streak: number;
  correct: number;
  answered: number;
}

export const NO_SCORE: Score = { points: 0, streak: 0, correct: 0, answered: 0 };

export interface Ranked {
  studentId: string;
  rank: number;
  points: number;
}

/**
 * The leaderboard: highest points first; equal points share a rank (1, 2, 2, 4); ties are
 * listed by who joined first, so the order is stable.
 * @example
 * rankScores({ a: { ...NO_SCORE, points: 900 } }, ["a"]); // [{ studentId: "a", rank: 1, points: 900 }]
 */
export function rankScores(scores: Readonly<Record<string, Score>>, joinOrder: readonly string[]): Ranked[] {
  const order = new Map(joinOrder.map((id, i) => [id, i]));
  const sorted = joinOrder
    .map((id) => ({ studentId: id, points: Object.hasOwn(scores, id) ? scores[id]!.points : 0 }))
    .sort((a, b) => b.points - a.points || order.get(a.studentId)! - order.get(b.studentId)!);
  let rank = 0;
  return sorted.map((s, i) => {
    if (i === 0 || s.points !== sorted[i - 1]!.points) rank = i + 1;
    return { ...s, rank };
  });
}
