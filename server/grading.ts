/**
 * The server's grader for code questions as the rooms see it (server/rooms/code-grading.ts).
 * The Grader itself lives in a process of its own (server/grader/host.ts), forked once at
 * boot: starting a child from the server's big process would block its event loop for tens of
 * milliseconds per grade. The host checks the sandbox at once and reports its status, so a
 * teacher's launch on a machine without bubblewrap is refused at once with the reason; the
 * warm children start only when a code question is launched. If the host dies, the programs
 * it had are handed back to their rooms (which run them again) and the next run forks a new one.
 */
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { ProtocolError } from "../lib/protocol";
import type { RunOutcome } from "../lib/quiz/code-run";
import type { GraderStatus } from "./grader";
import type { HostRequest } from "./grader/host";
import type { Logger } from "./logger";
import { GRADER_BUSY, GradingInterrupted, GradingStopped, type CodeGrading } from "./rooms/code-grading";

/** Jobs that may wait for a child before programs are refused as "busy". */
export const GRADER_QUEUE = 100;
/** Grades at once (the host's pool: a core beyond the first each). */
const POOL = Math.max(1, os.availableParallelism() - 1);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const HOST = fileURLToPath(new URL("./grader/host.ts", import.meta.url));
/** A host that dies this soon after starting, this many times in a row, is given up on. */
const QUICK_DEATH_MS = 5_000;
const QUICK_DEATHS = 3;

type HostMessage = { type: "status"; status: GraderStatus } | { type: "done"; id: number; outcome: RunOutcome } | { type: "busy"; id: number };

interface Pending {
  resolve: (outcome: RunOutcome) => void;
  reject: (err: Error) => void;
}

export function startGrading(log: Logger): { grading: CodeGrading; close: () => Promise<void> } {
  let host: ChildProcess | null = null;
  let status: GraderStatus | null = null;
  let stopping = false;
  let quickDeaths = 0;
  let givenUp: string | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function spawnHost(): ChildProcess {
    const started = Date.now();
    const child = fork(HOST, [], {
      cwd: ROOT,
      execArgv: ["--import", "tsx"],
      env: { ...process.env, GRADER_QUEUE: String(GRADER_QUEUE) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("message", (message: HostMessage) => {
      if (message.type === "status") status = message.status;
      else {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.type === "done") waiting?.resolve(message.outcome);
        else waiting?.reject(new ProtocolError("RATE_LIMITED", GRADER_BUSY));
      }
    });
    child.on("exit", (code, signal) => {
      if (host === child) host = null;
      status = null;
      const lost = [...pending.values()];
      pending.clear();
      for (const p of lost) p.reject(stopping ? new GradingStopped() : new GradingInterrupted());
      if (stopping) return;
      quickDeaths = Date.now() - started < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
      if (quickDeaths >= QUICK_DEATHS) givenUp = "The grader's process keeps stopping: see the server's log.";
      log.error({ code, signal, lost: lost.length }, "grader: its process stopped; programs go back to their rooms");
    });
    return child;
  }

  const ensureHost = (): ChildProcess | null => {
    if (stopping || givenUp) return null;
    host ??= spawnHost();
    return host;
  };
  const tell = (child: ChildProcess, message: HostRequest) => {
    if (child.connected) child.send(message);
  };

  ensureHost();

  const grading: CodeGrading = {
    unavailable: () => givenUp ?? (status?.available === false ? (status.reason ?? "Code questions cannot run on this server.") : null),
    hasRoom: () => pending.size < GRADER_QUEUE + POOL,
    warm: () => {
      const child = ensureHost();
      if (child) tell(child, { type: "warm" });
    },
    run: (job, options = {}) => {
      const child = ensureHost();
      if (!child) return Promise.reject(stopping ? new GradingStopped() : new Error(givenUp ?? "no grader"));
      const id = nextId++;
      return new Promise<RunOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        tell(child, { type: "run", id, job, force: options.force ?? false });
      });
    },
  };

  return {
    grading,
    close: async () => {
      stopping = true;
      const child = host;
      if (!child || child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      tell(child, { type: "close" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
