/**
 * Work put off to the next turn of the event loop, run in the order it was put off. A room
 * fans a commit out here, so the acknowledgements of every room in the same transaction
 * (promise callbacks, run before the next turn) are written before the broadcasts, which
 * are many more messages; `now()` runs what is waiting at once (before a fresh snapshot, at
 * shutdown).
 */
export class NextTurn {
  private work: (() => void)[] = [];

  later(fn: () => void): void {
    this.work.push(fn);
    if (this.work.length === 1) setImmediate(() => this.now());
  }

  now(): void {
    const work = this.work;
    this.work = [];
    for (const fn of work) fn();
  }
}
