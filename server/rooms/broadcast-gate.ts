/**
 * Spaces a room's broadcasts at least one tick apart. Commits start at a fixed rate but
 * take a variable time, so two could finish close together; the gate holds what the
 * second one committed until a tick has passed since the last broadcast and sends it then,
 * with anything committed meanwhile. Each client so gets at most one update per tick.
 */
export class BroadcastGate<T> {
  private events: T[] = [];
  private presence = false;
  private last = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly send: (events: T[], presenceChanged: boolean) => void,
    private readonly tickMs: number,
  ) {}

  /** Queues committed events (and a presence change) for the next broadcast. */
  push(events: readonly T[], presenceChanged: boolean): void {
    this.events.push(...events);
    this.presence ||= presenceChanged;
    const wait = this.last + this.tickMs - performance.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Sends what is queued now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.events.length === 0 && !this.presence) return;
    const events = this.events;
    const presence = this.presence;
    this.events = [];
    this.presence = false;
    this.last = performance.now();
    this.send(events, presence);
  }
}
