/**
 * Several processes serving one class (`npm run bench:multi -- [--processes 4] [--students 100]
 * [--rate 5] [--seconds 10]`), docs/scaling.md. Three runs with the same clients, one after
 * the other, on the machine's PostgreSQL (DATABASE_URL) and Redis (REDIS_URL):
 *
 * - bare: bench/bare-server.ts, a bare Socket.IO server doing the same fan-out (baseline);
 * - one: one Synapse process with REDIS_URL (leases and the Redis Streams adapter, no forwarding);
 * - many: `--processes` Synapse processes on direct ports; the class is hosted on the first
 *   (its owner, where the teacher's socket is) and the students' sockets are spread round
 *   robin over all of them, so all but a 1/n share are forwarded to the owner.
 *
 * Every student moves its bias slider `rate` times a second to values unique in the run;
 * latency is the time from a student's send to the teacher's socket receiving that value,
 * and the acknowledgement time is measured at the student. Server CPU is the sum over the
 * server processes. The clients run in this process. `npm run bench` runs it too (4
 * processes, 100 students) and writes its table into docs/benchmarks.md.
 */
import crypto from "node:crypto";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { io, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION } from "../lib/protocol/version";
import { loopbackSource, pool, postJson } from "./lib/http";
import { cpuSeconds, installExitHooks, killAll, sleep, startServer, type ServerChild } from "./lib/procs";
import { summarize, type Summary } from "./lib/stats";

/** What a run of the scenario takes (the defaults are `npm run bench`'s). */
export interface MultiOptions {
  processes: number;
  students: number;
  rate: number;
  seconds: number;
  warmup: number;
}

let PROCESSES = 4;
let STUDENTS = 100;
let RATE = 5;
let SECONDS = 10;
let WARMUP = 3;
const MAX_SECONDS = 600;

const DATABASE_URL = process.env.DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL;

/** Why the scenario cannot run here, or null. */
export const MULTI_NEEDS = DATABASE_URL && REDIS_URL ? null : "it needs DATABASE_URL and REDIS_URL (the machine's PostgreSQL and Redis)";

export interface MultiResult {
  name: string;
  latency: Summary;
  ack: Summary;
  sent: number;
  refused: number;
  cpuPct: number;
}

/** A fresh database next to DATABASE_URL's, dropped at the end. */
async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `synapse_bench_${crypto.randomBytes(5).toString("hex")}`;
  const admin = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function connect(url: string, auth: Record<string, unknown>, onUpdate?: (events: Array<{ type: string; payload?: { values?: { bias?: number } } }>) => void): Promise<Socket> {
  const socket = io(url, { transports: ["websocket"], forceNew: true, reconnection: false, auth });
  if (onUpdate) socket.on("session:update", (u: { events: Parameters<typeof onUpdate>[0] }) => onUpdate(u.events));
  return new Promise((resolve, reject) => {
    socket.once("session:snapshot", () => resolve(socket));
    socket.once("connect_error", (err) => reject(err));
    setTimeout(() => reject(new Error("no snapshot within 20 s")), 20_000).unref();
  });
}

/** One run: a teacher's socket on urls[0], students' sockets round robin over `urls`. */
async function measure(name: string, urls: string[], servers: ServerChild[], bare: boolean): Promise<MultiResult> {
  let teacherAuth: Record<string, unknown>;
  let studentAuths: Array<Record<string, unknown>>;
  if (bare) {
    teacherAuth = { room: "bench", id: "teacher", role: "teacher" };
    studentAuths = Array.from({ length: STUDENTS }, (_, i) => ({ room: "bench", id: `s${i}`, role: "student" }));
  } else {
    const hosted = await postJson(urls[0]!, "/api/sessions", undefined, loopbackSource(0));
    if (hosted.status !== 201) throw new Error(`hosting failed: ${hosted.status}`);
    teacherAuth = { protocolVersion: PROTOCOL_VERSION, token: hosted.body.teacherToken };
    const joins = await pool(STUDENTS, 8, async (i) => {
      const res = await postJson(urls[i % urls.length]!, `/api/join/${hosted.body.code}`, { nickname: `Student ${i + 1}` }, loopbackSource(i + 1));
      if (res.status !== 201) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    });
    studentAuths = joins.map((token) => ({ protocolVersion: PROTOCOL_VERSION, token }));
  }
  const seenAt = new Map<number, number>();
  const teacher = await connect(urls[0]!, teacherAuth, (events) => {
    const t = performance.now();
    for (const e of events) {
      const bias = e.type === "entry.set" ? e.payload?.values?.bias : undefined;
      if (bias !== undefined && !seenAt.has(bias)) seenAt.set(bias, t);
    }
  });
  const students = await pool(STUDENTS, 20, (i) => connect(urls[i % urls.length]!, studentAuths[i]!));
  await sleep(1000);

  const sends: Array<{ bias: number; at: number; measured: boolean }> = [];
  const acks: number[] = [];
  let refused = 0;
  let counter = 0;
  const start = performance.now();
  const measuredFrom = start + WARMUP * 1000;
  const end = measuredFrom + SECONDS * 1000;
  const cpuStart = servers.map((s) => cpuSeconds(s.pid));
  let cpuAtWindow: number[] = cpuStart;
  let windowStarted = false;
  await Promise.all(
    students.map(async (socket, i) => {
      await sleep(Math.random() * (1000 / RATE));
      while (performance.now() < end) {
        const at = performance.now();
        if (!windowStarted && at >= measuredFrom) {
          windowStarted = true;
          cpuAtWindow = servers.map((s) => cpuSeconds(s.pid));
        }
        // A value no other move in the run has: the student's index and a counter.
        const bias = Math.round((-4.9 + (((counter++ * STUDENTS + i) % 980_000) / 980_000) * 9.8) * 1e6) / 1e6;
        const measured = at >= measuredFrom;
        sends.push({ bias, at, measured });
        const ack = (await socket.timeout(10_000).emitWithAck("neuron:set", { bias }).catch(() => ({ ok: false }))) as { ok: boolean };
        if (measured) {
          if (ack.ok) acks.push(performance.now() - at);
          else refused++;
        }
        await sleep(Math.max(0, 1000 / RATE - (performance.now() - at)) * (0.5 + Math.random()));
      }
    }),
  );
  const cpuEnd = servers.map((s) => cpuSeconds(s.pid));
  const elapsed = (performance.now() - Math.max(measuredFrom, start)) / 1000;
  await sleep(1500);
  const latencies = sends.filter((s) => s.measured && seenAt.has(s.bias)).map((s) => seenAt.get(s.bias)! - s.at);
  teacher.close();
  for (const s of students) s.close();
  const cpu = cpuEnd.reduce((a, c, i) => a + c - cpuAtWindow[i]!, 0);
  return { name, latency: summarize(latencies), ack: summarize(acks), sent: sends.filter((s) => s.measured).length, refused, cpuPct: (cpu / elapsed) * 100 };
}

export function multiLine(r: MultiResult, base?: MultiResult): string {
  const ratio = (a: number, b?: number) => (b ? ` (${(a / b).toFixed(2)}×)` : "");
  return (
    `${r.name.padEnd(12)} send→teacher p50 ${r.latency.p50.toFixed(1)} p99 ${r.latency.p99.toFixed(1)} ms${ratio(r.latency.p99, base?.latency.p99)}` +
    ` · ack p50 ${r.ack.p50.toFixed(1)} p99 ${r.ack.p99.toFixed(1)} ms · seen ${r.latency.n}/${r.sent}, refused ${r.refused}` +
    ` · server CPU ${r.cpuPct.toFixed(0)} % of a core${ratio(r.cpuPct, base?.cpuPct)}`
  );
}

/**
 * The bare server, one Synapse process and `processes` of them, one after the other.
 * @example
 * const results = await multiProcessScenario({ processes: 4, students: 100, rate: 5, seconds: 10, warmup: 3 });
 */
export async function multiProcessScenario(options: MultiOptions): Promise<MultiResult[]> {
  if (MULTI_NEEDS) throw new Error(`bench:multi: ${MULTI_NEEDS}`);
  ({ processes: PROCESSES, students: STUDENTS, rate: RATE, seconds: SECONDS, warmup: WARMUP } = options);
  PROCESSES = Math.max(2, PROCESSES);
  console.log(`bench:multi: ${STUDENTS} students × ${RATE}/s for ${SECONDS} s (after ${WARMUP} s warm-up), ${PROCESSES} processes`);
  const results: MultiResult[] = [];

  const bareServer = await startServer("bare", "bench/bare-server.ts", { NODE_ENV: "production", BENCH_PARENT_PID: String(process.pid) }, MAX_SECONDS);
  results.push(await measure("bare", [bareServer.url], [bareServer], true));
  await bareServer.stop();

  for (const count of [1, PROCESSES]) {
    const db = await freshDatabase();
    const prefix = `synapse-bench-${crypto.randomBytes(4).toString("hex")}:`;
    const env = { NODE_ENV: "production", NEXT_DIST_DIR: ".next-test", LOG_LEVEL: "warn", DATABASE_URL: db.url, REDIS_URL: REDIS_URL!, REDIS_KEY_PREFIX: prefix };
    try {
      const servers: ServerChild[] = [];
      // One at a time: they migrate the fresh database in turn anyway.
      for (let i = 0; i < count; i++) servers.push(await startServer(`synapse-${i + 1}`, "server/index.ts", env, MAX_SECONDS));
      results.push(await measure(count === 1 ? "one" : `${count} processes`, servers.map((s) => s.url), servers, false));
      for (const s of servers) await s.stop();
    } finally {
      await db.drop();
    }
  }
  console.log("");
  for (const r of results) console.log(multiLine(r, r.name === "bare" ? undefined : results[0]));
  return results;
}

/**
 * The multi-process rows for docs/benchmarks.md: each run beside the bare server.
 * @example
 * markdownTable(multiTable(results));
 */
export function multiTable(results: MultiResult[]): string[][] {
  const bare = results.find((r) => r.name === "bare");
  const x = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}×` : "");
  return [
    ["server", "send → teacher p50 / p99, ms", "p99 / bare", "ack p50 / p99, ms", "moves seen / sent", "server CPU, % of a core", "CPU / bare"],
    ...results.map((r) => [
      r.name,
      `${r.latency.p50.toFixed(1)} / ${r.latency.p99.toFixed(1)}`,
      r === bare ? "" : x(r.latency.p99, bare?.latency.p99),
      `${r.ack.p50.toFixed(1)} / ${r.ack.p99.toFixed(1)}`,
      `${r.latency.n} / ${r.sent}`,
      r.cpuPct.toFixed(0),
      r === bare ? "" : x(r.cpuPct, bare?.cpuPct),
    ]),
  ];
}

// Run by itself: `npm run bench:multi -- [--processes 4] [--students 100] [--rate 5] [--seconds 10] [--warmup 3]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values: args } = parseArgs({
    options: {
      processes: { type: "string", default: "4" },
      students: { type: "string", default: "100" },
      rate: { type: "string", default: "5" },
      seconds: { type: "string", default: "10" },
      warmup: { type: "string", default: "3" },
    },
  });
  if (MULTI_NEEDS) {
    console.error(`bench:multi: ${MULTI_NEEDS}`);
    process.exit(1);
  }
  installExitHooks();
  setTimeout(() => {
    console.error(`bench:multi: hard time limit of ${MAX_SECONDS} s reached`);
    killAll();
    process.exit(2);
  }, MAX_SECONDS * 1000).unref();
  const options = { processes: Number(args.processes), students: Number(args.students), rate: Number(args.rate), seconds: Number(args.seconds), warmup: Number(args.warmup) };
  multiProcessScenario(options).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      killAll();
      process.exit(1);
    },
  );
}
