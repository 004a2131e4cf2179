/**
 * The replay timeline's marks, from the log's marked events (db MARK_EVENT_TYPES), read in
 * pages: the start, lesson steps, joins, each question's launch, close and reveal, and the
 * end. Pure: the labels are what the timeline shows.
 */
import { LESSON_STEPS } from "../../lib/lesson/steps";
import type { ReplayMark } from "../../lib/protocol/replay";

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

/**
 * Folds marked events into marks, keeping what a later page needs (which run is which
 * question number).
 * @example
 * const marks = new MarkBuilder({ hideNames: false });
 * marks.add({ seq: 4, type: "student.joined", payload: { nickname: "Ada" }, at }); // "Ada joined"
 */
export class MarkBuilder {
  readonly marks: ReplayMark[] = [];
  private numbers = new Map<string, number>();
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
