/**
 * A few warm grading children, so a grade does not wait for Python to load. Each child grades
 * once and is then killed; its replacement starts at once, in the background. At most `size`
 * children exist at a time (loading, idle or grading), which also bounds how many grades run
 * at once. A child that dies before it is ready is replaced after a growing pause; after
 * `maxStartFailures` such deaths in a row the pool gives up and says why (`broken`), rather
 * than loop on a sandbox that cannot start.
 */
import type { Logger } from "../logger";
import type { WarmChild } from "./warm-child";

export interface PoolOptions {
  size: number;
  /** Spawns one child (it then loads Python). */
  spawn: () => WarmChild;
  /** A child became ready: there is one to `take`. */
  onReady: () => void;
  /** Children keep dying before they are ready: nothing can be graded until `reset`. */
  onBroken: (reason: string) => void;
  maxStartFailures?: number;
  log?: Logger;
}

const FIRST_PAUSE_MS = 250;
const LONGEST_PAUSE_MS = 10_000;

export class Pool {
  /** Why the pool gave up, or null while it works. */
  broken: string | null = null;
  private readonly idle: WarmChild[] = [];
  private readonly all = new Set<WarmChild>();
  private starting = 0;
  private busy = 0;
  private failures = 0;
  private pause: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  /** Ready children waiting for a job. */
  get idleCount(): number {
    return this.idle.length;
  }

  /** Children loading Python. */
  get startingCount(): number {
    return this.starting;
  }

  /** Starts children until there are `size` of them (unless broken, closed, or pausing after a failure). */
  fill(): void {
    while (!this.closed && !this.broken && !this.pause && this.starting + this.idle.length + this.busy < this.options.size) this.startOne();
  }

  /** A ready child for one job, or undefined when none is ready; hand it back with `release`. */
  take(): WarmChild | undefined {
    const child = this.idle.shift();
    if (child) this.busy++;
    return child;
  }

  /** A child that has graded: it is killed and a replacement starts. */
  release(child: WarmChild): void {
    child.kill();
    this.busy--;
    this.fill();
  }

  /** Tries again after the pool gave up. */
  reset(): void {
    this.broken = null;
    this.failures = 0;
    this.fill();
  }

  /** Kills every child and starts no more; resolves when they have ended. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.pause) clearTimeout(this.pause);
    const children = [...this.all];
    for (const child of children) child.kill();
    await Promise.all(children.map((c) => c.exited));
  }

  private startOne(): void {
    const child = this.options.spawn();
    this.starting++;
    this.all.add(child);
    void child.exited.then(() => {
      this.all.delete(child);
      const i = this.idle.indexOf(child);
      if (i !== -1) {
        // It died while idle (killed from outside, or it wrote when it should not have).
        this.idle.splice(i, 1);
        this.fill();
      }
    });
    child.ready.then(
      () => {
        this.starting--;
        if (this.closed) return child.kill();
        this.failures = 0;
        this.idle.push(child);
        this.options.onReady();
      },
      (err: Error) => {
        this.starting--;
        if (this.closed || this.broken) return;
        this.failures++;
        const limit = this.options.maxStartFailures ?? 3;
        this.options.log?.warn({ err: err.message, failures: this.failures }, "grader: a child died before it was ready");
        if (this.failures >= limit) {
          this.broken = `The grading sandbox failed to start ${this.failures} times in a row (last: ${err.message}).`;
          this.options.onBroken(this.broken);
          return;
        }
        if (this.pause) return;
        this.pause = setTimeout(
          () => {
            this.pause = null;
            this.fill();
          },
          Math.min(FIRST_PAUSE_MS * 2 ** (this.failures - 1), LONGEST_PAUSE_MS),
        );
      },
    );
  }
}
