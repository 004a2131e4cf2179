/**
 * The loss over time, as a chart draws it: what the session itself remembers (each round's loss
 * at its start and end, each automatic step's before and after) and, on the dashboard, the
 * points its browser saw between them. Pure; no zod.
 */
import type { TrainingState } from "../../../lib/session/domains/training/state";

export interface LossPoint {
  /** Epoch ms. */
  at: number;
  loss: number;
}

/** A moment the chart marks with a line: a round starting or ending, an automatic step. */
export interface LossMark {
  at: number;
  kind: "round-start" | "round-end" | "step";
  /** "Round 2", "Automatic step". */
  label: string;
}

/**
 * The points and marks the training state holds, in time order (a replay, a reloaded page).
 * @example
 * const { points, marks } = savedHistory(state.training);
 * points[0]; // { at: 1700000000000, loss: 0.693 }: the first round's start
 */
export function savedHistory(training: Pick<TrainingState, "rounds" | "steps">): { points: LossPoint[]; marks: LossMark[] } {
  const points: LossPoint[] = [];
  const marks: LossMark[] = [];
  for (const r of training.rounds) {
    points.push({ at: r.startedAt, loss: r.lossBefore });
    marks.push({ at: r.startedAt, kind: "round-start", label: `Round ${r.round}` });
    if (r.endedAt !== null && r.lossAfter !== null) {
      points.push({ at: r.endedAt, loss: r.lossAfter });
      marks.push({ at: r.endedAt, kind: "round-end", label: `End of round ${r.round}` });
    }
  }
  for (const s of training.steps) {
    points.push({ at: s.at - 1, loss: s.lossBefore });
    points.push({ at: s.at, loss: s.lossAfter });
    marks.push({ at: s.at, kind: "step", label: "Automatic step" });
  }
  points.sort((a, b) => a.at - b.at);
  marks.sort((a, b) => a.at - b.at);
  return { points, marks };
}

/**
 * Two histories as one, in time order; a point of `extra` within a millisecond of a saved one
 * with the same loss is dropped.
 * @example
 * mergePoints(saved.points, seen); // every point, oldest first
 */
export function mergePoints(saved: readonly LossPoint[], extra: readonly LossPoint[]): LossPoint[] {
  const all = [...saved, ...extra.filter((p) => !saved.some((s) => Math.abs(s.at - p.at) <= 1 && s.loss === p.loss))];
  return all.sort((a, b) => a.at - b.at);
}

/** At most this many points are kept in the browser: a long lesson thins its oldest half. */
export const MAX_SEEN_POINTS = 600;

/**
 * Adds a point unless the loss did not change; halves the older part when the list is full.
 * @example
 * addPoint([], { at: 1, loss: 0.5 }); // [{ at: 1, loss: 0.5 }]
 */
export function addPoint(points: readonly LossPoint[], point: LossPoint): LossPoint[] {
  const last = points[points.length - 1];
  if (last && last.loss === point.loss) return points as LossPoint[];
  const next = [...points, point];
  if (next.length <= MAX_SEEN_POINTS) return next;
  const half = Math.floor(next.length / 2);
  return [...next.slice(0, half).filter((_, i) => i % 2 === 0), ...next.slice(half)];
}
