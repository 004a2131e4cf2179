/**
 * The replay timeline's marks, from the log's marked events (db MARK_EVENT_TYPES), read in
 * pages: the start, lesson steps, joins, each question's launch, close and reveal, training
 * mode's moments (started, each round's start and end, automatic steps, stopped) and the end.
 * Pure: the labels are what the timeline shows.
 */
import { LESSON_STEPS } from "../../lib/lesson/steps";
import type { ReplayMark } from "../../lib/protocol/replay";
import { formatValue } from "../../lib/session/format";

export interface MarkSource {
  seq: number;
  type: string;
  payload: unknown;
  /** Epoch ms. */
  at: number;
}

/** "Step 3: Why depth matters" for step index 2; "Free play" when the class left the lesson. */
export function stepLabel(step: number | null): string {
  if (step === null) return "Free play";
  const title = LESSON_STEPS[step]?.title;
  return title ? `Step ${step + 1}: ${title}` : `Step ${step + 1}`;
}

const field = (payload: unknown, key: string): unknown =>
  payload && typeof payload === "object" ? (payload as Record<string, unknown>)[key] : undefined;

const num = (payload: unknown, key: string): number | null => {
  const v = field(payload, key);
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};

/**
 * "loss 0.172 → 0.166", or "loss 0.166" when the loss before is not known.
 * @example
 * lossChange(0.1724, 0.166); // "loss 0.172 → 0.166"
 * lossChange(null, 0.166); // "loss 0.166"
 */
export function lossChange(before: number | null, after: number | null): string {
  if (after === null) return before === null ? "loss unknown" : `loss ${formatValue(before)}`;
  return before === null ? `loss ${formatValue(after)}` : `loss ${formatValue(before)} → ${formatValue(after)}`;
}

/**
 * Folds marked events into marks, keeping what a later page needs (which run is which
 * question number, the open training round's loss at its start).
 * @example
 * const marks = new MarkBuilder({ hideNames: false });
 * marks.add({ seq: 4, type: "student.joined", payload: { nickname: "Ada" }, at }); // "Ada joined"
 * marks.add({ seq: 9, type: "training.round-started", payload: { round: 1, lossBefore: 0.172 }, at }); // "Round 1 started"
 * marks.add({ seq: 30, type: "training.round-ended", payload: { round: 1, lossAfter: 0.166 }, at }); // "Round 1 ended: loss 0.172 → 0.166"
 */
export class MarkBuilder {
  readonly marks: ReplayMark[] = [];
  private numbers = new Map<string, number>();
  /** Each round's loss at its start, by round number (a new data set starts the rounds again). */
  private roundLoss = new Map<number, number | null>();
  private ended = false;

  constructor(private readonly options: { hideNames: boolean }) {}

  add(event: MarkSource): void {
    const { seq, at, payload } = event;
    const push = (kind: ReplayMark["kind"], label: string) => void this.marks.push({ seq, at, kind, label });
    switch (event.type) {
      case "session.created":
        return push("start", "Start");
      case "session.ended":
        this.ended = true;
        return push("end", "End");
      case "lesson.step": {
        const step = field(payload, "step");
        return push("step", stepLabel(typeof step === "number" ? step : null));
      }
      case "student.joined": {
        const nickname = field(payload, "nickname");
        const named = !this.options.hideNames && typeof nickname === "string" && nickname !== "";
        return push("join", named ? `${nickname} joined` : "A student joined");
      }
      case "quiz.launched": {
        const number = Number(field(payload, "number"));
        this.numbers.set(String(field(payload, "runId")), number);
        return push("launch", `Question ${number} launched`);
      }
      case "quiz.closed":
      case "quiz.revealed": {
        const number = this.numbers.get(String(field(payload, "runId")));
        const what = event.type === "quiz.closed" ? "closed" : "revealed";
        return push(event.type === "quiz.closed" ? "close" : "reveal", number ? `Question ${number} ${what}` : `Question ${what}`);
      }
      case "training.started": {
        this.roundLoss.clear();
        const title = field(field(payload, "dataset"), "title");
        return push("training", typeof title === "string" && title !== "" ? `Training started: ${title}` : "Training started");
      }
      case "training.round-started": {
        const round = num(payload, "round");
        if (round !== null) this.roundLoss.set(round, num(payload, "lossBefore"));
        return push("training", round !== null ? `Round ${round} started` : "Round started");
      }
      case "training.round-ended": {
        const round = num(payload, "round");
        const change = lossChange(round !== null ? (this.roundLoss.get(round) ?? null) : null, num(payload, "lossAfter"));
        return push("training", round !== null ? `Round ${round} ended: ${change}` : `Round ended: ${change}`);
      }
      case "training.stepped":
        return push("training", `Automatic step: ${lossChange(num(payload, "lossBefore"), num(payload, "lossAfter"))}`);
      case "training.stopped":
        return push("training", "Training stopped");
      default:
        return;
    }
  }

  /**
   * The marks, with a start at the first event and, while the session is live, an end at
   * the log's head ("Now").
   */
  finish(start: { at: number }, head: { seq: number; at: number }): ReplayMark[] {
    const out = [...this.marks];
    if (head.seq === 0) return out;
    if (out[0]?.kind !== "start") out.unshift({ seq: 1, at: start.at, kind: "start", label: "Start" });
    if (!this.ended && head.seq > 1) out.push({ seq: head.seq, at: head.at, kind: "end", label: "Now (the class is live)" });
    return out;
  }
}
