/** The entry appended to docs/benchmarks.md. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { CAPACITY, CLIENT_PROCS, JITTER, MAX_OTHER, RATE, REPEAT, SECONDS, SESSION_SIZE, STUDENTS, TRIES, WARMUP } from "./args";
import { floodInterpretation, floodLine, floodParameters, floodTable } from "./flood-report";
import { phoneSizeLine, type PhoneJsSize } from "./phone-size";
import { interpretation, loadTable, markdownTable, runLine, workersLine } from "./report";
import { capacityTable, type CapacityPair } from "./capacity-report";
import { multiTable, type MultiResult } from "./multi-process";
import type { FloodResult, LoadResult } from "./results";
import { ROOT } from "./lib/procs";
import { fmt } from "./lib/stats";

/** The code measured: commit and how many files under server/, lib/ and db/ differ from it. */
export function codeVersion(): string {
  const git = (...a: string[]) => spawnSync("git", a, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
  const commit = git("rev-parse", "--short", "HEAD") || "unknown";
  const dirty = git("status", "--porcelain", "--", "server", "lib", "db").split("\n").filter(Boolean).length;
  return dirty ? `${commit} with ${dirty} uncommitted file(s) in server/, lib/, db/` : commit;
}

/** The machine measured on. */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function writeDoc(
  a: LoadResult | undefined,
  b: LoadResult | undefined,
  c: CapacityPair,
  runsA: LoadResult[],
  runsB: LoadResult[],
  discarded: LoadResult[],
  phone?: PhoneJsSize,
  flood?: { a?: FloodResult; b?: FloodResult; synapse: FloodResult[]; bare: FloodResult[]; discarded: FloodResult[] },
  multi?: MultiResult[],
): string {
  const file = path.join(ROOT, "docs", "benchmarks.md");
  const header = [
    "# Benchmarks",
    "",
    "Measured by `npm run bench` (bench/run.ts): real socket.io-client sockets against a real",
    "server process on loopback, and a bare Socket.IO server (bench/bare-server.ts) doing the",
    "same fan-out in the same run as the baseline. Each run appends an entry below; the newest",
    "is last. Latency is the time from a student's `neuron:set` send to the teacher's socket",
    "receiving the `session:update` that carries that exact value.",
    "",
  ].join("\n");
  const date = new Date().toISOString().slice(0, 10);
  const loadMeasured = Boolean(a || b || c.synapse || c.bare || multi);
  const lines: string[] = [
    loadMeasured ? `## ${date}: ${STUDENTS} students × ${RATE} moves/s for ${SECONDS} s` : `## ${date}: a bystander class under a flood`,
    "",
    `- Machine: ${machine()}.`,
    `- Code: ${codeVersion()}.`,
  ];
  if (loadMeasured) lines.push(
    `- Parameters: \`--students ${STUDENTS} --seconds ${SECONDS} --rate ${RATE} --jitter ${JITTER} --warmup ${WARMUP} --repeat ${REPEAT} --client-procs ${CLIENT_PROCS} --capacity ${CAPACITY} --session-size ${SESSION_SIZE}\`; ` +
      `runs disturbed by other processes (over ${MAX_OTHER}% of a core) retried up to ${TRIES} times; one session; moves at ${RATE}/s per student with ±${Math.round(JITTER * 100)}% jitter on each interval; the teacher's socket in its own process, ` +
      `students split across ${CLIENT_PROCS} process(es); moves start ${WARMUP} s before the measured ${SECONDS} s window; Synapse on PGlite in a fresh temp directory, production build, LOG_LEVEL=warn; broadcast tick 25 ms in both servers.`,
  );
  lines.push("");
  if (a || b) {
    lines.push(`The run with the median p99 of ${REPEAT} for each server (runs alternate between the servers):`, "", markdownTable(loadTable(a, b)), "");
    for (const runs of [runsA, runsB]) if (runs.length) lines.push(`- All ${runs[0]!.name} runs: ${runs.map(runLine).join("; ")}.`);
    if (discarded.length) {
      lines.push(`- Discarded because other processes on this shared machine used over ${MAX_OTHER}% of a core during them: ${discarded.map((r) => `${r.name}: ${runLine(r)}`).join("; ")}.`);
    }
    for (const r of [a, b]) if (r) lines.push(`- Client processes during the median ${r.name} run: ${workersLine(r)}.`);
    for (const r of [a, b]) if (r) lines.push(`- ${r.name}: latency p99 by second of the median run (ms): ${r.p99BySecond.map((x) => fmt(x, 0)).join(", ")}.`);
    if (a) lines.push(`- Synapse joins: ${STUDENTS} over HTTP in ${fmt(a.joinMs / 1000, 1)} s (8 at a time); sockets connected in ${fmt(a.connectMs / 1000, 1)} s; refused moves: ${JSON.stringify(a.refused)}.`);
    lines.push("");
  }
  if (c.synapse || c.bare) {
    lines.push(
      `Capacity (idle students, one process; bench/capacity.ts): ${CAPACITY} students in sessions of ${SESSION_SIZE}, from two client processes, with the one mover per session in a third; ` +
        "probe: the movers all move at the same moment, five rounds a second apart; the bare Socket.IO server holds the same sockets in the same rooms.",
      "",
      markdownTable(capacityTable(c)),
      "",
    );
  }
  if (multi) {
    lines.push(
      "One class over several processes (bench/multi-process.ts, the machine's PostgreSQL and Redis): 100 students × 5 moves/s; the bare server, one Synapse process with REDIS_URL, " +
        "then 4 Synapse processes on direct ports with the teacher's socket on the owner and the students' round robin over all four (three quarters forwarded); server CPU summed over the processes.",
      "",
      markdownTable(multiTable(multi)),
      "",
    );
  }
  if (flood && (flood.a || flood.b)) {
    lines.push(`Bystanders under a flood (${floodParameters()}) The run with the median p99 during the flood of ${REPEAT} for each server:`, "", markdownTable(floodTable(flood.a, flood.b)), "");
    for (const runs of [flood.synapse, flood.bare]) if (runs.length) lines.push(`- All ${runs[0]!.name} flood runs: ${runs.map(floodLine).join("; ")}.`);
    if (flood.discarded.length) lines.push(`- Discarded (other processes over ${MAX_OTHER}% of a core): ${flood.discarded.map((r) => `${r.name}: ${floodLine(r)}`).join("; ")}.`);
    lines.push("");
  }
  lines.push("Interpretation:", "", ...(loadMeasured ? interpretation(a, b, c) : []).map((l) => `- ${l}`));
  if (flood) lines.push(...floodInterpretation(flood.a, flood.b).map((l) => `- ${l}`));
  if (phone) lines.push(`- ${phoneSizeLine(phone)}`);
  lines.push("");
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trimEnd() + "\n\n" : header + "\n";
  fs.writeFileSync(file, previous + lines.join("\n"));
  return file;
}
