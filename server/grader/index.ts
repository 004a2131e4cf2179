/**
 * Grades students' Python on the server: each job runs in a fresh Pyodide child inside
 * bubblewrap (server/grader/sandbox.ts), taken from a small pool of warm children
 * (server/grader/pool.ts), under a wall clock, a memory cap and an output cap. Without a
 * working sandbox nothing runs: every job is `{ kind: "unavailable", reason }`, the reason
 * saying how to enable code questions. Jobs wait in a bounded FIFO queue.
 *
 * @example
 * const grader = new Grader({ log });
 * void grader.warm(); // a teacher launched a code question
 * const outcome = await grader.run({ source, entry: "predict", calls: [{ args: [[0.9, 0.8, 0], 0.5] }], asserts: [] });
 */
import { HARNESS_PY } from "../../lib/quiz/code-harness";
import type { CodeJob, RunOutcome } from "../../lib/quiz/code-run";
import type { Logger } from "../logger";
import { Pool } from "./pool";
import { checkSandbox, childProgram, INSIDE, sandboxCommand, sandboxPaths, type SandboxCheck, type SandboxPaths } from "./sandbox";
import { makeSnapshot, removeSnapshot, removeStaleSnapshots } from "./snapshot";
import { WarmChild, type RunLimits } from "./warm-child";

export interface GraderOptions {
  /** bubblewrap's binary (default /usr/bin/bwrap). */
  bwrap?: string;
  /** Warm children, and so grades at once (default 2). */
  poolSize?: number;
  /** Jobs that may wait for a child; past it `run` rejects with GraderBusyError (default 100). */
  maxQueued?: number;
  /** Wall clock per grade, from the moment the job reaches the child (default 5000). */
  timeoutMs?: number;
  /** Memory per grade: the summed RSS of the sandbox's processes (default 512). */
  memoryMb?: number;
  /** Bytes a child may write for one grade (default 256 KiB). */
  outputBytes?: number;
  /** Whether to load children from a memory snapshot (default true; false: about 3 s per child instead of 0.4 s). */
  snapshot?: boolean;
  log?: Logger;
}

/** What the grader is doing. `available` is null until the sandbox has been checked. */
export interface GraderStatus {
  available: boolean | null;
  reason: string | null;
  /** Children loaded and waiting for a job. */
  warm: number;
  /** Children loading Python. */
  starting: number;
  queued: number;
  running: number;
}

/** Too many jobs are waiting: the caller should ask the student to try again shortly. */
export class GraderBusyError extends Error {
  constructor(readonly maxQueued: number) {
    super(`${maxQueued} code submissions are already waiting to be graded: try again in a moment.`);
    this.name = "GraderBusyError";
  }
}

interface Waiting {
  job: CodeJob;
  resolve: (outcome: RunOutcome) => void;
}

/** A child loads Python within this (a cold load, no snapshot, on a busy machine: about 10 s). */
const READY_TIMEOUT_MS = 60_000;
const SNAPSHOT_TIMEOUT_MS = 120_000;
const POLL_MS = 50;

export class Grader {
  private readonly paths: SandboxPaths;
  private readonly limits: RunLimits;
  private readonly poolSize: number;
  private readonly maxQueued: number;
  private readonly useSnapshot: boolean;
  private readonly log?: Logger;
  private readonly queue: Waiting[] = [];
  private checked: SandboxCheck | null = null;
  private checking: Promise<SandboxCheck> | null = null;
  private starting: Promise<void> | null = null;
  private pool: Pool | null = null;
  private snapshotFile: string | null = null;
  private unavailable: string | null = null;
  private running = 0;
  private closed = false;
  private warnedSnapshot = false;
  /** Removes the snapshot if the process exits without `close` (a kill -9 leaves it for the next process). */
  private readonly removeAtExit = () => {
    if (this.snapshotFile) removeSnapshot(this.snapshotFile);
  };
  private readonly abort = new AbortController();

  constructor(options: GraderOptions = {}) {
    this.paths = sandboxPaths(options.bwrap);
    this.limits = {
      timeoutMs: options.timeoutMs ?? 5_000,
      memoryBytes: (options.memoryMb ?? 512) * 2 ** 20,
      outputBytes: options.outputBytes ?? 256 * 1024,
      pollMs: POLL_MS,
    };
    this.poolSize = Math.max(1, options.poolSize ?? 2);
    this.maxQueued = options.maxQueued ?? 100;
    this.useSnapshot = options.snapshot ?? true;
    this.log = options.log;
  }

  /** Whether this machine can sandbox students' code (checked once, then remembered). */
  check(): Promise<SandboxCheck> {
    this.checking ??= checkSandbox(this.paths).then((check) => {
      this.checked = check;
      if (!check.ok) this.log?.warn({ reason: check.reason }, "grader: code questions are unavailable");
      return check;
    });
    return this.checking;
  }

  /**
   * Starts the warm children ahead of need (a teacher launched a code question); the first
   * call also makes the memory snapshot. Resolves once they are starting (not loaded). After
   * the pool gave up on a sandbox that would not start, this tries again.
   */
  async warm(): Promise<void> {
    if (this.pool?.broken && !this.closed) {
      this.unavailable = null;
      this.pool.reset();
    }
    await this.start();
  }

  /**
   * Grades one job. Waits in a FIFO queue for a warm child; `force` skips the queue's bound
   * (jobs restarted after a restart of the server must not be refused).
   * @throws GraderBusyError (as a rejection) when `maxQueued` jobs already wait and not `force`
   */
  async run(job: CodeJob, options: { force?: boolean } = {}): Promise<RunOutcome> {
    if (this.closed) return { kind: "unavailable", reason: "The grader has shut down." };
    if (this.unavailable) return { kind: "unavailable", reason: this.unavailable };
    if (this.checked && !this.checked.ok) return { kind: "unavailable", reason: this.checked.reason };
    if (!options.force && this.queue.length >= this.maxQueued) throw new GraderBusyError(this.maxQueued);
    const outcome = new Promise<RunOutcome>((resolve) => this.queue.push({ job, resolve }));
    void this.start();
    this.dispatch();
    return outcome;
  }

  status(): GraderStatus {
    const reason = this.checked && !this.checked.ok ? this.checked.reason : this.unavailable;
    return {
      available: this.checked ? this.checked.ok && !this.unavailable : null,
      reason,
      warm: this.pool?.idleCount ?? 0,
      starting: this.pool?.startingCount ?? 0,
      queued: this.queue.length,
      running: this.running,
    };
  }

  /** Kills every child, answers waiting jobs with `unavailable`, removes the snapshot. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    this.fail("The grader has shut down.");
    await this.starting?.catch(() => {});
    await this.pool?.close();
    process.off("exit", this.removeAtExit);
    this.removeAtExit();
  }

  /** Checks the sandbox, makes the snapshot and starts the pool, once. */
  private start(): Promise<void> {
    this.starting ??= this.setUp().catch((err: unknown) => {
      this.log?.error({ err }, "grader: could not start");
      this.unavailable = `The grader could not start: ${err instanceof Error ? err.message : String(err)}`;
      this.fail(this.unavailable);
    });
    return this.starting;
  }

  private async setUp(): Promise<void> {
    const check = await this.check();
    if (!check.ok) return this.fail(check.reason);
    if (this.useSnapshot && !this.closed) {
      const began = performance.now();
      try {
        removeStaleSnapshots();
        const command = sandboxCommand(this.paths, childProgram(this.paths, ["--make-snapshot"]));
        this.snapshotFile = await makeSnapshot(command, HARNESS_PY, SNAPSHOT_TIMEOUT_MS, this.abort.signal);
        process.once("exit", this.removeAtExit);
        this.log?.info({ ms: Math.round(performance.now() - began) }, "grader: Pyodide snapshot made");
      } catch (err) {
        if (this.closed) return;
        this.log?.warn({ err }, "grader: no Pyodide snapshot, children load Python the ordinary way (about 3 s each)");
      }
    }
    if (this.closed) return;
    this.pool = new Pool({
      size: this.poolSize,
      spawn: () => this.spawnChild(),
      onReady: () => this.dispatch(),
      onBroken: (reason) => {
        this.log?.error({ reason }, "grader: the sandbox does not start");
        this.unavailable = reason;
        this.fail(reason);
      },
      log: this.log,
    });
    this.pool.fill();
  }

  private spawnChild(): WarmChild {
    const snapshot = this.snapshotFile;
    const program = childProgram(this.paths, snapshot ? ["--snapshot", INSIDE.snapshot] : []);
    const child = new WarmChild(sandboxCommand(this.paths, program, snapshot), HARNESS_PY, READY_TIMEOUT_MS);
    child.ready.then(
      ({ fromSnapshot }) => {
        if (!snapshot || fromSnapshot || this.warnedSnapshot) return;
        this.warnedSnapshot = true;
        this.log?.warn({ stderr: child.stderrText.slice(0, 500) }, "grader: children cannot load the snapshot and load Python normally (about 3 s each)");
      },
      () => {},
    );
    return child;
  }

  /** Hands waiting jobs to ready children, oldest first. */
  private dispatch(): void {
    while (this.queue.length > 0 && this.pool && !this.closed) {
      const child = this.pool.take();
      if (!child) return;
      const waiting = this.queue.shift()!;
      this.running++;
      void child.run(waiting.job, this.limits).then((outcome) => {
        this.running--;
        if (outcome.kind !== "done") this.log?.info({ outcome }, "grader: a grade ended without a result");
        this.pool?.release(child);
        waiting.resolve(this.closed ? { kind: "unavailable", reason: "The grader has shut down." } : outcome);
        this.dispatch();
      });
    }
  }

  /** Answers every waiting job with `unavailable`. */
  private fail(reason: string): void {
    for (const waiting of this.queue.splice(0)) waiting.resolve({ kind: "unavailable", reason });
  }
}
