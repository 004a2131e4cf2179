/**
 * A sandbox seen from outside, through /proc: the processes under a child (bubblewrap, its
 * init, Node, anything Node started), their summed memory, and killing them all. Pyodide's
 * WebAssembly memory is outside V8's heap limits, so the memory cap is enforced here.
 */
import fs from "node:fs";

/** The children of one process, from every one of its threads (Linux 3.5+, CONFIG_PROC_CHILDREN). */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const tid of tasks) {
    try {
      for (const word of fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ")) {
        const child = Number(word);
        if (child > 0) out.push(child);
      }
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out;
}

/**
 * `pid` and every process below it, parents first; gone processes are simply absent.
 * @example
 * processTree(child.pid); // [4012, 4015, 4016]: nice's bwrap, bwrap's init, node
 */
export function processTree(pid: number, limit = 1000): number[] {
  const seen: number[] = [];
  const queue = [pid];
  while (queue.length > 0 && seen.length < limit) {
    const next = queue.shift()!;
    if (!fs.existsSync(`/proc/${next}`)) continue;
    seen.push(next);
    queue.push(...childrenOf(next));
  }
  return seen;
}

/** A process's resident memory in bytes (VmRSS), 0 when it is gone or has none (a zombie). */
export function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The summed resident memory of a process tree, in bytes. */
export function treeRssBytes(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
}

/**
 * SIGKILLs a child spawned `detached` (so it leads its own process group) and every process
 * found below it: bubblewrap's `--new-session` puts the sandboxed program in a group of its
 * own, and a process a student starts might escape both, so each one is killed by pid too.
 * (bubblewrap's --die-with-parent and the PID namespace would take them down anyway.)
 */
export function killTree(pid: number): void {
  const pids = processTree(pid);
  for (const target of [-pid, ...pids.reverse()]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}
