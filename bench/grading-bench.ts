/**
 * `npm run bench -- --only grading`: the realtime figures of scenario A while a second class
 * sends 50 programs to the sandbox at once, against scenario A alone and the bare Socket.IO
 * server in the same run (rounds alternate the three). Prints a table; the figures go into
 * docs/benchmarks.md by hand, with the machine's state.
 */
import { REPEAT, SECONDS, STUDENTS, RATE } from "./args";
import { loadScenario } from "./latency";
import { log } from "./log";
import { measured } from "./quiet";
import { markdownTable, medianRun } from "./report";
import type { LoadResult } from "./results";
import { ensureBuild } from "./servers";
import { fmt } from "./lib/stats";

export async function gradingBench(): Promise<void> {
  ensureBuild();
  log(`grading: ${STUDENTS} students × ${RATE}/s for ${SECONDS} s, with and without 50 programs graded at once, ${REPEAT} round(s)`);
  const plain: LoadResult[] = [];
  const busy: LoadResult[] = [];
  const bare: LoadResult[] = [];
  const discarded: LoadResult[] = [];
  for (let round = 1; round <= REPEAT; round++) {
    plain.push(await measured("synapse", (k) => loadScenario(k), discarded));
    busy.push(await measured("synapse", (k) => loadScenario(k, { grading: true }), discarded));
    bare.push(await measured("bare", (k) => loadScenario(k), discarded));
    const g = busy.at(-1)!.grading!;
    log(`round ${round}: p99 ${fmt(plain.at(-1)!.latency.p99, 1)} ms alone, ${fmt(busy.at(-1)!.latency.p99, 1)} ms grading (${g.graded}/${g.accepted} graded in ${g.allGradedMs ?? "—"} ms), bare ${fmt(bare.at(-1)!.latency.p99, 1)} ms`);
  }
  const rows = [["", "p50 ms", "p99 ms", "ack p99 ms", "server CPU %", "sandbox CPU %", "p99 / bare"]];
  const b = medianRun(bare)!;
  for (const r of [medianRun(plain)!, medianRun(busy)!, b]) {
    rows.push([
      r.name,
      fmt(r.latency.p50, 1),
      fmt(r.latency.p99, 1),
      fmt(r.ack.p99, 1),
      fmt(r.serverCpuPct, 0),
      fmt(r.serverChildrenCpuPct ?? 0, 0),
      fmt(r.latency.p99 / b.latency.p99, 2),
    ]);
  }
  console.log("\n" + markdownTable(rows));
  for (const r of busy) console.log(`grading: ${JSON.stringify(r.grading)}`);
}
