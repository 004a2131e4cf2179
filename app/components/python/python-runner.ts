/**
 * The page's one Python worker, shared by every "Try it live" editor on the page and the
 * self-paced lesson's code question, which grades programs with it. The worker (and with it
 * the Python runtime) is created on the first Run, never before. One run at a time: a Run
 * while another example's code is still going stops that one first.
 *
 * Stop terminates the worker: Python running a loop never yields to read a message, and an
 * interrupt buffer would need a SharedArrayBuffer, which needs the page to be cross-origin
 * isolated (COOP/COEP headers on every page). A fresh worker starts loading at once, from the
 * browser's cache, so the next Run does not wait for a download.
 */
import type { CodeJob, HarnessResult } from "../../../lib/quiz/code-run";
import type { FromWorker, LoadPhase, ToWorker } from "./worker-protocol";

interface Listener {
  progress(phase: LoadPhase, fraction: number): void;
  /** Python is loaded and the code starts now. */
  started(): void;
  /** The run was stopped: by its own Stop button, or because another example started. */
  stopped(reason: "stop" | "replaced"): void;
  loadFailed(message: string): void;
}

export interface RunListener extends Listener {
  output(stream: "stdout" | "stderr", text: string): void;
  done(result: { ok: boolean; ms: number }): void;
}

export interface GradeListener extends Listener {
  /** The harness's report (null, with what went wrong, when the harness itself failed). */
  graded(result: HarnessResult | null, detail: string, ms: number): void;
}

class PythonRunner {
  private worker: Worker | undefined;
  /** Whether a worker of this page has loaded Python once (its files are in the browser's cache). */
  private loadedOnce = false;
  private nextId = 1;
  private current: { id: number; listener: Partial<RunListener & GradeListener> & Listener } | undefined;

  run(code: string, listener: RunListener): number {
    if (this.current) this.stopCurrent("replaced");
    const id = this.nextId++;
    this.current = { id, listener };
    this.send({ type: "run", id, code, progress: !this.loadedOnce });
    return id;
  }

  /** Grades a code question's job with the harness; stop it like a run. */
  grade(job: CodeJob, listener: GradeListener): number {
    if (this.current) this.stopCurrent("replaced");
    const id = this.nextId++;
    this.current = { id, listener };
    this.send({ type: "grade", id, job, progress: !this.loadedOnce });
    return id;
  }

  /** Stops run `id` if it is the one running (a stale Stop does nothing). */
  stop(id: number): void {
    if (this.current?.id === id) this.stopCurrent("stop");
  }

  private stopCurrent(reason: "stop" | "replaced") {
    const stopped = this.current;
    this.current = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    stopped?.listener.stopped(reason);
    if (this.loadedOnce) this.send({ type: "load", progress: false });
  }

  private send(message: ToWorker) {
    if (!this.worker) {
      const worker = new Worker(new URL("./python.worker.ts", import.meta.url), { type: "module", name: "python" });
      worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(worker, event.data);
      worker.onerror = (event) => {
        if (worker !== this.worker) return;
        event.preventDefault();
        this.receive(worker, { type: "load-failed", message: event.message || "The Python worker could not start." });
      };
      this.worker = worker;
    }
    this.worker.postMessage(message);
  }

  private receive(worker: Worker, message: FromWorker) {
    if (worker !== this.worker) return;
    const current = this.current;
    switch (message.type) {
      case "progress":
        current?.listener.progress(message.phase, message.fraction);
        return;
      case "ready":
        this.loadedOnce = true;
        return;
      case "started":
        if (current?.id === message.id) current.listener.started();
        return;
      case "load-failed":
        this.current = undefined;
        worker.terminate();
        this.worker = undefined;
        current?.listener.loadFailed(message.message);
        return;
      case "output":
        if (current?.id === message.id) current.listener.output?.(message.stream, message.text);
        return;
      case "done":
        if (current?.id !== message.id) return;
        this.current = undefined;
        current.listener.done?.({ ok: message.ok, ms: message.ms });
        return;
      case "graded":
        if (current?.id !== message.id) return;
        this.current = undefined;
        current.listener.graded?.(message.result, message.detail, message.ms);
        return;
    }
  }
}

let shared: PythonRunner | undefined;

/** The page's runner; it creates no worker until the first run. */
export function pythonRunner(): PythonRunner {
  shared ??= new PythonRunner();
  return shared;
}
