/**
 * Synapse's benchmark: `npm run bench -- [--students 200] [--seconds 10] [--rate 5]`.
 *
 * A. Synapse: the real server (server/index.ts, production build in .next-test, a fresh
 *    PGlite directory) as a child process; one session, N students joined over HTTP, a
 *    teacher socket and N student sockets; every student moves its bias slider `rate`
 *    times a second (with jitter) to values unique in the run. Latency is the time from a
 *    student's send to the teacher's socket receiving the update with that exact value.
 * B. Baseline: bench/bare-server.ts, a bare Socket.IO server doing the same fan-out
 *    (fold moves as they arrive, one message per room per 25 ms tick), same clients.
 * C. Capacity: idle students across sessions of 30 on one Synapse process.
 * E. Flood: a bystander class's acknowledgements while another class floods (flood.ts),
 *    against both servers (`--only flood` runs it alone).
 * F. Durable writes: acknowledged events a second through the commit queue and through a
 *    transaction per session, on PGlite and PostgreSQL (durable-writes.ts; `--only durable`).
 * D. Phone page size: the gzipped JavaScript of the student's page, read from the build's
 *    manifests (phone-size.ts; SPEC's budget is 120 KB).
 * G. Engine: forward passes per second, validating and compiled (engine.ts; first, in this
 *    process, before any server runs; `--only engine` runs it alone). Its own entry.
 *
 * Loopback only; every phase has a time limit; every child is killed on the way out.
 * Results are printed and appended to docs/benchmarks.md (unless --no-write).
 *
 * This file wires the parts together: args.ts (flags), servers.ts (servers, hosting,
 * joins), quiet.ts (waiting for a quiet machine, retrying disturbed runs), latency.ts
 * (scenarios A and B), capacity.ts (scenario C), report.ts (console), doc.ts (the
 * docs/benchmarks.md entry), results.ts (result types), log.ts (clock and log lines).
 */
import fs from "node:fs";
import path from "node:path";
import { CAPACITY, CLIENT_PROCS, HARD_LIMIT_S, NO_WRITE, ONLY, RATE, REPEAT, SECONDS, STUDENTS } from "./args";
import { capacityScenario } from "./capacity";
import { capacityTable, type CapacityPair } from "./capacity-report";
import { quizBurst } from "./quiz-burst";
import { gradingBench } from "./grading-bench";
import { writeDoc } from "./doc";
import { MULTI_NEEDS, multiProcessScenario, multiTable, type MultiResult } from "./multi-process";
import { durableWrites } from "./durable-writes";
import { engineBench } from "./engine";
import { floodScenario } from "./flood";
import { floodInterpretation, floodLine, floodTable } from "./flood-report";
import { loadScenario } from "./latency";
import { log } from "./log";
import { phoneJsSize, phoneSizeLine } from "./phone-size";
import { measured, quietBeforeRun } from "./quiet";
import { interpretation, markdownTable, medianRun, printLoad, runLine } from "./report";
import type { FloodResult, LoadResult } from "./results";
import { ensureBuild, removeTempDirsOnExit } from "./servers";
import { installExitHooks, killAll, ROOT } from "./lib/procs";

installExitHooks();
const hardLimit = setTimeout(() => {
  console.error(`bench: hard time limit of ${HARD_LIMIT_S} s reached, stopping`);
  killAll();
  process.exit(2);
}, HARD_LIMIT_S * 1000);
hardLimit.unref();
removeTempDirsOnExit();

async function main(): Promise<void> {
  if (ONLY === "quiz") return quizBurst(); // bench/quiz-burst.ts: 200 answers within one second
  if (ONLY === "grading") return gradingBench(); // bench/grading-bench.ts: the realtime figures while programs are graded
  if (ONLY === "durable") return void (await durableWrites(!NO_WRITE)); // bench/durable-writes.ts: its own entry
  if (ONLY === "all" || ONLY === "engine") engineBench(); // bench/engine.ts: forward passes per second
  if (ONLY === "engine") return;
  log(`bench: ${STUDENTS} students × ${RATE}/s for ${SECONDS} s, ${CLIENT_PROCS} student process(es), capacity ${CAPACITY}; hard limit ${HARD_LIMIT_S} s`);
  const wantsSynapse = ONLY === "all" || ONLY === "load" || ONLY === "synapse" || ONLY === "capacity" || ONLY === "flood" || ONLY === "multi";
  if (wantsSynapse) ensureBuild();
  const build = path.join(ROOT, ".next-test");
  const phone = fs.existsSync(path.join(build, "phone", "manifest.json")) ? phoneJsSize(build) : undefined;
  if (phone) log(phoneSizeLine(phone));

  // Alternate the two servers so that load from outside this bench hits both alike.
  const runsA: LoadResult[] = [];
  const runsB: LoadResult[] = [];
  const discarded: LoadResult[] = [];
  // This machine may be shared: a run disturbed by other processes is run again.
  for (let round = 1; round <= REPEAT; round++) {
    if (ONLY === "all" || ONLY === "load" || ONLY === "synapse") runsA.push(await measured("synapse", loadScenario, discarded));
    if (ONLY === "all" || ONLY === "load" || ONLY === "bare") runsB.push(await measured("bare", loadScenario, discarded));
    for (const r of [runsA[runsA.length - 1], runsB[runsB.length - 1]]) if (r) log(`round ${round}: ${runLine(r)}`);
  }
  const a = medianRun(runsA);
  const b = medianRun(runsB);
  if (a || b) printLoad(a, b, runsA, runsB, discarded);
  const c: CapacityPair = {};
  if ((ONLY === "all" || ONLY === "capacity") && CAPACITY > 0) {
    await quietBeforeRun("synapse");
    c.synapse = await capacityScenario("synapse");
    await quietBeforeRun("bare");
    c.bare = await capacityScenario("bare");
    console.log("\n" + markdownTable(capacityTable(c)));
  }

  // Several processes sharing one class through Redis (bench/multi-process.ts); needs the machine's PostgreSQL and Redis.
  let multi: MultiResult[] | undefined;
  if (ONLY === "all" || ONLY === "multi") {
    if (MULTI_NEEDS) log(`multi-process scenario skipped: ${MULTI_NEEDS}`);
    else {
      await quietBeforeRun("synapse");
      multi = await multiProcessScenario({ processes: 4, students: 100, rate: RATE, seconds: SECONDS, warmup: 3 });
    }
    if (multi) console.log("\n" + markdownTable(multiTable(multi)));
  }

  const floods: { synapse: FloodResult[]; bare: FloodResult[]; discarded: FloodResult[] } = { synapse: [], bare: [], discarded: [] };
  if (ONLY === "all" || ONLY === "flood") {
    for (let round = 1; round <= REPEAT; round++) {
      for (const kind of ["synapse", "bare"] as const) {
        const r = await measured(kind, floodScenario, floods.discarded);
        floods[kind].push(r);
        log(`flood round ${round}, ${kind}: ${floodLine(r)}`);
      }
    }
    const fa = medianBy(floods.synapse, (r) => r.during.p99);
    const fb = medianBy(floods.bare, (r) => r.during.p99);
    console.log("\n" + markdownTable(floodTable(fa, fb)));
  }
  const flood = floods.synapse.length ? { a: medianBy(floods.synapse, (r) => r.during.p99), b: medianBy(floods.bare, (r) => r.during.p99), ...floods } : undefined;
  console.log("\n" + [...interpretation(a, b, c), ...(flood ? floodInterpretation(flood.a, flood.b) : [])].map((l) => `- ${l}`).join("\n"));
  if (phone) console.log(`- ${phoneSizeLine(phone)}`);
  if (!NO_WRITE) console.log(`\nwritten to ${writeDoc(a, b, c, runsA, runsB, discarded, phone, flood, multi)}`);
  if (ONLY === "all") await durableWrites(!NO_WRITE); // its own entry, after the load's
}

/** The run whose `key` is the median of `runs`. */
function medianBy<R>(runs: R[], key: (r: R) => number): R | undefined {
  return [...runs].sort((x, y) => key(x) - key(y))[Math.floor((runs.length - 1) / 2)];
}

main().then(
  () => {
    killAll();
    process.exit(0);
  },
  (err) => {
    console.error("bench failed:", err);
    killAll();
    process.exit(1);
  },
);
