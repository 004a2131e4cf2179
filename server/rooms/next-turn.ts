/**
 * Work put off to a later turn of the event loop, run in the order it was put off. A room
 * fans a commit out here, so the acknowledgements of every room in the same transaction
 * (promise callbacks, run before the next turn) are written before the broadcasts, which
 * are many more messages; `now()` runs what is waiting at once (before a fresh snapshot, at
 * shutdown).
 *
 * The rooms of a process share one line of turns: each turn runs whole rooms' work for at
 * most `SLICE_MS`, then gives the event loop back, so messages that arrived meanwhile are
 * read, and the commit and acknowledgements of the next transaction go out between two
 * rooms' broadcasts instead of after all of them (100 rooms of 100 students each take
 * over a hundred milliseconds to write).
 */

/** How long one turn runs broadcasts before it lets the event loop read and commit. */
export const SLICE_MS = 4;

const line: NextTurn[] = [];
let scheduled = false;

function schedule(): void {
  if (scheduled || line.length === 0) return;
  scheduled = true;
  setImmediate(runSlice);
}

function runSlice(): void {
  scheduled = false;
  const start = performance.now();
  // At least one room per turn, so the line always moves (a room may have left it by `now()`).
  let turn = line.shift();
  while (turn) {
    turn.now();
    turn = line.length > 0 && performance.now() - start < SLICE_MS ? line.shift() : undefined;
  }
  schedule();
}

export class NextTurn {
  private work: (() => void)[] = [];
  private waiting = false;

  later(fn: () => void): void {
    this.work.push(fn);
    if (this.waiting) return;
    this.waiting = true;
    line.push(this);
    schedule();
  }

  now(): void {
    if (this.waiting) {
      this.waiting = false;
      const at = line.indexOf(this);
      if (at >= 0) line.splice(at, 1);
    }
    const work = this.work;
    this.work = [];
    for (const fn of work) fn();
  }
}
