/** Reporting: the comparison table, one-line summaries and the interpretation, on the console. */
import { RATE, STUDENTS } from "./args";
import { capacityVerdicts, type CapacityPair } from "./capacity-report";
import type { LoadResult } from "./results";
import { fmt } from "./lib/stats";

function ratio(a: number, b: number): string {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : "–";
}

export function loadTable(a: LoadResult | undefined, b: LoadResult | undefined): string[][] {
  const rows: string[][] = [["", "Synapse", "bare Socket.IO", "Synapse / bare"]];
  const row = (label: string, get: (r: LoadResult) => number, digits = 1, withRatio = false) => {
    const va = a ? get(a) : NaN;
    const vb = b ? get(b) : NaN;
    rows.push([label, fmt(va, digits), fmt(vb, digits), withRatio ? ratio(va, vb) : ""]);
  };
  row("latency p50, ms (send → teacher)", (r) => r.latency.p50, 1, true);
  row("latency p95, ms", (r) => r.latency.p95, 1, true);
  row("latency p99, ms", (r) => r.latency.p99, 1, true);
  row("latency max, ms", (r) => r.latency.max, 1, true);
  row("moves sent", (r) => r.sent, 0);
  row("moves seen by the teacher", (r) => r.seen, 0);
  row("moves folded into a later move (same tick)", (r) => r.folded, 0);
  row("moves neither seen nor folded", (r) => r.unexplained, 0);
  row("ack p50, ms", (r) => r.ack.p50, 1, true);
  row("ack p99, ms", (r) => r.ack.p99, 1, true);
  row("teacher: updates/s", (r) => r.teacherUpdatesPerS, 1);
  row("teacher: events/s", (r) => r.teacherEventsPerS, 0);
  row("student: updates/s (mean)", (r) => r.studentUpdatesPerS.mean, 1);
  row("updates per client per 25 ms tick (busiest client)", (r) => r.updatesPerTick, 2);
  row("most updates to one client in any 25 ms", (r) => r.maxPer25ms, 0);
  row("most updates to one client in any 250 ms (10 ticks)", (r) => r.maxPer250ms, 0);
  row("smallest gap between two updates to a client, ms", (r) => r.minGapMs, 1);
  row("seq gaps seen by clients", (r) => r.seqGaps, 0);
  row("server CPU, % of one core", (r) => r.serverCpuPct, 0, true);
  row("server major page faults in the window", (r) => r.serverMajorFaults, 0);
  row("server RSS before load, MB", (r) => r.rssBefore, 0);
  row("server RSS peak under load, MB", (r) => r.rssPeak, 0, true);
  row("whole machine busy, % of one core (of 200)", (r) => r.machineCpuPct, 0);
  row("  of which other processes (not this bench)", (r) => r.otherCpuPct, 0);
  return rows;
}

function printTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ")).join("\n");
}

export function markdownTable(rows: string[][]): string {
  const [head, ...body] = rows;
  return [
    `| ${head!.join(" | ")} |`,
    `|${head!.map((_, c) => (c === 0 ? "---" : "---:")).join("|")}|`,
    ...body.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** The run whose p99 latency is the median of the runs. */
export function medianRun(runs: LoadResult[]): LoadResult | undefined {
  const sorted = [...runs].sort((x, y) => x.latency.p99 - y.latency.p99);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export function runLine(r: LoadResult): string {
  return `p50 ${fmt(r.latency.p50)} / p99 ${fmt(r.latency.p99)} ms, server CPU ${fmt(r.serverCpuPct, 0)}%, ${fmt(r.teacherUpdatesPerS)} updates/s, other processes ${fmt(r.otherCpuPct, 0)}% CPU`;
}

export function workersLine(r: LoadResult): string {
  return r.workers
    .map((w) => `${w.label} (${w.sockets} sockets): ${fmt(w.cpuPct, 0)}% CPU, event-loop delay p99 ${fmt(w.loopP99)} ms, max ${fmt(w.loopMax)} ms, ${w.majorFaults} major page faults`)
    .join("; ");
}

export function interpretation(a: LoadResult | undefined, b: LoadResult | undefined, c: CapacityPair): string[] {
  const lines: string[] = [];
  if (a) {
    const p99ok = a.latency.p99 < 100;
    lines.push(
      `Target "p99 from a student's change to the teacher's screen under 100 ms" at ${STUDENTS} students × ${RATE}/s: ` +
        `${p99ok ? "met" : "NOT met"} (p99 ${fmt(a.latency.p99)} ms).`,
    );
    lines.push(
      `Target "at most one update per client per broadcast tick": the busiest client got ${fmt(a.updatesPerTick, 2)} updates per 25 ms on average ` +
        `and at most ${a.maxPer250ms} in any 250 ms (ten ticks); ${a.clientsOver1Per25ms} of ${STUDENTS + 1} clients saw two arrive within 25 ms at least once ` +
        `(smallest gap ${fmt(a.minGapMs)} ms: arrival times on the client, where timer jitter and a busy client process bunch updates together).`,
    );
    if (a.folded > 0) lines.push(`${a.folded} of ${a.sent} moves were folded into the same student's next move of the same tick, as designed; ${a.unexplained} were neither seen nor folded.`);
    else if (a.unexplained > 0) lines.push(`${a.unexplained} of ${a.sent} moves were neither seen by the teacher nor folded into a later move.`);
    if (a.seqGaps > 0) lines.push(`Clients saw ${a.seqGaps} gaps in the event sequence.`);
  }
  if (a && b) {
    lines.push(
      `Against the bare Socket.IO server doing the same fan-out, Synapse's latency is ${ratio(a.latency.p50, b.latency.p50)} at p50 and ${ratio(a.latency.p99, b.latency.p99)} at p99, ` +
        `with ${ratio(a.serverCpuPct, b.serverCpuPct)} the CPU (${fmt(a.serverCpuPct, 0)}% vs ${fmt(b.serverCpuPct, 0)}% of a core). ` +
        `Its acknowledgement waits for the tick's group commit (ack p50 ${fmt(a.ack.p50)} ms vs ${fmt(b.ack.p50)} ms for the bare server, which acknowledges on arrival).`,
    );
  }
  lines.push(...capacityVerdicts(c));
  return lines;
}

/** Prints the load runs' results: the median runs' table, then every run in one line. */
export function printLoad(a: LoadResult | undefined, b: LoadResult | undefined, runsA: LoadResult[], runsB: LoadResult[], discarded: LoadResult[]): void {
  console.log("\n" + printTable(loadTable(a, b)) + "\n");
  for (const runs of [runsA, runsB]) if (runs.length) console.log(`${runs[0]!.name} runs: ${runs.map(runLine).join(" | ")}`);
  if (discarded.length) console.log(`discarded (disturbed) runs: ${discarded.map((r) => `${r.name}: ${runLine(r)}`).join(" | ")}`);
  for (const r of [a, b]) if (r) console.log(`${r.name} client processes (median run): ${workersLine(r)}`);
  for (const r of [a, b]) if (r) console.log(`${r.name}: latency p99 by second of the median run (ms): ${r.p99BySecond.map((x) => fmt(x, 0)).join(", ")}`);
  for (const r of [...runsA, ...runsB]) if (r.connectFailed) console.log(`${r.name}: ${r.connectFailed} sockets failed to connect: ${r.connectErrors.join("; ")}`);
  for (const r of [a, b]) if (r) console.log(`${r.name}: clock calibration round trip ≤ ${fmt(r.clockRttMs, 2)} ms; refused moves ${JSON.stringify(r.refused)}`);
}
