"use client";
/**
 * "Try it live": one Python example, editable, with Run and Stop and what it prints. The editor
 * (CodeMirror) arrives by dynamic import after the page shows, with the code as a plain listing
 * until then; Python itself loads only when Run is first pressed (python-runner.ts).
 */
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from "react";
import { HighlightedLine } from "../quiz/code-listing";
import { appendOutput, OutputPanel, type OutputChunk } from "./output-panel";
import { pythonRunner } from "./python-runner";
import type { LoadPhase } from "./worker-protocol";

const CodeEditor = lazy(() => import("./code-editor"));

type Phase = "idle" | "loading" | "running" | "done" | "error" | "stopped" | "failed";

export interface TryItLiveProps {
  /** The example's title, shown as a heading (and naming the section). */
  title: string;
  /** The code the editor starts with. */
  code: string;
  /** A sentence under the title. */
  summary?: string;
  /** The heading's level in the page (default 2). */
  headingLevel?: 2 | 3;
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The code as a read-only listing shaped like the editor, shown until the editor has loaded. */
function CodePreview({ code }: { code: string }) {
  const lines = code.split("\n");
  return (
    <div aria-hidden="true" className="overflow-x-auto rounded-xl border border-slate-300 bg-white py-3 font-mono text-base leading-[1.6]">
      {lines.map((line, i) => (
        <div key={i} className="flex whitespace-pre">
          <span className="w-12 shrink-0 bg-slate-50 pr-2 text-right text-slate-600">{i + 1}</span>
          <span className="pl-2">
            <HighlightedLine line={line} />
          </span>
        </div>
      ))}
    </div>
  );
}

export function TryItLive({ title, code: givenCode, summary, headingLevel = 2 }: TryItLiveProps) {
  // No empty last line in the editor for the file's final newline.
  const startCode = givenCode.replace(/\n+$/, "");
  const id = useId();
  const headingId = `${id}-title`;
  const hintId = `${id}-hint`;
  const Heading = headingLevel === 3 ? "h3" : "h2";

  const code = useRef(startCode);
  const [edited, setEdited] = useState(false);
  const [editorKey, setEditorKey] = useState(0);
  const [mounted, setMounted] = useState(false);
  const [phase, setPhase] = useState<Phase>("idle");
  const [loading, setLoading] = useState<{ phase: LoadPhase; fraction: number } | null>(null);
  const [chunks, setChunks] = useState<OutputChunk[]>([]);
  const [status, setStatus] = useState("");
  const runId = useRef<number | null>(null);
  // Printed text arrives line by line; it is drawn at most every 50 ms.
  const pending = useRef<OutputChunk[]>([]);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flushOutput = useCallback(() => {
    if (flushTimer.current !== null) clearTimeout(flushTimer.current);
    flushTimer.current = null;
    const arrived = pending.current;
    pending.current = [];
    if (arrived.length) setChunks((c) => arrived.reduce(appendOutput, c));
  }, []);

  useEffect(() => {
    setMounted(true);
    return () => {
      // Leaving (another lesson step, another page) stops our code if it still runs.
      if (flushTimer.current !== null) clearTimeout(flushTimer.current);
      const running = runId.current;
      runId.current = null;
      if (running !== null) pythonRunner().stop(running);
    };
  }, []);

  const run = useCallback(() => {
    const pressed = performance.now();
    let startedAt: number | null = null;
    // Ctrl+Enter while our own code runs starts it again: the old run ends without a note.
    runId.current = null;
    pending.current = [];
    flushOutput();
    setChunks([]);
    setPhase("running");
    setStatus("Running…");
    const mine = () => runId.current === thisRun;
    const thisRun = pythonRunner().run(code.current, {
      progress(loadPhase, fraction) {
        if (!mine()) return;
        setPhase("loading");
        setLoading({ phase: loadPhase, fraction });
        setStatus(loadPhase === "download" ? "Loading Python…" : "Starting Python…");
      },
      started() {
        if (!mine()) return;
        startedAt = performance.now();
        setLoading(null);
        setPhase("running");
        setStatus("Running…");
      },
      output(stream, text) {
        if (!mine()) return;
        pending.current.push({ stream, text });
        flushTimer.current ??= setTimeout(flushOutput, 50);
      },
      done({ ok, ms }) {
        if (!mine()) return;
        flushOutput();
        runId.current = null;
        setPhase(ok ? "done" : "error");
        const waited = startedAt !== null ? Math.round(startedAt - pressed) : 0;
        const loaded = waited > 300 ? `Python ready in ${formatSeconds(waited)} · ` : "";
        setStatus(`${loaded}${ok ? "Ran" : "Stopped with an error"} in ${formatSeconds(ms)}`);
      },
      stopped(reason) {
        if (!mine()) return;
        flushOutput();
        runId.current = null;
        setLoading(null);
        setPhase("stopped");
        setStatus("Stopped");
        const note = reason === "stop" ? "Stopped.\n" : "Stopped: another example started.\n";
        setChunks((c) => appendOutput(c, { stream: "note", text: (c.length && !c[c.length - 1]!.text.endsWith("\n") ? "\n" : "") + note }));
      },
      loadFailed(message) {
        if (!mine()) return;
        flushOutput();
        runId.current = null;
        setLoading(null);
        setPhase("failed");
        setStatus("Python could not load");
        setChunks([{ stream: "note", text: `Python could not load: ${message}\nCheck the connection to this Synapse server and press Run again.\n` }]);
      },
    });
    runId.current = thisRun;
  }, [flushOutput]);

  const stop = useCallback(() => {
    if (runId.current !== null) pythonRunner().stop(runId.current);
  }, []);

  const reset = () => {
    code.current = startCode;
    setEdited(false);
    setEditorKey((k) => k + 1);
  };

  const active = phase === "loading" || phase === "running";
  const onChange = useCallback(
    (next: string) => {
      code.current = next;
      setEdited(next !== startCode);
    },
    [startCode],
  );

  return (
    <section aria-labelledby={headingId} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <Heading id={headingId} className="text-xl font-bold tracking-tight sm:text-2xl">
        {title}
      </Heading>
      {summary ? <p className="mt-1 text-slate-700">{summary}</p> : null}

      <div className="mt-4">
        {mounted ? (
          <Suspense fallback={<CodePreview code={startCode} />}>
            <CodeEditor key={editorKey} initialCode={startCode} label="Python code" describedBy={hintId} onChange={onChange} onRun={run} />
          </Suspense>
        ) : (
          <CodePreview code={startCode} />
        )}
        <p id={hintId} className="mt-2 text-sm text-slate-600">
          Tab indents. To leave the editor, press Esc, then Tab. Ctrl+Enter runs the code.
        </p>
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-x-2 gap-y-2 sm:gap-x-3">
        <button
          type="button"
          onClick={run}
          disabled={active}
          className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-indigo-700 px-4 sm:px-5 font-semibold text-white shadow-sm hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700 disabled:cursor-not-allowed disabled:bg-indigo-300 disabled:text-indigo-950"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 fill-current">
            <path d="M4 2.5v11l9-5.5z" />
          </svg>
          Run
        </button>
        <button
          type="button"
          onClick={stop}
          disabled={!active}
          className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-4 sm:px-5 font-semibold text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700 disabled:cursor-not-allowed disabled:text-slate-500"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
            <rect x="3" y="3" width="10" height="10" rx="1.5" />
          </svg>
          Stop
        </button>
        <button
          type="button"
          onClick={reset}
          disabled={!edited}
          className="min-h-11 rounded-lg px-2 font-medium sm:px-3 text-indigo-800 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-700 disabled:cursor-not-allowed disabled:text-slate-500 disabled:no-underline"
        >
          Reset<span className="sr-only sm:not-sr-only"> code</span>
        </button>
        <p role="status" className="basis-full text-sm text-slate-700 tabular-nums sm:ml-auto sm:basis-auto">
          {status}
        </p>
      </div>

      <div className="mt-3">
        <OutputPanel chunks={chunks} loading={loading} />
      </div>
    </section>
  );
}
