/**
 * Messages between a page and its Python worker (python.worker.ts). The page sends code to
 * run, or a code question's job to grade; the worker answers with loading progress, printed
 * text as it comes, and the end of each run (for a job, the harness's report). Stopping is not
 * a message: the page terminates the worker (a busy Python loop never reads messages) and
 * starts a fresh one.
 */
import type { CodeJob, HarnessResult } from "../../../lib/quiz/code-run";


export type ToWorker =
  /** Start loading Python now, without running anything (a fresh worker after Stop). */
  | { type: "load"; progress: boolean }
  /** Run this code in a fresh namespace, loading Python first if needed. */
  | { type: "run"; id: number; code: string; progress: boolean }
  /** Run a code question's job with the grading harness (lib/quiz/code-harness.ts), as the server's sandbox does. */
  | { type: "grade"; id: number; job: CodeJob; progress: boolean };

export type LoadPhase = "download" | "start";

export type FromWorker =
  /** Loading: `fraction` of the runtime's bytes downloaded so far (0–1), or starting it. */
  | { type: "progress"; phase: LoadPhase; fraction: number }
  | { type: "ready"; loadMs: number }
  /** Python could not load (the files could not be fetched, the browser lacks WebAssembly…). */
  | { type: "load-failed"; message: string }
  /** Python is loaded and run `id` starts now. */
  | { type: "started"; id: number }
  | { type: "output"; id: number; stream: "stdout" | "stderr"; text: string }
  /** The run ended: `ok` is false when it raised (its traceback went to stderr). */
  | { type: "done"; id: number; ok: boolean; ms: number }
  /** A job ended: the harness's report, or null with what went wrong when the harness itself failed. */
  | { type: "graded"; id: number; result: HarnessResult | null; detail: string; ms: number };
