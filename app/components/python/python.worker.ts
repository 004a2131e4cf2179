/**
 * The Python worker: loads Pyodide from the app's own server (`/_py/<version>/`, see
 * server/python-runtime.ts) on its first message, then runs code sent by the page and streams
 * what it prints back, or grades a code question's job with the same harness the server's
 * sandbox runs (lib/quiz/code-harness.ts, defined in the interpreter on the first job). Python
 * runs synchronously here, so a runaway loop blocks only this worker; the page stops it by
 * terminating the worker.
 */
/// <reference lib="webworker" />
import type { PyodideAPI } from "pyodide";
import pyodidePackage from "pyodide/package.json";
import { HARNESS_PY } from "../../../lib/quiz/code-harness";
import type { CodeJob, HarnessResult } from "../../../lib/quiz/code-run";
import { RUNNER_SOURCE } from "./runner-source";
import type { FromWorker, ToWorker } from "./worker-protocol";

declare const self: DedicatedWorkerGlobalScope;

/** Absolute, because a bundler may start workers from a `blob:` URL that relative URLs cannot resolve against. */
const RUNTIME_URL = `${self.location.origin}/_py/${pyodidePackage.version}/`;
/**
 * A run's printed lines past these are dropped (the loop keeps running until Stop), so a print
 * loop cannot flood the page. Each line is posted as it is printed: Python blocks this thread,
 * so text held back for a timer would never leave if the code then computes forever.
 */
const MAX_LINES_PER_RUN = 10_000;
const MAX_CHARS_PER_RUN = 1_000_000;

const post = (message: FromWorker) => self.postMessage(message);

let python: Promise<PyodideAPI> | undefined;
let run: { id: number; lines: number; chars: number; dropped: boolean } | undefined;

function write(stream: "stdout" | "stderr", line: string) {
  if (!run || run.dropped) return;
  const text = `${line}\n`;
  if (run.lines >= MAX_LINES_PER_RUN || run.chars + text.length > MAX_CHARS_PER_RUN) {
    run.dropped = true;
    post({ type: "output", id: run.id, stream: "stderr", text: "[more output was not shown]\n" });
    return;
  }
  run.lines += 1;
  run.chars += text.length;
  post({ type: "output", id: run.id, stream, text });
}

/**
 * Counts the runtime's bytes as they arrive, for the progress bar. The server sends each
 * file's decoded size in `x-raw-length` (the body is gzipped on the wire). The count reads a
 * clone, so Pyodide gets the browser's own response, and the browser can keep the compiled
 * WebAssembly in its code cache for the next load.
 */
function countDownloads() {
  const realFetch = self.fetch.bind(self);
  let expected = 0;
  let received = 0;
  let lastReport = 0;
  const count = async (body: ReadableStream<Uint8Array>) => {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      received += value.byteLength;
      if (expected > 0 && performance.now() - lastReport > 100) {
        lastReport = performance.now();
        post({ type: "progress", phase: "download", fraction: Math.min(1, received / expected) });
      }
    }
  };
  self.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(RUNTIME_URL) || !response.ok) return response;
    expected += Number(response.headers.get("x-raw-length")) || 0;
    const copy = response.clone().body;
    if (copy) count(copy).catch(() => {});
    return response;
  };
  return () => {
    self.fetch = realFetch;
  };
}

function loadPython(progress: boolean): Promise<PyodideAPI> {
  if (python) return python;
  python = (async () => {
    const started = performance.now();
    // Only the first load of a page shows a bar; a fresh worker after Stop loads from the cache.
    const stopCounting = progress ? countDownloads() : () => {};
    if (progress) post({ type: "progress", phase: "download", fraction: 0 });
    try {
      const { loadPyodide } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ `${RUNTIME_URL}pyodide.mjs`)) as typeof import("pyodide");
      const py = await loadPyodide({ indexURL: RUNTIME_URL, packages: [] });
      if (progress) post({ type: "progress", phase: "start", fraction: 1 });
      py.setStdout({ batched: (line: string) => write("stdout", line) });
      py.setStderr({ batched: (line: string) => write("stderr", line) });
      py.setStdin({ error: true });
      py.runPython(RUNNER_SOURCE);
      post({ type: "ready", loadMs: Math.round(performance.now() - started) });
      return py;
    } finally {
      stopCounting();
    }
  })();
  python.catch((err: unknown) => {
    // The next Run tries again.
    python = undefined;
    post({ type: "load-failed", message: err instanceof Error ? err.message : String(err) });
  });
  return python;
}

async function runCode(id: number, code: string, progress: boolean) {
  let py: PyodideAPI;
  try {
    py = await loadPython(progress);
  } catch {
    return; // load-failed was posted
  }
  post({ type: "started", id });
  const started = performance.now();
  run = { id, lines: 0, chars: 0, dropped: false };
  let ok = false;
  const runner = py.globals.get("_synapse_run") as ((source: string) => boolean) & { destroy(): void };
  try {
    ok = runner(code);
  } catch (err) {
    write("stderr", err instanceof Error ? err.message : String(err));
  } finally {
    runner.destroy();
  }
  run = undefined;
  post({ type: "done", id, ok, ms: Math.round(performance.now() - started) });
}

let harness: ((jobJson: string) => string) | undefined;

async function gradeJob(id: number, job: CodeJob, progress: boolean) {
  let py: PyodideAPI;
  try {
    py = await loadPython(progress);
  } catch {
    return; // load-failed was posted
  }
  post({ type: "started", id });
  const started = performance.now();
  let result: HarnessResult | null = null;
  let detail = "";
  try {
    if (!harness) {
      py.runPython(HARNESS_PY);
      harness = py.globals.get("run_job") as (jobJson: string) => string;
    }
    result = JSON.parse(harness(JSON.stringify(job))) as HarnessResult;
  } catch (err) {
    detail = err instanceof Error ? err.message : String(err);
  }
  post({ type: "graded", id, result, detail, ms: Math.round(performance.now() - started) });
}

// Messages are handled one at a time: a run that is still going keeps the next one waiting.
let queue: Promise<unknown> = Promise.resolve();
self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "load") queue = queue.then(() => loadPython(message.progress)).catch(() => {});
  else if (message.type === "run") queue = queue.then(() => runCode(message.id, message.code, message.progress));
  else if (message.type === "grade") queue = queue.then(() => gradeJob(message.id, message.job, message.progress));
};
