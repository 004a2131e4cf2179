/**
 * The data directory lock (issue 13, item 8): a live Synapse process keeps it, with the clear
 * message; a lock whose pid is dead, or now belongs to an unrelated process, is taken over.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, LOCK_FILE, lockDataDir, parseLock, processStartTime } from "../../db/data-dir-lock";

const LINUX = fs.existsSync("/proc/self/stat");
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synapse-lock-"));
  dirs.push(dir);
  return dir;
}

const lockFile = (dir: string) => path.join(dir, LOCK_FILE);
const writeLock = (dir: string, content: unknown) => fs.writeFileSync(lockFile(dir), typeof content === "string" ? content : JSON.stringify(content));
const readLock = (dir: string) => parseLock(fs.readFileSync(lockFile(dir), "utf8"));

function startSleep(): ChildProcess {
  const child = spawn("sleep", ["30"], { stdio: "ignore" });
  children.push(child);
  return child;
}

/** A Node process that takes the lock with the real module and says so, then waits. */
async function startHolder(dir: string): Promise<ChildProcess> {
  const script = `import { lockDataDir } from ${JSON.stringify(path.resolve("db/data-dir-lock.ts"))};
lockDataDir(process.argv[1]); process.stdout.write("locked\\n"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, dir], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout!.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`holder exited with ${code}: ${err}`)));
  });
  return child;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("lockDataDir", () => {
  it("writes the pid, a random instance id and the start time, and removes the file on release", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    const lock = readLock(dir)!;
    expect(lock.pid).toBe(process.pid);
    expect(lock.instance).toMatch(/^[0-9a-f]{32}$/);
    if (LINUX) expect(lock.started).toBe(processStartTime(process.pid));
    expect(fs.readdirSync(dir)).toEqual([LOCK_FILE]); // no draft left behind
    release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("refuses a second lock in the same process until the first is released", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    lockDataDir(dir)();
  });

  it("refuses a live Synapse process's lock with the clear message", async () => {
    const dir = tempDir();
    const holder = await startHolder(dir);
    expect(readLock(dir)?.pid).toBe(holder.pid);
    expect(() => lockDataDir(dir)).toThrow(`The data directory ${dir} is in use by another Synapse process (pid ${holder.pid}).`);
    expect(readLock(dir)?.pid).toBe(holder.pid); // left in place
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.on("exit", resolve));
    lockDataDir(dir)(); // gone with kill -9: taken over
  });

  it("takes over a lock whose process is gone", async () => {
    const dir = tempDir();
    const pid = await deadPid();
    writeLock(dir, { pid, instance: "a".repeat(32), started: "1" });
    const release = lockDataDir(dir);
    expect(readLock(dir)?.pid).toBe(process.pid);
    release();
    writeLock(dir, String(pid)); // an older version's lock: the pid alone
    lockDataDir(dir)();
  });

  it.skipIf(!LINUX)("takes over a lock whose pid now belongs to an unrelated live process", async () => {
    const dir = tempDir();
    const sleeper = startSleep();
    const started = processStartTime(sleeper.pid!);
    expect(started).not.toBeNull();
    // Recorded by a process that had this pid before: another start time.
    writeLock(dir, { pid: sleeper.pid, instance: "b".repeat(32), started: String(Number(started) - 1) });
    lockDataDir(dir)();
    // An older version's lock (pid alone) naming a process that is not Node.js.
    writeLock(dir, String(sleeper.pid));
    lockDataDir(dir)();
    expect(sleeper.exitCode).toBeNull(); // untouched
  });

  it.skipIf(!LINUX)("still refuses an older version's lock (pid alone) that names a live Node.js process", () => {
    const dir = tempDir();
    const node = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    children.push(node);
    writeLock(dir, String(node.pid));
    expect(() => lockDataDir(dir)).toThrow(/in use by another Synapse process/);
  });

  it("takes over a lock left by an earlier process with this very pid (pid 1 in a container)", () => {
    const dir = tempDir();
    writeLock(dir, { pid: process.pid, instance: "c".repeat(32), started: "1" });
    lockDataDir(dir)();
  });

  it("takes over a lock file that names no process", () => {
    const dir = tempDir();
    for (const junk of ["", "not a pid", "{}", '{"pid": -4}', "null"]) {
      writeLock(dir, junk);
      lockDataDir(dir)();
    }
  });

  it("never removes another process's lock on release", async () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    fs.rmSync(lockFile(dir));
    const holder = await startHolder(dir);
    release();
    expect(readLock(dir)?.pid).toBe(holder.pid);
  });
});
