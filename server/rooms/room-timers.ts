/**
 * Arms the timers a session's state asks for (lib/session dueTimers): one `setTimeout` per
 * timer key, re-armed only when the key changes, cleared when the state no longer asks for
 * it. Timers come from the state alone, so a restarted server arms the same ones.
 */
import type { Timer } from "../../lib/session/decide";

export class RoomTimers {
  private armed = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly now: () => number,
    private readonly fire: (key: string) => void,
  ) {}

  /** Makes the armed set match `timers`. */
  sync(timers: readonly Timer[]): void {
    const wanted = new Set(timers.map((t) => t.key));
    for (const [key, handle] of this.armed) {
      if (!wanted.has(key)) {
        clearTimeout(handle);
        this.armed.delete(key);
      }
    }
    for (const t of timers) {
      if (!this.armed.has(t.key)) this.arm(t, t.at - this.now());
    }
  }

  /**
   * A timeout may run a millisecond before the clock reads its time (Node's timers round
   * against a cached loop time): one that comes early waits out the rest, so what it fires
   * is never stamped before the moment the state asked for (a question closed at its deadline).
   */
  private arm(t: Timer, delay: number): void {
    const handle = setTimeout(() => {
      const left = t.at - this.now();
      if (left > 0) return this.arm(t, left);
      this.armed.delete(t.key);
      this.fire(t.key);
    }, Math.max(0, delay));
    this.armed.set(t.key, handle);
  }

  clear(): void {
    for (const handle of this.armed.values()) clearTimeout(handle);
    this.armed.clear();
  }

  get size(): number {
    return this.armed.size;
  }
}
