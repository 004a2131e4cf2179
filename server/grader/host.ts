/**
 * The grader's own process. Starting a child copies the page tables of the process that
 * starts it, which in the server (hundreds of MB) blocks its event loop for tens of
 * milliseconds per child: measured 17–40 ms a spawn, one spawn per grade. So the server forks
 * this small process once, and it owns the Grader (pool, queue, memory polling); the server
 * talks to it over the IPC channel (server/grading.ts).
 *
 * Messages in:  { type: "run", id, job, force } | { type: "warm" } | { type: "close" }
 * Messages out: { type: "status", status } (after every change) | { type: "done", id, outcome } | { type: "busy", id }
 *
 * When the server goes away (the channel closes, a kill -9 included) it closes the Grader,
 * whose children die with it, and exits.
 */
import os from "node:os";
import type { CodeJob } from "../../lib/quiz/code-run";
import { createLogger } from "../logger";
import { Grader, GraderBusyError } from "./index";

export type HostRequest = { type: "run"; id: number; job: CodeJob; force: boolean } | { type: "warm" } | { type: "close" };

const log = createLogger(process.env.LOG_LEVEL ?? "info");
const maxQueued = Number(process.env.GRADER_QUEUE ?? 100);
/**
 * One grade at a time per core beyond the first, which stays the realtime loop's. Measured
 * here on two cores (200 students moving, 50 programs sent at once): with 2 children the
 * realtime p99 went from 117 to 452 ms, with 1 from 87 to 168 ms, and the 50 took the same
 * 26 to 31 s either way, since loading Python is CPU-bound.
 */
const poolSize = Math.max(1, os.availableParallelism() - 1);
const grader = new Grader({ log, maxQueued, poolSize });

const send = (message: unknown) => {
  if (process.connected) process.send?.(message);
};
let lastStatus = "";
/** Tells the server what the grader is doing, when it changed. */
function report(): void {
  const status = grader.status();
  const text = JSON.stringify(status);
  if (text === lastStatus) return;
  lastStatus = text;
  send({ type: "status", status });
}

let closing = false;
async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  await grader.close().catch(() => {});
  process.exit(0);
}

process.on("message", (message: HostRequest) => {
  if (message.type === "warm") void grader.warm().finally(report);
  else if (message.type === "close") void close();
  else if (message.type === "run") {
    grader
      .run(message.job, { force: message.force })
      .then(
        (outcome) => send({ type: "done", id: message.id, outcome }),
        (err: unknown) => {
          if (err instanceof GraderBusyError) send({ type: "busy", id: message.id });
          else send({ type: "done", id: message.id, outcome: { kind: "crashed", ms: 0, detail: err instanceof Error ? err.message : String(err) } });
        },
      )
      .finally(report);
    report();
  }
});
process.on("disconnect", () => void close());
process.on("SIGTERM", () => void close());

void grader.check().then(report);
setInterval(report, 500).unref();
