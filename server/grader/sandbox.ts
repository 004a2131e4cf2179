/**
 * The boundary around a student's Python: bubblewrap. Pyodide alone is no boundary in Node
 * (`import js` reaches the host's `process`), so each grading child runs in its own mount,
 * PID, network, IPC, UTS, cgroup and user namespaces, sees only /usr, Pyodide, its own
 * script and the memory snapshot (all read-only), a small private /tmp, /proc and a
 * read-only /dev, has no environment, no capabilities, no network (not even the host's
 * loopback), cannot make user namespaces of its own, runs at a lowered priority, and, when
 * Synapse runs as root, as the unprivileged user `nobody`. docs/security.md, "Students' code".
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { PYODIDE_DIR } from "../python-runtime";
import { seccompFilter } from "./seccomp";

/** Debian's bubblewrap. */
export const BWRAP = "/usr/bin/bwrap";

/** Where things are inside the sandbox. */
export const INSIDE = {
  pyodide: "/pyodide",
  child: "/grader/child.mjs",
  snapshot: "/snapshot/pyodide.snap",
} as const;

/** The user the children run as when Synapse runs as root (`nobody` on Debian). */
export const SANDBOX_UID = 65534;

/** The sandbox's /tmp (a tmpfs: what it holds is memory that the RSS cap does not see). */
const TMP_BYTES = 8 * 1024 * 1024;
/** Grading never competes with the realtime loop: children run at this niceness. */
export const NICENESS = 15;

/** Whether this machine can sandbox students' code, and if not, what a teacher can do about it. */
export type SandboxCheck = { ok: true } | { ok: false; reason: string };

/** What a child is made from, outside the sandbox. */
export interface SandboxPaths {
  bwrap: string;
  /** node_modules/pyodide. */
  pyodideDir: string;
  /** server/grader/child.mjs. */
  childScript: string;
  /** The Node binary (process.execPath), bound read-only when it is outside /usr. */
  node: string;
}

/** A command to spawn, with no environment, and the user to spawn it as (none: Synapse's own). */
export interface SandboxCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
  /** The seccomp filter bubblewrap reads from fd 3 (null: none for this architecture). */
  seccomp: Buffer | null;
}

/** bubblewrap reads the seccomp filter from this descriptor. */
const SECCOMP_FD = 3;

/** Nothing of Synapse's environment (secrets, database URLs) reaches even bubblewrap. */
const NO_ENV = {} as NodeJS.ProcessEnv;

const NICE = ["/usr/bin/nice", "/bin/nice"].find((p) => fs.existsSync(p));

/**
 * This install's paths: node_modules/pyodide, server/grader/child.mjs, this Node.
 * @example
 * sandboxPaths("/opt/bwrap").childScript; // "/srv/synapse/server/grader/child.mjs"
 */
export function sandboxPaths(bwrap = BWRAP): SandboxPaths {
  return { bwrap, pyodideDir: PYODIDE_DIR, childScript: fileURLToPath(new URL("./child.mjs", import.meta.url)), node: process.execPath };
}

/** /bin, /lib… as on the host: the same symlink into /usr, or a read-only bind of the directory. */
function rootLinks(): string[] {
  const args: string[] = [];
  for (const name of ["bin", "sbin", "lib", "lib32", "lib64", "libx32"]) {
    const host = `/${name}`;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(host);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) args.push("--symlink", fs.readlinkSync(host), host);
    else if (stat.isDirectory()) args.push("--ro-bind", host, host);
  }
  return args;
}

/**
 * The bubblewrap command that runs `program` in the sandbox, with the snapshot file bound
 * read-only when there is one.
 * @example
 * const { command, args } = sandboxCommand(paths, [paths.node, INSIDE.child], snapshotFile);
 */
export function sandboxCommand(paths: SandboxPaths, program: string[], snapshot: string | null = null): SandboxCommand {
  const seccomp = seccompFilter();
  const bwrapArgs = [
    ...(seccomp ? ["--seccomp", String(SECCOMP_FD)] : []),
    "--unshare-all",
    "--unshare-user",
    "--disable-userns",
    "--cap-drop",
    "ALL",
    "--clearenv",
    "--die-with-parent",
    "--new-session",
    "--ro-bind",
    "/usr",
    "/usr",
    ...rootLinks(),
    ...(paths.node.startsWith("/usr/") ? [] : ["--ro-bind", paths.node, paths.node]),
    "--ro-bind",
    paths.pyodideDir,
    INSIDE.pyodide,
    "--ro-bind",
    paths.childScript,
    INSIDE.child,
    ...(snapshot ? ["--ro-bind", snapshot, INSIDE.snapshot] : []),
    "--proc",
    "/proc",
    "--dev",
    "/dev",
    "--remount-ro",
    "/dev",
    "--size",
    String(TMP_BYTES),
    "--tmpfs",
    "/tmp",
    "--chdir",
    "/",
    "--",
    ...program,
  ];
  const asRoot = process.getuid?.() === 0;
  const command = NICE
    ? { command: NICE, args: ["-n", String(NICENESS), paths.bwrap, ...bwrapArgs], env: NO_ENV, seccomp }
    : { command: paths.bwrap, args: bwrapArgs, env: NO_ENV, seccomp };
  return asRoot ? { ...command, uid: SANDBOX_UID, gid: SANDBOX_UID } : command;
}

/**
 * Spawns a sandbox command, detached (so it leads its own process group and can be killed as
 * one), as its user, with its seccomp filter fed on fd 3. Stdio 0 to 2 as asked.
 */
export function spawnSandboxed(cmd: SandboxCommand, stdio: ["pipe" | "ignore", "pipe" | "ignore", "pipe" | "ignore"]): ChildProcess {
  const child = spawn(cmd.command, cmd.args, {
    stdio: [...stdio, cmd.seccomp ? "pipe" : "ignore"],
    detached: true,
    uid: cmd.uid,
    gid: cmd.gid,
    env: cmd.env,
  });
  const filterPipe = child.stdio[SECCOMP_FD] as Writable | null;
  if (filterPipe && cmd.seccomp) {
    filterPipe.on("error", () => {});
    filterPipe.end(cmd.seccomp);
  }
  if (!cmd.command.endsWith("nice") && child.pid) {
    try {
      os.setPriority(child.pid, NICENESS);
    } catch {
      // Lowering one's own child's priority does not fail in practice.
    }
  }
  return child;
}

/** The Node command line of a grading child inside the sandbox. */
export function childProgram(paths: SandboxPaths, childArgs: string[]): string[] {
  return [paths.node, INSIDE.child, ...childArgs];
}

const HOW_TO_ENABLE =
  "Code questions need bubblewrap to run students' Python in a sandbox. Install Debian's bubblewrap: apt-get install bubblewrap (as root), then restart Synapse.";

/**
 * Whether bubblewrap is present and can actually start a sandbox here (containers often
 * forbid the namespaces it needs): a trial run with the real binds that syntax-checks the
 * child's script with the sandbox's Node.
 * @example
 * const check = await checkSandbox(paths); // { ok: false, reason: "Code questions need bubblewrap…" }
 */
export async function checkSandbox(paths: SandboxPaths, timeoutMs = 15_000): Promise<SandboxCheck> {
  try {
    fs.accessSync(paths.bwrap, fs.constants.X_OK);
  } catch {
    return { ok: false, reason: `${HOW_TO_ENABLE} (${paths.bwrap} is missing.)` };
  }
  const command = sandboxCommand(paths, [paths.node, "--check", INSIDE.child]);
  const trial = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    let stderr = "";
    const child = spawnSandboxed(command, ["ignore", "ignore", "pipe"]);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.stderr!.on("data", (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString("utf8");
    });
    child.on("error", (err) => {
      clearTimeout(timer);
      resolve({ code: null, stderr: err.message });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
  if (trial.code === 0) return { ok: true };
  const said = trial.stderr.trim().split("\n")[0] || `exit code ${trial.code ?? "none"}`;
  return {
    ok: false,
    reason:
      `bubblewrap is installed but could not start a sandbox here (${said}). ` +
      "Containers often forbid the namespaces it needs: run Synapse on the host or in a virtual machine, " +
      "or allow user namespaces (sysctl user.max_user_namespaces; on Ubuntu, an AppArmor profile for bwrap)" +
      (command.uid === undefined ? "." : `, and let the user nobody read ${path.dirname(paths.pyodideDir)} and ${path.dirname(paths.childScript)}.`),
  };
}
