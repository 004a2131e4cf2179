/**
 * `npm run soak`: the crash, flap and fuzz tests at larger counts, against the real server
 * (tests' build in .next-test), loopback only, bounded by counts and by --max-seconds.
 *
 *   kill -9 cycles on PGlite, and on PostgreSQL when DATABASE_URL is set (bench/soak/crashes.ts)
 *   PostgreSQL flaps and whole outages through a TCP proxy, with DATABASE_URL (bench/soak/flaps.ts)
 *   a socket fuzz of hundreds of thousands of messages (bench/soak/fuzz.ts)
 *
 * Prints the figures (cycles survived, acknowledged events lost, messages fuzzed, refusals by
 * code, recovery times), appends them to docs/reliability.md (unless --no-write), and exits 1
 * on any broken promise. `npm run soak:db` is `--only db` (PostgreSQL's flaps and crashes).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run soak -- --crashes 50 --flaps 500 --fuzz 300000
 */
import { parseArgs } from "node:util";
import { Deadline, ensureTestBuild } from "./soak/common";
import { crashCycles } from "./soak/crashes";
import { flapPhase } from "./soak/flaps";
import { fuzzPhase } from "./soak/fuzz";
import { problemsOf, soakLines, writeSoakEntry, type SoakFigures } from "./soak/report";

const { values } = parseArgs({
  options: {
    crashes: { type: "string", default: "30" },
    flaps: { type: "string", default: "300" },
    outages: { type: "string", default: "10" },
    "outage-seconds": { type: "string", default: "2" },
    fuzz: { type: "string", default: "200000" },
    "fuzz-students": { type: "string", default: "30" },
    seed: { type: "string", default: "20261125" },
    only: { type: "string", default: "all" },
    "max-seconds": { type: "string", default: "1800" },
    "no-write": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(`npm run soak -- [--crashes 30] [--flaps 300] [--outages 10] [--outage-seconds 2] [--fuzz 200000]
  [--fuzz-students 30] [--seed N] [--only all|crash|flap|fuzz|db] [--max-seconds 1800] [--no-write]
  kill -9 cycles run on PGlite and, with DATABASE_URL, on PostgreSQL; flaps and outages need DATABASE_URL.`);
  process.exit(0);
}
const count = (name: keyof typeof values, max: number): number => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    console.error(`--${name} must be a whole number from 0 to ${max}`);
    process.exit(2);
  }
  return n;
};
const CRASHES = count("crashes", 10_000);
const FLAPS = count("flaps", 100_000);
const OUTAGES = count("outages", 1_000);
const OUTAGE_MS = count("outage-seconds", 60) * 1000;
const FUZZ = count("fuzz", 10_000_000);
const FUZZ_STUDENTS = count("fuzz-students", 200);
const SEED = count("seed", 2 ** 31);
const MAX_SECONDS = count("max-seconds", 24 * 3600);
const ONLY = String(values.only);
const postgresUrl = process.env.DATABASE_URL;
const wants = (phase: "crash" | "flap" | "fuzz") => ONLY === "all" || ONLY === phase || (ONLY === "db" && phase !== "fuzz");

const started = Date.now();
const deadline = new Deadline(started + MAX_SECONDS * 1000);
// The hard limit: phases stop between cycles at the deadline; this ends a phase stuck inside one.
setTimeout(() => {
  console.error(`soak: hard time limit of ${MAX_SECONDS} s (+120 s to finish a cycle) reached, stopping`);
  process.exit(2);
}, (MAX_SECONDS + 120) * 1000).unref();

await ensureTestBuild();
const figures: SoakFigures = { crashes: [], skipped: [], command: `npm run soak -- ${process.argv.slice(2).join(" ")}`.trim(), seconds: 0 };
if (wants("crash")) {
  for (const db of ONLY === "db" ? (["postgres"] as const) : (["pglite", "postgres"] as const)) {
    if (db === "postgres" && !postgresUrl) {
      figures.skipped.push("kill -9 cycles on PostgreSQL (DATABASE_URL is not set)");
      continue;
    }
    console.log(`kill -9 cycles on ${db}: ${CRASHES}`);
    figures.crashes.push(await crashCycles(db, CRASHES, deadline, postgresUrl));
  }
}
if (wants("flap")) {
  if (!postgresUrl) figures.skipped.push("PostgreSQL flaps and outages (DATABASE_URL is not set; PGlite has no connection to break)");
  else {
    console.log(`PostgreSQL: ${FLAPS} flaps, then ${OUTAGES} outages of ${OUTAGE_MS / 1000} s`);
    figures.flaps = await flapPhase(postgresUrl, FLAPS, OUTAGES, OUTAGE_MS, deadline);
  }
}
if (wants("fuzz") && FUZZ > 0) {
  console.log(`fuzz: ${FUZZ} messages from a teacher, ${FUZZ_STUDENTS} students, a projector and a socket without a token (seed ${SEED})`);
  figures.fuzz = await fuzzPhase(FUZZ, FUZZ_STUDENTS, SEED, deadline);
}
figures.seconds = (Date.now() - started) / 1000;
if (!deadline.left()) figures.skipped.push(`the rest of the counts: the time limit of ${MAX_SECONDS} s was reached`);

console.log("\n" + soakLines(figures).map((l) => `- ${l}`).join("\n"));
const problems = problemsOf(figures);
if (!values["no-write"]) console.log(`\nwritten to ${writeSoakEntry(figures)}`);
if (problems.length > 0) {
  console.error(`\n${problems.length} broken promise(s):\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("every acknowledged change is in the log; nothing refused as not changed is; every fuzzed message was answered properly");
process.exit(0);
