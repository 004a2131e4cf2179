/**
 * The grader's timings (`npm run bench:grader [-- --no-write]`): real bubblewrap, real Pyodide,
 * the default Grader (pool of 2). Reported: the cold start of the first grade (the sandbox
 * check, the memory snapshot, the first child), a grade on a warm child (20 in a row, each
 * waiting for the pool to be full again: median and p95, inside the child and as the caller
 * waits), how long a child takes to be ready again, the resident memory of a warm child
 * (bubblewrap, its init and Node together), and 50 grades submitted at once. It first waits
 * (at most --quiet-wait seconds) for other processes to go quiet. Appended to
 * docs/benchmarks.md unless --no-write.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { predictSpam, SPAM_EXAMPLES } from "../lib/lesson/presets";
import { SPAM_REFERENCE } from "../lib/lesson/code-exercise";
import type { CodeJob } from "../lib/quiz/code-run";
import { Grader } from "../server/grader";
import { processTree, treeRssBytes } from "../server/grader/proc-tree";
import { NO_WRITE } from "./args";
import { codeVersion, machine } from "./doc";
import { log } from "./log";
import { waitForQuiet } from "./quiet";
import { cpuSeconds, machineCpu, ROOT, sleep } from "./lib/procs";
import { fmt, summarize } from "./lib/stats";

const ROUNDS = 20;
const AT_ONCE = 50;

/** The exercise's reference solution, as a right student would write it. */
const SOURCE = SPAM_REFERENCE;
const JOB: CodeJob = { source: SOURCE, entry: "predict", calls: SPAM_EXAMPLES.map((e) => ({ args: [[...e.inputs], 0.5] })), asserts: [] };
const EXPECTED = SPAM_EXAMPLES.map((e) => predictSpam(e.inputs, 0.5));

/** Grades JOB and checks the answers, returning the child's own time (ms). */
async function grade(grader: Grader): Promise<number> {
  const outcome = await grader.run(JOB);
  if (outcome.kind !== "done") throw new Error(`a grade ended ${JSON.stringify(outcome)}`);
  const values = outcome.result.calls.map((c) => (c.ok ? c.value : null));
  if (JSON.stringify(values) !== JSON.stringify(EXPECTED)) throw new Error(`wrong values ${JSON.stringify(values)}`);
  return outcome.ms;
}

async function untilWarm(grader: Grader, size: number): Promise<number> {
  const began = performance.now();
  while (grader.status().warm < size) {
    if (performance.now() - began > 60_000) throw new Error("the pool did not fill within 60 s");
    await sleep(10);
  }
  return performance.now() - began;
}

/** Resident memory (MB) of each sandbox started by this process: bubblewrap, its init and Node. */
function sandboxRssMb(): number[] {
  return processTree(process.pid)
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return parent === process.pid && fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("/grader/child.mjs");
      } catch {
        return false;
      }
    })
    .map((pid) => treeRssBytes(processTree(pid)) / 2 ** 20);
}

/**
 * CPU seconds used by this process and every process under it, sampled every 50 ms: a child
 * that ended keeps its last reading (so up to 50 ms of each child's CPU goes uncounted).
 */
function watchTreeCpu(): { stop(): number } {
  const seen = new Map<number, number>();
  const sample = () => {
    for (const pid of processTree(process.pid)) {
      try {
        seen.set(pid, cpuSeconds(pid));
      } catch {
        // Ended meanwhile.
      }
    }
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return [...seen.values()].reduce((a, b) => a + b, 0);
    },
  };
}

async function main(): Promise<void> {
  const others = await waitForQuiet();
  log(`other processes at ${fmt(others, 0)}% of a core before the run`);
  const load = os.loadavg()[0]!;
  const grader = new Grader();
  const size = 2;
  try {
    let began = performance.now();
    await grader.warm();
    const setUpMs = performance.now() - began;
    await grade(grader);
    const coldMs = performance.now() - began;
    log(`cold: ${Math.round(coldMs)} ms to the first grade (${Math.round(setUpMs)} ms for the check and the snapshot)`);

    const refill: number[] = [];
    const inChild: number[] = [];
    const waited: number[] = [];
    await untilWarm(grader, size);
    const rss = sandboxRssMb();
    for (let i = 0; i < ROUNDS; i++) {
      began = performance.now();
      inChild.push(await grade(grader));
      waited.push(performance.now() - began);
      refill.push(await untilWarm(grader, size));
    }
    const child = summarize(inChild);
    const caller = summarize(waited);
    const ready = summarize(refill);
    log(`warm: median ${fmt(child.p50, 0)} ms in the child, ${fmt(caller.p50, 0)} ms for the caller; ready again after ${fmt(ready.p50, 0)} ms`);
    log(`RSS per warm child: ${rss.map((r) => fmt(r, 0)).join(", ")} MB`);

    const oursBefore = watchTreeCpu().stop();
    const tree = watchTreeCpu();
    const cpu0 = machineCpu();
    began = performance.now();
    await Promise.all(Array.from({ length: AT_ONCE }, () => grade(grader)));
    const burstMs = performance.now() - began;
    const cpu1 = machineCpu();
    const oursSeconds = tree.stop() - oursBefore;
    const busyPct = (100 * (cpu1.busy - cpu0.busy)) / (cpu1.total - cpu0.total);
    const otherPct = Math.max(0, (100 * (cpu1.busy - cpu0.busy - oursSeconds)) / (burstMs / 1000));
    log(`${AT_ONCE} at once: ${Math.round(burstMs)} ms (machine ${fmt(busyPct, 0)}% busy, other processes about ${fmt(otherPct, 0)}% of a core)`);

    const lines = [
      `## ${new Date().toISOString().slice(0, 10)}: grader`,
      "",
      `- Machine: ${machine()}; a shared machine: other processes at ${fmt(others, 0)}% of a core just before the run, load average ${fmt(load, 1)}.`,
      `- Code: ${codeVersion()}.`,
      `- \`npm run bench:grader\` (bench/grader.ts): the default Grader (pool of ${size}, bubblewrap, Pyodide from a memory snapshot), the lesson's \`predict\` on the ${SPAM_EXAMPLES.length} spam examples.`,
      "",
      `- Cold start, first grade: ${fmt(coldMs / 1000, 1)} s (sandbox check and memory snapshot ${fmt(setUpMs / 1000, 1)} s, then the first child loads and grades).`,
      `- Grade on a warm child, ${ROUNDS} in a row: median ${fmt(child.p50, 0)} ms, p95 ${fmt(child.p95, 0)} ms inside the child (job written → result read); ` +
        `the caller waits median ${fmt(caller.p50, 0)} ms, p95 ${fmt(caller.p95, 0)} ms.`,
      `- A used child's replacement is ready after median ${fmt(ready.p50, 0)} ms, p95 ${fmt(ready.p95, 0)} ms.`,
      `- Resident memory of a warm child (bubblewrap, its init and Node with Pyodide): ${rss.map((r) => fmt(r, 0)).join(" and ")} MB.`,
      `- ${AT_ONCE} grades submitted at once: all done in ${fmt(burstMs / 1000, 1)} s (${fmt(burstMs / AT_ONCE, 0)} ms a grade; the machine ${fmt(busyPct, 0)}% busy, ` +
        `other processes about ${fmt(otherPct, 0)}% of a core of it; the grader's processes used ${fmt((oursSeconds * 1000) / AT_ONCE, 0)} ms of CPU a grade): ` +
        "each child loads Python once and grades once, so loading is the cost. " +
        `At that CPU a grade, ${os.cpus().length} idle cores would take about ${fmt((oursSeconds / os.cpus().length), 0)} s for the ${AT_ONCE}.`,
      "",
    ];
    console.log(`\n${lines.join("\n")}`);
    if (!NO_WRITE) {
      const file = path.join(ROOT, "docs", "benchmarks.md");
      fs.writeFileSync(file, `${fs.readFileSync(file, "utf8").trimEnd()}\n\n${lines.join("\n")}`);
      log(`appended to ${path.relative(ROOT, file)}`);
    }
  } finally {
    await grader.close();
  }
}

await main();
