/**
 * Child processes for the benchmark: servers and client workers started with tsx, every
 * one tracked so that any way out of the run (end, error, signal, hard time limit) kills
 * them, plus a detached watchdog per child that kills it if this process dies without
 * getting the chance (kill -9). Also reads a process's CPU time and RSS from /proc.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = ["--import", "tsx"];
const children = new Set<ChildProcess>();

/** Kills every child this run started (by pid, SIGKILL), synchronously. */
export function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  children.clear();
}

/**
 * A shell that outlives us only to kill `pid` once we are gone, so a bench killed with -9
 * leaves no server behind. It ends by itself after `maxSeconds` in any case.
 */
function watchdog(pid: number, maxSeconds: number): void {
  const script = `i=0; while kill -0 ${process.pid} 2>/dev/null && kill -0 ${pid} 2>/dev/null && [ $i -lt ${maxSeconds} ]; do sleep 1; i=$((i+1)); done; kill -9 ${pid} 2>/dev/null; exit 0`;
  const dog = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  dog.unref();
}

function track(child: ChildProcess, maxSeconds: number): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  if (child.pid) watchdog(child.pid, maxSeconds);
  return child;
}

let hooked = false;
/** Kills the children on every way out of this process. */
export function installExitHooks(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.error(`\nbench: ${signal}, stopping children`);
      killAll();
      process.exit(130);
    });
  }
  process.on("uncaughtException", (err) => {
    console.error("bench: uncaught", err);
    killAll();
    process.exit(1);
  });
  process.on("unhandledRejection", (err) => {
    console.error("bench: unhandled rejection", err);
    killAll();
    process.exit(1);
  });
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerChild {
  name: string;
  url: string;
  pid: number;
  proc: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx <entry>` (one process, so its pid is the server's own) and
 * waits until GET /api/health answers 200.
 */
export async function startServer(
  name: string,
  entry: string,
  env: Record<string, string>,
  maxSeconds: number,
): Promise<ServerChild> {
  const port = await freePort();
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.DATABASE_URL;
  delete base.REDIS_URL;
  // BENCH_CPU_PROF_DIR=dir writes each server's CPU profile there when it exits (for finding pauses).
  const profile = process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`, "--cpu-prof-interval=200"] : [];
  const proc = spawn(process.execPath, [...profile, ...TSX, entry], {
    cwd: ROOT,
    env: { ...base, NEXT_TELEMETRY_DISABLED: "1", HOST: "127.0.0.1", PORT: String(port), ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  track(proc, maxSeconds);
  let out = "";
  const keep = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  proc.stdout!.on("data", keep);
  proc.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`${name} exited before it was ready:\n${out}`);
    if (Date.now() > deadline) throw new Error(`${name} not healthy within 90 s:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return {
    name,
    url,
    pid: proc.pid!,
    proc,
    output: () => out,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill("SIGTERM");
      const timer = setTimeout(() => proc.kill("SIGKILL"), 8000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Forks a tsx module as a worker with an IPC channel. */
export function forkWorker(entry: string, maxSeconds: number): ChildProcess {
  const child = fork(entry, [], {
    cwd: ROOT,
    execArgv: TSX,
    env: { ...process.env, BENCH_MAX_SECONDS: String(maxSeconds) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return track(child, maxSeconds);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const CLK_TCK = 100; // getconf CLK_TCK on Linux

/** Total CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which may contain spaces, start after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / CLK_TCK;
}

/** A process's children now (every thread's), from /proc; [] when it is gone. */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/))
      .filter((x) => x !== "")
      .map(Number);
  } catch {
    return [];
  }
}

/** A process's own CPU time, or 0 once it has gone. */
function ownCpuOrZero(pid: number): number {
  try {
    return cpuSeconds(pid);
  } catch {
    return 0;
  }
}

/**
 * CPU time of everything a process started (the sandbox's runs, for the server): its children
 * that ended and were waited for, plus those still running, with theirs in turn.
 */
export function descendantsCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const reaped = (Number(fields[13]) + Number(fields[14])) / CLK_TCK;
    return reaped + childrenOf(pid).reduce((sum, child) => sum + ownCpuOrZero(child) + descendantsCpuSeconds(child), 0);
  } catch {
    return 0;
  }
}

/** Major page faults so far (pages the process had to wait for the disk for). */
export function majorFaults(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[9]);
}

/** Resident memory in MB (VmRSS). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak and last. */
export function watchRss(pid: number, everyMs = 250): { stop(): { peak: number; last: number } } {
  let peak = 0;
  let last = 0;
  const sample = () => {
    try {
      last = rssMb(pid);
      peak = Math.max(peak, last);
    } catch {
      // process gone
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peak, last };
    },
  };
}

/** CPU seconds the whole machine has spent busy (all cores) and in total, from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return { busy: (total - idle) / CLK_TCK, total: total / CLK_TCK };
}
