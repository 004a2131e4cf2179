/**
 * What a run printed, in a console-like panel labelled "Output" (a polite live log, so a
 * screen reader hears new lines), with the loading bar above it while Python downloads.
 */
import type { LoadPhase } from "./worker-protocol";

export interface OutputChunk {
  /** `note` is ours ("Stopped."), not the program's. */
  stream: "stdout" | "stderr" | "note";
  text: string;
}

/** The page keeps the last this-many characters of a run's output. */
export const MAX_SHOWN_OUTPUT = 100_000;

/** Appends a chunk, merging with the last one of the same stream and dropping the oldest text past the cap. */
export function appendOutput(chunks: OutputChunk[], next: OutputChunk): OutputChunk[] {
  const last = chunks[chunks.length - 1];
  const merged = last && last.stream === next.stream ? [...chunks.slice(0, -1), { ...last, text: last.text + next.text }] : [...chunks, next];
  let total = merged.reduce((sum, c) => sum + c.text.length, 0);
  while (total > MAX_SHOWN_OUTPUT && merged.length > 0) {
    const first = merged[0]!;
    const excess = total - MAX_SHOWN_OUTPUT;
    if (first.text.length <= excess) {
      merged.shift();
      total -= first.text.length;
    } else {
      merged[0] = { ...first, text: first.text.slice(excess) };
      total -= excess;
    }
  }
  return merged;
}

const STREAM_CLASS: Record<OutputChunk["stream"], string> = {
  stdout: "text-slate-50",
  stderr: "text-rose-300",
  note: "text-amber-200 italic",
};

interface OutputPanelProps {
  chunks: OutputChunk[];
  loading: { phase: LoadPhase; fraction: number } | null;
}

export function OutputPanel({ chunks, loading }: OutputPanelProps) {
  const percent = loading ? Math.round(loading.fraction * 100) : 0;
  return (
    <div className="overflow-hidden rounded-xl bg-slate-900 ring-1 ring-slate-900/10">
      <div className="flex items-center justify-between border-b border-slate-700/70 px-4 py-2 text-sm font-medium text-slate-300">
        <span aria-hidden="true">Output</span>
        {loading ? (
          <span className="tabular-nums text-slate-200">{loading.phase === "download" ? `Loading Python… ${percent}%` : "Starting Python…"}</span>
        ) : null}
      </div>
      {loading ? (
        <div
          role="progressbar"
          aria-label="Loading Python"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={loading.phase === "download" ? percent : undefined}
          aria-valuetext={loading.phase === "download" ? `${percent}% downloaded` : "Starting"}
          className="h-1 bg-slate-700"
        >
          <div
            className={`h-full bg-indigo-400 transition-[width] duration-200 ${loading.phase === "start" ? "animate-pulse" : ""}`}
            style={{ width: `${loading.phase === "download" ? percent : 100}%` }}
          />
        </div>
      ) : null}
      <div role="log" aria-live="polite" aria-label="Output" tabIndex={0} className="max-h-80 min-h-24 overflow-auto px-4 py-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-300">
        <pre className="whitespace-pre-wrap break-words font-mono text-base leading-relaxed">
          {chunks.length === 0 ? (
            <span className="text-slate-400">{loading ? "" : "Press Run to see what this code prints."}</span>
          ) : (
            chunks.map((chunk, i) => (
              <span key={i} className={STREAM_CLASS[chunk.stream]}>
                {chunk.text}
              </span>
            ))
          )}
        </pre>
      </div>
    </div>
  );
}
