/**
 * PGlite is one connection in one process and has no lock of its own: two processes on
 * one data directory corrupt it. This lock file refuses a second process with a clear
 * message, and takes over a lock left behind by a process that is gone (kill -9), including
 * one whose pid now belongs to another process (docs/security.md, "The data directory lock").
 *
 * The lock records the holder's pid, a random instance id and, on Linux, the process's start
 * time (field 22 of /proc/<pid>/stat). A live pid holds the lock only if its start time is
 * the recorded one: a pid reused by an unrelated process, or by this very process after a
 * restart (pid 1 in a container), has another start time or is this process.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data directory ${dir} is in use by another Synapse process (pid ${pid}). ` +
        `Stop that process, or give this one its own DATA_DIR, or set DATABASE_URL to share a PostgreSQL server.`,
    );
    this.name = "DataDirLockedError";
  }
}

/** What the lock file holds. Older versions wrote the pid alone. */
export interface LockRecord {
  pid: number;
  instance: string | null;
  /** Start time of the process in clock ticks since boot (Linux), or null where unknown. */
  started: string | null;
}

export const LOCK_FILE = "synapse.lock";

/** Instance ids of the locks this process holds now. */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A process's start time from /proc/<pid>/stat (field 22), or null where there is no /proc
 * or no such process. The command name (field 2) may hold spaces and parentheses, so fields
 * are counted after its last ")".
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[22 - 3] ?? null;
  } catch {
    return null;
  }
}

/** The command line of a process (Linux), or null where it cannot be read. */
function commandLine(pid: number): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return null;
  }
}

/** Reads a lock file's text; null when it names no process. */
export function parseLock(text: string): LockRecord | null {
  try {
    const value = JSON.parse(text) as Partial<LockRecord> | number;
    if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? { pid: value, instance: null, started: null } : null;
    if (typeof value !== "object" || value === null || !Number.isSafeInteger(value.pid) || value.pid! <= 0) return null;
    return {
      pid: value.pid!,
      instance: typeof value.instance === "string" ? value.instance : null,
      started: typeof value.started === "string" ? value.started : null,
    };
  } catch {
    return null;
  }
}

/**
 * Whether the process a lock names is still the one that wrote it.
 * @example
 * holdsLock({ pid: 4242, instance: "…", started: "123456" }); // false once pid 4242 was reused
 */
export function holdsLock(lock: LockRecord): boolean {
  if (lock.pid === process.pid) {
    // This process: a lock it holds now, or one left by an earlier process with the same pid.
    return lock.instance !== null && held.has(lock.instance);
  }
  if (!isAlive(lock.pid)) return false;
  const started = processStartTime(lock.pid);
  if (lock.started !== null && started !== null) return started === lock.started;
  // A lock from an older version (pid only), or no /proc to ask: a live pid counts as the
  // holder unless its command line shows it is not a Node.js process.
  const command = commandLine(lock.pid);
  return command === null || /node/i.test(command);
}

/**
 * Moves a stale lock out of the way, unless it changed since it was judged stale: another
 * process starting at the same moment may have taken it over already, and its fresh lock stays.
 */
function removeStale(file: string, judged: string): void {
  const aside = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
    throw err;
  }
  if (fs.readFileSync(aside, "utf8") !== judged) {
    try {
      fs.linkSync(aside, file); // put the fresh lock back; fails if yet another one exists
    } catch {
      // the newest lock stays in place
    }
  }
  fs.rmSync(aside, { force: true });
}

/**
 * Takes the lock on `dir` and returns a function that releases it.
 * @example
 * const release = lockDataDir("./.data"); // throws DataDirLockedError if taken
 * release();
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const instance = randomBytes(16).toString("hex");
  const mine = JSON.stringify({ pid: process.pid, instance, started: processStartTime(process.pid) } satisfies LockRecord);
  // Written aside and linked into place, so the lock file never exists without its content.
  const draft = `${file}.${instance}`;
  fs.writeFileSync(draft, mine);
  try {
    return takeLock(dir, file, draft, mine, instance);
  } finally {
    fs.rmSync(draft, { force: true });
  }
}

/** Creates `file` with the draft's content; fails with EEXIST when it exists. */
function createFrom(draft: string, file: string, content: string): void {
  try {
    fs.linkSync(draft, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A file system without hard links: create the file directly.
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS") fs.writeFileSync(file, content, { flag: "wx" });
    else throw err;
  }
}

function takeLock(dir: string, file: string, draft: string, mine: string, instance: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createFrom(draft, file, mine);
      held.add(instance);
      return () => {
        held.delete(instance);
        try {
          if (fs.readFileSync(file, "utf8") === mine) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let text: string;
      try {
        text = fs.readFileSync(file, "utf8");
      } catch (readErr) {
        if ((readErr as NodeJS.ErrnoException).code === "ENOENT") continue; // released meanwhile
        throw readErr;
      }
      const lock = parseLock(text);
      if (lock && holdsLock(lock)) throw new DataDirLockedError(dir, lock.pid);
      removeStale(file, text);
    }
  }
  throw new Error(`Could not take the lock on ${dir}: other processes keep taking it. Try again.`);
}
