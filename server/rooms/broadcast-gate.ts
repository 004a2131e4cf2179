/**
 * Spaces a room's broadcasts. Commits start one tick apart, and each sends its broadcast as
 * soon as it is stored, so each client gets one update per tick. A commit takes a variable
 * time, so a slow one and the next could finish close together; the gate holds what the
 * second committed until `minGapMs` has passed since the last broadcast (the room gives half
 * a tick) and sends it then, with anything committed meanwhile.
 *
 * Why not a whole tick: the gate's slots would then run on a clock of their own, a little
 * slower than the commits' (every timer fires late), and each commit would wait for the
 * next slot, half a tick on average (measured: teacher p50 27.6 ms against 18 ms for the
 * acknowledgement of the same moves, at 200 students × 5 moves/s).
 */
export class BroadcastGate<T> {
  private events: T[] = [];
  private presence = false;
  private last = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly send: (events: T[], presenceChanged: boolean) => void,
    private readonly minGapMs: number,
  ) {}

  /** Queues committed events (and a presence change) for the next broadcast. */
  push(events: readonly T[], presenceChanged: boolean): void {
    this.events.push(...events);
    this.presence ||= presenceChanged;
    const wait = this.last + this.minGapMs - performance.now();
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
