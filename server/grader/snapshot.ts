/**
 * Pyodide's memory snapshot: a child loads Python and the grading harness once (about 3 to 5 s)
 * and writes its memory (about 31 MB); children loaded from it are ready in about 0.4 s. It is made by a sandboxed
 * child like any other (no student code has run in it), once per server process, into a
 * directory of its own under the system's temp directory that `Grader.close` removes. The
 * directory's name carries the process's pid, so one left by a process that was killed is
 * removed by the next one (`removeStaleSnapshots`).
 * `_makeSnapshot`/`_loadSnapshot` are private options of the pinned Pyodide: when making it
 * fails, children load Python the ordinary way.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSandboxed, type SandboxCommand } from "./sandbox";

const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;
const DIR_PREFIX = "synapse-grader-";
const DIR_PATTERN = /^synapse-grader-(\d+)-/;

/**
 * Runs `command` (a child in `--make-snapshot` mode, given `harness`) and stores what it writes in a new
 * directory, readable by the sandbox's user. Resolves with the file, or rejects with why not
 * (also when `signal` aborts: the child is killed).
 * @example
 * const file = await makeSnapshot(sandboxCommand(paths, childProgram(paths, ["--make-snapshot"])), HARNESS_PY, 120_000);
 */
export function makeSnapshot(command: SandboxCommand, harness: string, timeoutMs: number, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = "";
    const proc = spawnSandboxed(command, ["pipe", "pipe", "pipe"]);
    let stopped = false;
    const stop = (why: string) => {
      stopped = true;
      // Only while it has not exited: once reaped, its pid may be someone else's.
      if (proc.exitCode === null && proc.signalCode === null) {
        try {
          process.kill(-proc.pid!, "SIGKILL");
        } catch {
          // Gone already.
        }
      }
      reject(new Error(why));
    };
    proc.stdin!.on("error", () => {});
    proc.stdin!.end(`${JSON.stringify({ harness })}\n`);
    const timer = setTimeout(() => stop(`making the snapshot took more than ${timeoutMs} ms`), timeoutMs);
    const onAbort = () => stop("the grader shut down");
    signal?.addEventListener("abort", onAbort, { once: true });
    proc.stdout!.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_SNAPSHOT_BYTES) stop("the snapshot is too large");
      else chunks.push(chunk);
    });
    proc.stderr!.on("data", (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString("utf8");
    });
    proc.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    proc.on("close", (code) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (stopped) return;
      if (code !== 0 || size < 1024 * 1024) {
        reject(new Error(`the snapshot child exited with code ${code}${stderr ? `: ${stderr.trim().slice(0, 500)}` : ""}`));
        return;
      }
      try {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${DIR_PREFIX}${process.pid}-`));
        fs.chmodSync(dir, 0o755);
        const file = path.join(dir, "pyodide.snap");
        fs.writeFileSync(file, Buffer.concat(chunks), { mode: 0o644 });
        resolve(file);
      } catch (err) {
        reject(err);
      }
    });
  });
}

/** Removes a snapshot made by `makeSnapshot`, with its directory. */
export function removeSnapshot(file: string): void {
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

/** Whether a process with this pid exists (one of another user's counts). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the snapshot directories of processes that no longer exist (killed before they could close their grader). */
export function removeStaleSnapshots(dir = os.tmpdir()): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(DIR_PATTERN.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}
