/**
 * One sandboxed grading child seen from the server: started ahead of need, it loads Python and
 * says it is ready; it then grades exactly one job under a wall clock, a memory cap and an
 * output cap, and is killed. Everything it writes after the job is untrusted
 * (server/grader/child-line.ts).
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { CodeJob, RunOutcome } from "../../lib/quiz/code-run";
import { readAnswer, readyLine } from "./child-line";
import { killTree, processTree, treeRssBytes } from "./proc-tree";
import { spawnSandboxed, type SandboxCommand } from "./sandbox";

/** The limits of one grade. */
export interface RunLimits {
  /** Wall clock from the moment the job is written to the child. */
  timeoutMs: number;
  /** Summed resident memory of the child's processes. */
  memoryBytes: number;
  /** Bytes the child may write after the job (its result is one line well under this). */
  outputBytes: number;
  /** How often memory is measured. */
  pollMs: number;
}

/** A sandbox normally holds nice's bubblewrap, bubblewrap's init and Node: more means the code started programs. */
const MAX_PROCESSES = 4;
/** What is kept of a child's stderr, for the log; past it the pipe is closed, so a flood of it costs the server nothing. */
const STDERR_KEEP = 4_000;
/** What a child may write before its job: the ready line. */
const BEFORE_JOB_BYTES = 4_096;

type State = "starting" | "ready" | "running" | "dead";

export class WarmChild {
  /** Settles when Python is loaded (`fromSnapshot` false: it fell back to a normal load), or rejects with why the child died first. */
  readonly ready: Promise<{ fromSnapshot: boolean }>;
  /** Settles when the child's process has ended, however it ended. */
  readonly exited: Promise<void>;
  private readonly proc: ChildProcess;
  private readonly stdin: NodeJS.WritableStream;
  private state: State = "starting";
  private stdout: Buffer = Buffer.alloc(0);
  /** Bytes written to stdout since the job (before it: since the start). */
  private written = 0;
  private outputCap = BEFORE_JOB_BYTES;
  private stderr = "";
  private onLine: ((line: string) => void) | null = null;
  private onEnd: ((why: string) => void) | null = null;
  private onOverflow: (() => void) | null = null;

  /**
   * Spawns the child (detached, so it leads its own process group), sends it the `harness`
   * (lib/quiz/code-harness.ts) and waits for its ready line for at most `readyTimeoutMs`.
   */
  constructor(command: SandboxCommand, harness: string, readyTimeoutMs: number) {
    this.proc = spawnSandboxed(command, ["pipe", "pipe", "pipe"]);
    this.stdin = this.proc.stdin!;
    this.stdin.on("error", () => {});
    this.stdin.write(`${JSON.stringify({ harness })}\n`);
    this.proc.stdout!.on("data", (chunk: Buffer) => this.take(chunk));
    const stderr = this.proc.stderr!;
    stderr.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8").slice(0, STDERR_KEEP - this.stderr.length);
      if (this.stderr.length >= STDERR_KEEP) stderr.destroy();
    });
    this.ready = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill();
        reject(new Error(`it was not ready within ${readyTimeoutMs} ms`));
      }, readyTimeoutMs);
      this.onLine = (line) => {
        clearTimeout(timer);
        const ready = parseReady(line);
        if (!ready) {
          this.kill();
          reject(new Error("its first line was not the ready line"));
          return;
        }
        this.state = "ready";
        this.onLine = null;
        this.onEnd = null;
        resolve({ fromSnapshot: ready.snapshot });
      };
      this.onEnd = (why) => {
        clearTimeout(timer);
        reject(new Error(`${why} before it was ready${this.stderr ? `: ${this.stderr.trim().split("\n").slice(-3).join(" | ")}` : ""}`));
      };
    });
    this.ready.catch(() => {});
    this.exited = new Promise((resolve) => {
      this.proc.on("error", (err) => {
        this.end(`it could not start (${err.message})`);
        resolve();
      });
      this.proc.on("close", (code, signal) => {
        this.end(signal ? `it was killed by ${signal}` : `it exited with code ${code}`);
        resolve();
      });
    });
  }

  /** What the child wrote to stderr (the first few KB), for the log. */
  get stderrText(): string {
    return this.stderr;
  }

  /** Grades `job`. The child is killed when it is done, whatever the outcome: a child grades once. */
  run(job: CodeJob, limits: RunLimits): Promise<RunOutcome> {
    if (this.state !== "ready") return Promise.resolve({ kind: "crashed", ms: 0, detail: "the child was not ready" });
    this.state = "running";
    const nonce = randomBytes(16).toString("hex");
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    return new Promise<RunOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: RunOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        this.onLine = this.onEnd = this.onOverflow = null;
        this.kill();
        resolve(outcome);
      };
      const timer = setTimeout(() => finish({ kind: "timeout", ms: ms(), limitMs: limits.timeoutMs }), limits.timeoutMs);
      const poll = setInterval(() => {
        if (!this.proc.pid || !this.alive) return;
        const pids = processTree(this.proc.pid);
        if (pids.length > MAX_PROCESSES) finish({ kind: "crashed", ms: ms(), detail: "it started other programs" });
        else if (treeRssBytes(pids) > limits.memoryBytes) finish({ kind: "memory", ms: ms(), limitMb: Math.round(limits.memoryBytes / 2 ** 20) });
      }, limits.pollMs);
      this.onOverflow = () => finish({ kind: "output", ms: ms() });
      this.onEnd = (why) => finish({ kind: "crashed", ms: ms(), detail: `${why} without a result` });
      this.onLine = (line) => {
        const answer = readAnswer(line, nonce, job);
        finish(answer.kind === "result" ? { kind: "done", result: answer.result, ms: ms() } : { kind: "crashed", ms: ms(), detail: answer.detail });
      };
      this.written = 0;
      this.outputCap = limits.outputBytes;
      this.stdin.write(`${JSON.stringify({ job, nonce })}\n`);
    });
  }

  /** SIGKILLs the child and everything under it. */
  kill(): void {
    if (this.proc.pid && this.alive) killTree(this.proc.pid);
  }

  /** Whether the child has not exited: once it has been reaped, its pid may be another process's. */
  private get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Stdout: a line for whoever waits for one; more than the cap is an overflow. */
  private take(chunk: Buffer): void {
    this.written += chunk.length;
    if (this.written > this.outputCap) {
      if (this.onOverflow) this.onOverflow();
      else this.kill();
      return;
    }
    if (!this.onLine) {
      // Output while nobody waits (a ready child writes nothing before its job): not a child to trust.
      if (this.state === "ready") this.kill();
      return;
    }
    this.stdout = this.stdout.length ? Buffer.concat([this.stdout, chunk]) : chunk;
    const newline = this.stdout.indexOf(10);
    if (newline === -1) return;
    const line = this.stdout.subarray(0, newline).toString("utf8");
    this.stdout = Buffer.alloc(0);
    this.onLine(line);
  }

  private end(why: string): void {
    if (this.state === "dead") return;
    this.state = "dead";
    this.onEnd?.(why);
  }
}

function parseReady(line: string): { snapshot: boolean } | null {
  try {
    const parsed = readyLine.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
