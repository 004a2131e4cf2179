/**
 * Asynchronous work a room runs on a session's behalf (grading a program), derived from the
 * state like its timers (lib/session/decide.ts, `dueJobs`). The room syncs the runner with
 * its committed state after every commit, so work starts only for what is stored, and work
 * stored before a restart starts again after it. A job's key stays taken until the state no
 * longer asks for it (its result is stored); if storing the result fails, the key is freed
 * and the runner asks the room to sync again a second later.
 */
import type { Job, JobKinds } from "../../lib/session/rule-types";

/** What runs each kind of job: supplied by the server (the grader), absent in unit tests that need none. */
export type Executors = { [K in keyof JobKinds]?: (input: JobKinds[K]["input"]) => Promise<JobKinds[K]["output"]> };

/** What a job's kind gives when nothing on this server can run it. */
const UNRUNNABLE: { [K in keyof JobKinds]: JobKinds[K]["output"] } = {
  "grade-code": { kind: "unavailable", reason: "This server cannot run code questions." },
};

/** How long after a lost result the runner asks for a sync again. */
const RETRY_MS = 1_000;

export class JobRunner {
  private taken = new Set<string>();
  private running = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  /**
   * @param finish stores a finished job's output (resolves once its events are stored)
   * @param onLost told when a job's result could not be stored; true: run it again (after a `resync`)
   * @param resync syncs the runner with the stored state; false when it cannot yet (asked again later)
   */
  constructor(
    private readonly executors: Executors,
    private readonly finish: (job: Job, output: JobKinds[keyof JobKinds]["output"]) => Promise<unknown>,
    private readonly onLost: (job: Job, err: unknown) => boolean,
    private readonly resync: () => boolean,
  ) {}

  /** Stops a pending retry (the room is being dropped). */
  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private retry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.resync()) this.retry();
    }, RETRY_MS);
    this.retryTimer.unref();
  }

  get inFlight(): number {
    return this.running;
  }

  /** Starts every due job not yet started; forgets finished ones the state no longer asks for. */
  sync(due: readonly Job[]): void {
    const keys = new Set(due.map((j) => j.key));
    for (const key of this.taken) if (!keys.has(key)) this.taken.delete(key);
    for (const job of due) if (!this.taken.has(job.key)) this.start(job);
  }

  private start(job: Job): void {
    this.taken.add(job.key);
    this.running++;
    const execute = this.executors[job.kind];
    const output = execute ? execute(job.input) : Promise.resolve(UNRUNNABLE[job.kind]);
    output
      .then((out) => this.finish(job, out))
      .catch((err: unknown) => {
        this.taken.delete(job.key);
        if (this.onLost(job, err)) this.retry();
      })
      .finally(() => {
        this.running--;
      });
  }
}
