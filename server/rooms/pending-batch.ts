/**
 * The events waiting for the next tick's commit. A student's slider entries that arrive
 * within one tick fold into one event (the value the class will see), moved to the end
 * so the log keeps the order in which each value last arrived. Any other event is a
 * barrier: entries before it are never merged with entries after it, so folding the log
 * always gives exactly the state the server decided on.
 */
import type { SessionEvent } from "../../lib/session/events";

export interface PendingEvent {
  event: SessionEvent;
  actor: string | null;
}

export class PendingBatch {
  private items = new Map<string, PendingEvent>();
  private segment = 0;
  private counter = 0;

  get size(): number {
    return this.items.size;
  }

  add(item: PendingEvent): void {
    if (item.event.type === "entry.set") {
      const key = `entry:${this.segment}:${item.event.payload.studentId}`;
      this.items.delete(key);
      this.items.set(key, item);
    } else {
      this.items.set(`event:${this.counter++}`, item);
      this.segment++;
    }
  }

  /** Everything pending, in commit order; the batch is empty afterwards. */
  take(): PendingEvent[] {
    const all = [...this.items.values()];
    this.items.clear();
    this.segment++;
    return all;
  }
}
