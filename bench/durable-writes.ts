/**
 * Durable writes (`npm run bench -- --only durable`): acknowledged events a second, each
 * stored before its acknowledgement, on PGlite (a fresh temp directory) and on PostgreSQL
 * (a database of its own, created and dropped here; DATABASE_URL's server, else the local
 * postgres://postgres@127.0.0.1:5432/test).
 *
 * `sessions` sessions each behave as a busy room: append a tick's `batch` slider moves
 * (`entry.set`, the payload a move stores), wait for the acknowledgement, append the next,
 * for `seconds` after a second of warm-up. Two ways in the same run: through the process's
 * CommitQueue (every session due goes in one transaction) and each session's own
 * transaction (`Storage.append`, the path before the queue). Afterwards every session's
 * log is read back: its head must equal the events acknowledged for it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type Database } from "../db/client";
import { SqlStorage } from "../db/sql-storage";
import type { NewEvent, Storage } from "../db/storage";
import { CommitQueue, type Appender } from "../server/rooms/commit-queue";
import { commitProbe, type ProbeRun } from "./commit-probe";
import { DURABLE_BATCH, DURABLE_SECONDS, DURABLE_SESSIONS } from "./args";
import { codeVersion, machine } from "./doc";
import { log } from "./log";
import { machineCpu, ROOT } from "./lib/procs";
import { fmt, summarize, type Summary } from "./lib/stats";

export interface DurableRun {
  db: "PGlite" | "PostgreSQL";
  path: "commit queue" | "a transaction per session";
  eventsPerSecond: number;
  ack: Summary;
  transactions: number | null;
  /** Sessions whose stored head differed from what was acknowledged for them (must be 0). */
  mismatched: number;
  otherCpuPct: number;
}

/** The probe's figures, by database. */
const probes: { db: DurableRun["db"]; runs: ProbeRun[] }[] = [];

const PG_DEFAULT = "postgres://postgres@127.0.0.1:5432/test";

function moves(batch: number, tick: number): NewEvent[] {
  return Array.from({ length: batch }, (_, k) => ({
    type: "entry.set",
    payload: { studentId: `student-${k}`, layer: 0, neuron: k % 3, field: "bias", value: ((tick * batch + k) % 2000) / 1000 - 1 },
    actor: `student-${k}`,
  }));
}

async function measure(storage: Storage, appender: Appender, db: DurableRun["db"], pathName: DurableRun["path"], queue?: CommitQueue): Promise<DurableRun> {
  const ids = Array.from({ length: DURABLE_SESSIONS }, () => crypto.randomUUID());
  for (const id of ids) await storage.createSession({ id, code: crypto.randomBytes(4).toString("hex").toUpperCase() });
  const heads = new Map(ids.map((id) => [id, 0]));
  const t0 = performance.now();
  const start = t0 + 1000;
  const end = start + DURABLE_SECONDS * 1000;
  let counted = 0;
  const acks: number[] = [];
  const cpu0 = machineCpu();
  const own0 = process.cpuUsage();
  let tx0 = 0;
  let marked = false;
  await Promise.all(
    ids.map(async (id) => {
      for (let tick = 0; performance.now() < end; tick++) {
        const sent = performance.now();
        if (!marked && sent >= start && queue) {
          marked = true;
          tx0 = queue.stats.transactions;
        }
        const stored = await appender.append(id, heads.get(id)! + 1, moves(DURABLE_BATCH, tick));
        heads.set(id, stored[stored.length - 1]!.seq);
        const at = performance.now();
        if (sent >= start && at <= end) {
          counted += stored.length;
          acks.push(at - sent);
        }
      }
    }),
  );
  const cpu1 = machineCpu();
  const own = process.cpuUsage(own0);
  let mismatched = 0;
  for (const id of ids) if ((await storage.headSeq(id)) !== heads.get(id)) mismatched++;
  const busyPct = ((cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total)) * os.cpus().length * 100;
  const run: DurableRun = {
    db,
    path: pathName,
    eventsPerSecond: counted / DURABLE_SECONDS,
    ack: summarize(acks),
    transactions: queue ? queue.stats.transactions - tx0 : null,
    mismatched,
    // The whole machine's busy time less this process's own (the bench and, for PGlite, the database): PostgreSQL's processes count here.
    otherCpuPct: Math.max(0, busyPct - (own.user + own.system) / 1e4 / ((cpu1.total - cpu0.total) / os.cpus().length)),
  };
  log(`durable: ${line(run)}`);
  return run;
}

function line(r: DurableRun): string {
  const tx = r.transactions === null ? "" : `, ${r.transactions} transactions (${fmt(r.transactions / DURABLE_SECONDS, 0)}/s)`;
  return `${r.db}, ${r.path}: ${fmt(r.eventsPerSecond, 0)} events/s acknowledged, ack p50 ${fmt(r.ack.p50)} / p99 ${fmt(r.ack.p99)} ms${tx}; heads not matching the acknowledged events: ${r.mismatched}`;
}

async function onDatabase(database: Database, db: DurableRun["db"]): Promise<DurableRun[]> {
  const storage = new SqlStorage(database.db, { oneConnection: database.kind === "pglite" });
  const queue = new CommitQueue(storage, { inFlight: database.kind === "postgres" ? 4 : 1 });
  const runs = [await measure(storage, queue, db, "commit queue", queue), await measure(storage, storage, db, "a transaction per session")];
  probes.push({ db, runs: await commitProbe(database) });
  return runs;
}

async function pglite(): Promise<DurableRun[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synapse-bench-durable-"));
  const database = await openDatabase({ dataDir: dir });
  try {
    return await onDatabase(database, "PGlite");
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresql(): Promise<DurableRun[] | string> {
  const base = process.env.DATABASE_URL ?? PG_DEFAULT;
  const name = `synapse_bench_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (err) {
    await admin.end();
    return `PostgreSQL not measured: ${String(err)} (${base})`;
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ dataDir: "", databaseUrl: url.toString() });
  try {
    return await onDatabase(database, "PostgreSQL");
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const GOALS: Record<DurableRun["db"], number> = { PGlite: 20_000, PostgreSQL: 30_000 };

export function durableLines(runs: DurableRun[], skipped?: string): string[] {
  const rows = runs.map(
    (r) =>
      `| ${r.db} | ${r.path} | ${fmt(r.eventsPerSecond, 0)} | ${r.path === "commit queue" ? `${fmt(GOALS[r.db], 0)}: ${r.eventsPerSecond >= GOALS[r.db] ? "met" : "not met"}` : "baseline"} | ${fmt(r.ack.p50)} / ${fmt(r.ack.p99)} | ${r.transactions ?? "one per append"} | ${r.mismatched} | ${fmt(r.otherCpuPct, 0)} |`,
  );
  const ratios = (["PGlite", "PostgreSQL"] as const).flatMap((db) => {
    const q = runs.find((r) => r.db === db && r.path === "commit queue");
    const own = runs.find((r) => r.db === db && r.path !== "commit queue");
    return q && own ? [`- ${db}: the commit queue acknowledges ${fmt(q.eventsPerSecond / own.eventsPerSecond, 2)}× the events a second of a transaction per session.`] : [];
  });
  const probeRows = probes.flatMap(({ db, runs: pr }) =>
    pr.map((p) => `| ${db} | ${p.path} | ${p.rooms} × ${p.rounds} | ${fmt(p.ack.p50)} / ${fmt(p.ack.p99)} / ${fmt(p.ack.max)} |`),
  );
  return [
    ...(probeRows.length
      ? [
          "The 100-session probe without sockets (bench/commit-probe.ts): 100 live rooms, one command in each at the same moment, 10 rounds; command → acknowledgement:",
          "",
          "| database | path | rooms × rounds | ack p50 / p99 / max, ms |",
          "|---|---|---:|---:|",
          ...probeRows,
          "",
        ]
      : []),
    "Durable writes:",
    "",
    "| database | path | events/s acknowledged | goal | ack p50 / p99, ms | transactions | heads not matching | other processes (PostgreSQL's included), % of a core |",
    "|---|---|---:|---|---:|---:|---:|---:|",
    ...rows,
    "",
    ...ratios,
    ...(skipped ? [`- ${skipped}`] : []),
  ];
}

function writeDurableDoc(runs: DurableRun[], skipped?: string): string {
  const file = path.join(ROOT, "docs", "benchmarks.md");
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `## ${date}: durable writes, ${DURABLE_SESSIONS} sessions × ${DURABLE_BATCH} events a tick`,
    "",
    `- Machine: ${machine()}.`,
    `- Code: ${codeVersion()}.`,
    `- \`npm run bench -- --only durable --durable-sessions ${DURABLE_SESSIONS} --durable-batch ${DURABLE_BATCH} --durable-seconds ${DURABLE_SECONDS}\` (bench/durable-writes.ts), in the bench's own process: ` +
      `each session appends ${DURABLE_BATCH} slider moves, waits for the acknowledgement (the transaction committed), and appends the next, for ${DURABLE_SECONDS} s after 1 s of warm-up; ` +
      "every log read back afterwards. PGlite in a fresh temp directory; PostgreSQL 15 on loopback, a database created for the run and dropped after it.",
    "",
    ...durableLines(runs, skipped),
    "",
  ];
  const previous = fs.readFileSync(file, "utf8").trimEnd() + "\n\n";
  fs.writeFileSync(file, previous + lines.join("\n"));
  return file;
}

/** `--only durable` (and part of a whole run): both databases, both paths; throws if an acknowledged event is missing. */
export async function durableWrites(write: boolean): Promise<DurableRun[]> {
  log(`durable: ${DURABLE_SESSIONS} sessions × ${DURABLE_BATCH} events a tick, ${DURABLE_SECONDS} s each`);
  const runs = await pglite();
  const pg = await postgresql();
  const skipped = typeof pg === "string" ? pg : undefined;
  if (typeof pg !== "string") runs.push(...pg);
  console.log("\n" + durableLines(runs, skipped).join("\n"));
  if (write) console.log(`\nwritten to ${writeDurableDoc(runs, skipped)}`);
  if (runs.some((r) => r.mismatched > 0)) throw new Error("an acknowledged event is not in the log");
  return runs;
}
