/** The capacity check's table and verdicts (bench/capacity.ts), for the console and docs/benchmarks.md. */
import { SESSION_SIZE } from "./args";
import type { CapacityResult } from "./results";
import { fmt } from "./lib/stats";

export interface CapacityPair {
  synapse?: CapacityResult | undefined;
  bare?: CapacityResult | undefined;
}

/** The goals of the scale work: students held, probe acknowledgement p99, memory per student. */
export const CAPACITY_GOALS = { students: 10_000, probeP99Ms: 100, probeP99TightMs: 60, kbPerStudent: 40 };

const x = (a: number, b: number) => (b > 0 ? `${fmt(a / b, 2)}×` : "");

/**
 * Rows of the capacity table: Synapse beside the bare server.
 * @example
 * markdownTable(capacityTable({ synapse, bare }));
 */
export function capacityTable({ synapse: s, bare: b }: CapacityPair): string[][] {
  const row = (label: string, get: (c: CapacityResult) => number, digits = 1, withRatio = false) => [
    label,
    s ? fmt(get(s), digits) : "–",
    b ? fmt(get(b), digits) : "–",
    s && b && withRatio ? x(get(s), get(b)) : "",
  ];
  return [
    ["capacity check", "synapse", "bare", "synapse / bare"],
    row("students connected (snapshot received)", (c) => c.snapshots, 0),
    row("sockets that saw the last probe's update", (c) => c.sawUpdate, 0),
    row("probe ack p50, ms", (c) => c.probeAckP50, 1, true),
    row("probe ack p99, ms", (c) => c.probeAckP99, 1, true),
    row("probe ack max, ms", (c) => c.probeAckMax, 1, true),
    ["probe p99 per round, ms", s ? s.probeRoundP99.map((v) => fmt(v, 0)).join(", ") : "–", b ? b.probeRoundP99.map((v) => fmt(v, 0)).join(", ") : "–", ""],
    row("server RSS before any session, MB", (c) => c.rssIdle, 0),
    row("server RSS with half of them connected, MB", (c) => c.rssHalf, 0),
    row("server RSS with everyone connected, MB", (c) => c.rssConnected, 0),
    row("memory per connected student, KB", (c) => c.kbPerStudent, 1, true),
    row("idle CPU, % of a core", (c) => c.idleCpuPct, 0),
  ];
}

/**
 * Each goal beside what was measured.
 * @example
 * capacityVerdicts({ synapse, bare }).forEach((l) => console.log(`- ${l}`));
 */
export function capacityVerdicts({ synapse: s, bare: b }: CapacityPair): string[] {
  if (!s) return [];
  const g = CAPACITY_GOALS;
  const held = s.snapshots >= s.students && s.sawUpdate >= s.students;
  const lines = [
    `Capacity: ${s.students} students in ${s.sessions} sessions of ${SESSION_SIZE} (joined over HTTP in ${fmt(s.joinMs / 1000, 1)} s, connected in ${fmt(s.connectMs / 1000, 1)} s; ` +
      `${s.failed} failed${s.errors.length ? `: ${s.errors.join("; ")}` : ""}); ${s.snapshots} got their snapshot and ${s.sawUpdate} the last probe's update. ` +
      `Goal ${g.students.toLocaleString("en")}: ${held && s.students >= g.students ? "met" : s.students < g.students ? "fewer tried" : "NOT met"}.`,
    `Probe (one student in each session moves at the same moment, ${s.probeRoundP99.length} rounds, ${s.probeAcked} acknowledgements, ${s.probeRefused} refused): ` +
      `p99 ${fmt(s.probeAckP99)} ms${b ? ` (bare ${fmt(b.probeAckP99)} ms, ${x(s.probeAckP99, b.probeAckP99)})` : ""}; ` +
      `goal under ${g.probeP99Ms} ms: ${s.probeAckP99 < g.probeP99Ms ? "met" : "NOT met"}; under ${g.probeP99TightMs} ms: ${s.probeAckP99 < g.probeP99TightMs ? "met" : "NOT met"}.`,
    `Memory: ${fmt(s.kbPerStudent, 1)} KB per connected student (the server's RSS from half the students connected to all of them: ${fmt(s.rssHalf, 0)} → ${fmt(s.rssConnected, 0)} MB; ${fmt(s.rssIdle, 0)} MB before any session)` +
      `${b ? `; the bare server ${fmt(b.kbPerStudent, 1)} KB per socket` : ""}; aim at most ${g.kbPerStudent} KB: ${s.kbPerStudent <= g.kbPerStudent ? "met" : "NOT met"}.`,
  ];
  return lines;
}
