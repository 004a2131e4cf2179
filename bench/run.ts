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
 *
 * Loopback only; every phase has a time limit; every child is killed on the way out.
 * Results are printed and appended to docs/benchmarks.md (unless --no-write).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ClientSpec } from "./lib/messages";
import { loopbackSource, pool, postJson } from "./lib/http";
import { cpuSeconds, installExitHooks, killAll, machineCpu, majorFaults, ROOT, rssMb, sleep, startServer, watchRss, type ServerChild } from "./lib/procs";
import { fmt, summarize, type Summary } from "./lib/stats";
import { Worker } from "./lib/worker";
import { spawnSync } from "node:child_process";

const TICK_MS = 25;
const now = () => performance.timeOrigin + performance.now();

const { values: args } = parseArgs({
  options: {
    students: { type: "string", default: "200" },
    seconds: { type: "string", default: "10" },
    rate: { type: "string", default: "5" },
    jitter: { type: "string", default: "0.5" },
    warmup: { type: "string", default: "2" },
    repeat: { type: "string", default: "3" },
    "quiet-wait": { type: "string", default: "60" },
    "max-other": { type: "string", default: "40" },
    "client-procs": { type: "string", default: "2" },
    capacity: { type: "string", default: "3000" },
    "session-size": { type: "string", default: "30" },
    only: { type: "string", default: "all" },
    "no-write": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  console.log(`npm run bench -- [--students 200] [--seconds 10] [--rate 5] [--jitter 0.5]
  [--warmup 2]        seconds of moves before the measured window
  [--repeat 3]        runs of each server, alternating; the table shows the run with the median p99
  [--quiet-wait 60]   before each run, wait up to this many seconds for other processes to go quiet
  [--max-other 40]    a run during which other processes used more than this % of a core is
                      discarded and run again (at most 3 tries per run)
  [--client-procs 2]   student sockets split across this many processes (the teacher has its own)
  [--capacity 3000]    idle students for the capacity check (0 skips it)
  [--session-size 30]  students per session in the capacity check
  [--only all|synapse|bare|capacity]
  [--no-write]         do not append to docs/benchmarks.md`);
  process.exit(0);
}

const positive = (name: string, raw: string, max: number): number => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > max) {
    console.error(`--${name} must be a number from 0 to ${max}`);
    process.exit(2);
  }
  return n;
};
const STUDENTS = Math.round(positive("students", args.students!, 2000));
const SECONDS = positive("seconds", args.seconds!, 120);
const RATE = positive("rate", args.rate!, 20);
const JITTER = Math.min(0.9, positive("jitter", args.jitter!, 1));
const CLIENT_PROCS = Math.max(1, Math.round(positive("client-procs", args["client-procs"]!, 8)));
const CAPACITY = Math.round(positive("capacity", args.capacity!, 10_000));
const SESSION_SIZE = Math.max(1, Math.round(positive("session-size", args["session-size"]!, 500)));
const ONLY = args.only!;
const WARMUP = positive("warmup", args.warmup!, 60);
const REPEAT = Math.max(1, Math.round(positive("repeat", args.repeat!, 10)));
const QUIET_WAIT = positive("quiet-wait", args["quiet-wait"]!, 600);
const MAX_OTHER = positive("max-other", args["max-other"]!, 1000);
const TRIES = 3;

/** The whole run's hard limit; children's watchdogs use it too. */
const HARD_LIMIT_S = Math.ceil(240 + 2 * REPEAT * TRIES * (WARMUP + SECONDS + 90 + QUIET_WAIT) + (CAPACITY > 0 ? 300 + CAPACITY / 20 : 0));

installExitHooks();
const hardLimit = setTimeout(() => {
  console.error(`bench: hard time limit of ${HARD_LIMIT_S} s reached, stopping`);
  killAll();
  process.exit(2);
}, HARD_LIMIT_S * 1000);
hardLimit.unref();

const tempDirs: string[] = [];
process.on("exit", () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function log(msg: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

function ensureBuild(): void {
  if (fs.existsSync(path.join(ROOT, ".next-test", "BUILD_ID"))) return;
  log("no build in .next-test: running next build (a few minutes)");
  const result = spawnSync("npx", ["next", "build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: ".next-test", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
    timeout: 15 * 60_000,
  });
  if (result.status !== 0) throw new Error("next build failed");
}

async function startSynapse(): Promise<ServerChild> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "synapse-bench-"));
  tempDirs.push(dataDir);
  return startServer("synapse", "server/index.ts", {
    NODE_ENV: "production",
    NEXT_DIST_DIR: ".next-test",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  }, HARD_LIMIT_S);
}

async function startBare(): Promise<ServerChild> {
  return startServer("bare", "bench/bare-server.ts", { NODE_ENV: "production", BENCH_PARENT_PID: String(process.pid) }, HARD_LIMIT_S);
}

async function host(url: string): Promise<{ sessionId: string; code: string; teacherToken: string }> {
  const res = await postJson(url, "/api/sessions", undefined);
  if (res.status !== 201) throw new Error(`hosting failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Joins students over HTTP, `concurrency` at a time, each source address used for at most
 * 40 joins so that the join-code guard's per-address limit never decides the result.
 */
async function joinAll(url: string, codes: string[], concurrency: number, addressOffset = 0) {
  const failures: Record<string, number> = {};
  const started = now();
  const joined = await pool(codes.length, concurrency, async (i) => {
    const res = await postJson(url, `/api/join/${codes[i]}`, { nickname: `Student ${i + 1}` }, loopbackSource(i + addressOffset));
    if (res.status !== 201) {
      const code = String(res.body?.error?.code ?? res.status);
      failures[code] = (failures[code] ?? 0) + 1;
      return null;
    }
    return { token: res.body.token as string, ms: res.ms };
  });
  return { joined, failures, ms: now() - started };
}

// ---------------------------------------------------------------------------------------
// Scenarios A and B: the same load and the same measurement against either server.

interface WorkerUsage {
  label: string;
  sockets: number;
  cpuPct: number;
  loopP99: number;
  loopMax: number;
  majorFaults: number;
}

interface LoadResult {
  name: string;
  joinMs: number;
  joinFailures: Record<string, number>;
  connectMs: number;
  connectFailed: number;
  connectErrors: string[];
  clockRttMs: number;
  latency: Summary;
  /** p99 latency of the moves sent in each second of the run. */
  p99BySecond: number[];
  sent: number;
  acked: number;
  seen: number;
  /** Moves not seen as their own value because a later move of the same student came in the same tick. */
  folded: number;
  /** Moves neither seen nor folded (lost, refused or never acknowledged). */
  unexplained: number;
  refused: Record<string, number>;
  ack: Summary;
  windowS: number;
  teacherUpdatesPerS: number;
  teacherEventsPerS: number;
  studentUpdatesPerS: { mean: number; min: number; max: number };
  updatesPerTick: number;
  maxPer25ms: number;
  maxPer250ms: number;
  clientsOver1Per25ms: number;
  minGapMs: number;
  seqGaps: number;
  serverCpuPct: number;
  rssBefore: number;
  rssPeak: number;
  serverMajorFaults: number;
  workers: WorkerUsage[];
  /** Busy CPU of the whole machine during the window, % of one core, and the part not ours. */
  machineCpuPct: number;
  otherCpuPct: number;
  loadAvg: number;
}

/**
 * This machine may be shared: waits, at most `QUIET_WAIT` seconds, until the processes
 * that are not this bench use less than 30% of one core over 2 s. Nothing of ours runs
 * between scenarios, so the machine's busy time is theirs.
 */
async function waitForQuiet(): Promise<number> {
  const deadline = now() + QUIET_WAIT * 1000;
  for (;;) {
    const m0 = machineCpu();
    const s0 = process.cpuUsage();
    await sleep(2000);
    const self = process.cpuUsage(s0);
    const others = ((machineCpu().busy - m0.busy - (self.user + self.system) / 1e6) / 2) * 100;
    if (others < 30 || now() >= deadline) return others;
  }
}

async function loadScenario(kind: "synapse" | "bare"): Promise<LoadResult> {
  if (QUIET_WAIT > 0) {
    const started = now();
    const others = await waitForQuiet();
    log(`${kind}: other processes at ${fmt(others, 0)}% of a core (waited ${fmt((now() - started) / 1000, 0)} s for quiet)`);
  }
  log(`${kind}: starting the server`);
  const server = kind === "synapse" ? await startSynapse() : await startBare();
  const workers: Worker[] = [];
  try {
    // Who is in the class.
    let teacherAuth: Record<string, unknown>;
    let studentAuths: Record<string, unknown>[];
    let joinMs = 0;
    let joinFailures: Record<string, number> = {};
    if (kind === "synapse") {
      const session = await host(server.url);
      teacherAuth = { protocolVersion: 1, token: session.teacherToken };
      log(`synapse: joining ${STUDENTS} students over HTTP`);
      const joins = await joinAll(server.url, Array(STUDENTS).fill(session.code), 8);
      joinMs = joins.ms;
      joinFailures = joins.failures;
      if (joins.joined.some((j) => !j)) throw new Error(`joins failed: ${JSON.stringify(joins.failures)}`);
      studentAuths = joins.joined.map((j) => ({ protocolVersion: 1, token: j!.token }));
    } else {
      teacherAuth = { room: "bench", id: "teacher", role: "teacher" };
      studentAuths = Array.from({ length: STUDENTS }, (_, i) => ({ room: "bench", id: `student-${i}`, role: "student" }));
    }

    // The teacher gets a process of its own so that its receive times are not delayed by
    // the students' work; the students are split across CLIENT_PROCS processes.
    const teacher = new Worker("teacher", HARD_LIMIT_S);
    workers.push(teacher);
    const studentWorkers = Array.from({ length: Math.min(CLIENT_PROCS, Math.max(1, STUDENTS)) }, (_, w) => new Worker(`students-${w + 1}`, HARD_LIMIT_S));
    workers.push(...studentWorkers);
    let clockRttMs = 0;
    for (const w of workers) clockRttMs = Math.max(clockRttMs, (await w.calibrate()).rtt);

    const connectStarted = now();
    teacher.post({
      type: "connect",
      url: server.url,
      specs: [{ role: "teacher", index: -1, group: 0, auth: teacherAuth }],
      concurrency: 1,
      timeoutMs: 20_000,
    });
    const teacherConnected = await teacher.next("connected", 30_000);
    if (teacherConnected.ok !== 1) throw new Error(`teacher could not connect: ${teacherConnected.errors.join("; ")}`);
    studentWorkers.forEach((w, wi) => {
      const specs: ClientSpec[] = [];
      studentAuths.forEach((auth, i) => {
        if (i % studentWorkers.length === wi) specs.push({ role: "student", index: i, group: 0, auth });
      });
      w.post({ type: "connect", url: server.url, specs, concurrency: 20, timeoutMs: 20_000 });
    });
    const connected = await Promise.all(studentWorkers.map((w) => w.next("connected", 120_000)));
    const connectMs = now() - connectStarted;
    const connectFailed = connected.reduce((a, c) => a + c.failed, 0);
    log(`${kind}: ${STUDENTS - connectFailed}/${STUDENTS} students connected in ${fmt(connectMs, 0)} ms`);
    await sleep(1500); // let the presence updates of the connections settle

    // The load.
    const perStudent = Math.ceil((WARMUP + SECONDS) * RATE * (1 + JITTER) * 1.2) + 5;
    const slots = Math.max(1, STUDENTS * perStudent);
    // Moves start WARMUP seconds before the measured window, so that neither server is
    // measured while its code paths are still cold.
    const startAt = now() + 1000 + WARMUP * 1000;
    const windowEnd = startAt + SECONDS * 1000;
    for (const w of studentWorkers) {
      w.post({
        type: "run",
        plan: { startAt: startAt - WARMUP * 1000 + w.offset, seconds: WARMUP + SECONDS, rate: RATE, jitter: JITTER, base: -4.99, step: 9.98 / slots, perStudent },
      });
    }
    teacher.post({ type: "run", plan: { startAt: startAt + teacher.offset, seconds: 0, rate: 1, jitter: 0, base: 0, step: 0, perStudent: 0 } });
    await teacher.next("sent", 5000);

    const pids = [server.pid, ...workers.map((w) => w.pid)];
    const rssBefore = rssMb(server.pid);
    await sleep(startAt - now());
    const cpuStart = pids.map(cpuSeconds);
    const faultsStart = pids.map(majorFaults);
    const machineStart = machineCpu();
    const selfStart = process.cpuUsage();
    const rss = watchRss(server.pid);
    await sleep(windowEnd - now());
    const cpuEnd = pids.map(cpuSeconds);
    const faults = pids.map((pid, i) => majorFaults(pid) - faultsStart[i]!);
    const machineEnd = machineCpu();
    const self = process.cpuUsage(selfStart);
    const loadAvg = os.loadavg()[0]!;
    const { peak: rssPeak } = rss.stop();
    await Promise.all(studentWorkers.map((w) => w.next("sent", 30_000)));
    await sleep(1500); // the last moves' updates and acks

    const results = await Promise.all(
      workers.map((w) => {
        w.post({ type: "collect", windowStart: startAt + w.offset, windowEnd: windowEnd + w.offset });
        return w.next("result", 30_000);
      }),
    );
    const cpuPct = (i: number) => ((cpuEnd[i]! - cpuStart[i]!) / SECONDS) * 100;

    // Latency: join each sent value with the moment the teacher saw it (in our clock).
    const teacherResult = results[0]!;
    const seenAt = new Map<number, number>();
    teacherResult.seenValues.forEach((v, i) => {
      if (!seenAt.has(v)) seenAt.set(v, teacherResult.seenAt[i]! - teacher.offset);
    });
    const latencies: number[] = [];
    const bySecond: number[][] = Array.from({ length: Math.ceil(SECONDS) }, () => []);
    const acks: number[] = [];
    let sent = 0;
    const refused: Record<string, number> = {};
    let folded = 0;
    let unexplained = 0;
    results.slice(1).forEach((r, wi) => {
      const offset = studentWorkers[wi]!.offset;
      const inWindow = (i: number) => r.sentAt[i]! - offset >= startAt;
      // Each student's moves in order: an unseen move followed by one acknowledged with the
      // same seq was folded into it (same tick), as the server is meant to do.
      const byStudent = new Map<number, number[]>();
      r.sentBy.forEach((student, i) => {
        const list = byStudent.get(student) ?? [];
        list.push(i);
        byStudent.set(student, list);
      });
      for (const list of byStudent.values()) {
        list.forEach((i, k) => {
          if (!inWindow(i) || seenAt.has(r.sentValues[i]!)) return;
          const later = list[k + 1];
          if (later !== undefined && r.ackSeq[i]! >= 0 && r.ackSeq[later] === r.ackSeq[i]) folded++;
          else unexplained++;
        });
      }
      r.sentValues.forEach((v, i) => {
        if (!inWindow(i)) return;
        sent++;
        const seen = seenAt.get(v);
        const sentAt = r.sentAt[i]! - offset;
        if (seen !== undefined) {
          latencies.push(seen - sentAt);
          bySecond[Math.min(bySecond.length - 1, Math.max(0, Math.floor((sentAt - startAt) / 1000)))]!.push(seen - sentAt);
        }
        if (r.ackMs[i]! >= 0) acks.push(r.ackMs[i]!);
      });
      for (const [code, n] of Object.entries(r.refused)) refused[code] = (refused[code] ?? 0) + n;
    });

    const teacherSocket = teacherResult.sockets[0]!;
    const studentSockets = results.slice(1).flatMap((r) => r.sockets);
    const allSockets = [teacherSocket, ...studentSockets];
    const perS = (n: number) => n / SECONDS;
    const studentRates = studentSockets.map((s) => perS(s.updates));
    return {
      name: kind,
      joinMs,
      joinFailures,
      connectMs,
      connectFailed,
      connectErrors: connected.flatMap((c) => c.errors),
      clockRttMs,
      latency: summarize(latencies),
      p99BySecond: bySecond.map((l) => summarize(l).p99),
      sent,
      acked: acks.length,
      seen: latencies.length,
      folded,
      unexplained,
      refused,
      ack: summarize(acks),
      windowS: SECONDS,
      teacherUpdatesPerS: perS(teacherSocket.updates),
      teacherEventsPerS: perS(teacherSocket.events),
      studentUpdatesPerS: {
        mean: studentRates.reduce((a, b) => a + b, 0) / Math.max(1, studentRates.length),
        min: Math.min(...studentRates),
        max: Math.max(...studentRates),
      },
      updatesPerTick: Math.max(...allSockets.map((s) => s.updates)) / ((SECONDS * 1000) / TICK_MS),
      maxPer25ms: Math.max(...allSockets.map((s) => s.maxPer25ms)),
      maxPer250ms: Math.max(...allSockets.map((s) => s.maxPer250ms)),
      clientsOver1Per25ms: allSockets.filter((s) => s.maxPer25ms > 1).length,
      minGapMs: Math.min(...allSockets.map((s) => s.minGapMs)),
      seqGaps: allSockets.reduce((a, s) => a + s.seqGaps, 0),
      serverCpuPct: cpuPct(0),
      rssBefore,
      rssPeak,
      serverMajorFaults: faults[0]!,
      machineCpuPct: ((machineEnd.busy - machineStart.busy) / SECONDS) * 100,
      otherCpuPct:
        ((machineEnd.busy - machineStart.busy - cpuEnd.reduce((a, c, i) => a + c - cpuStart[i]!, 0) - (self.user + self.system) / 1e6) / SECONDS) * 100,
      loadAvg,
      workers: workers.map((w, i) => ({
        label: w.label,
        sockets: results[i]!.sockets.length,
        cpuPct: cpuPct(i + 1),
        loopP99: results[i]!.eventLoopDelay.p99,
        loopMax: results[i]!.eventLoopDelay.max,
        majorFaults: faults[i + 1]!,
      })),
    };
  } finally {
    await Promise.all(workers.map((w) => w.close().catch(() => {})));
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------
// Scenario C: how many idle students one process holds.

interface CapacityResult {
  sessions: number;
  students: number;
  joinMs: number;
  joinFailures: Record<string, number>;
  connected: number;
  snapshots: number;
  failed: number;
  errors: string[];
  connectMs: number;
  rssIdle: number;
  rssJoined: number;
  rssConnected: number;
  rssPeak: number;
  idleCpuPct: number;
  probeAcked: number;
  probeAckP99: number;
  sawUpdate: number;
  stillConnected: number;
}

async function capacityScenario(): Promise<CapacityResult> {
  log(`capacity: starting synapse for ${CAPACITY} idle students in sessions of ${SESSION_SIZE}`);
  const server = await startSynapse();
  const workers: Worker[] = [];
  try {
    const rssIdle = rssMb(server.pid);
    const rss = watchRss(server.pid, 500);
    const sessionCount = Math.ceil(CAPACITY / SESSION_SIZE);
    const sessions = await pool(sessionCount, 4, () => host(server.url));
    const codes = Array.from({ length: CAPACITY }, (_, i) => sessions[Math.floor(i / SESSION_SIZE)]!.code);
    log(`capacity: ${sessionCount} sessions hosted, joining ${CAPACITY} students`);
    const joins = await joinAll(server.url, codes, 16);
    const rssJoined = rssMb(server.pid);

    // Two processes of students: a few thousand sockets in one client process is fine,
    // but connecting them is faster from two.
    const procs = CAPACITY > 1000 ? 2 : 1;
    for (let w = 0; w < procs; w++) workers.push(new Worker(`capacity-${w + 1}`, HARD_LIMIT_S));
    const started = now();
    workers.forEach((w, wi) => {
      const specs: ClientSpec[] = [];
      joins.joined.forEach((j, i) => {
        if (j && i % procs === wi) specs.push({ role: "student", index: i, group: Math.floor(i / SESSION_SIZE), mover: i % SESSION_SIZE === 0, auth: { protocolVersion: 1, token: j.token } });
      });
      w.post({ type: "connect", url: server.url, specs, concurrency: 25, timeoutMs: 30_000 });
    });
    const connected = await Promise.all(workers.map((w) => w.next("connected", 300_000)));
    const connectMs = now() - started;
    log(`capacity: ${connected.reduce((a, c) => a + c.ok, 0)} sockets connected in ${fmt(connectMs / 1000)} s; idling 5 s`);
    await sleep(2000);
    const rssConnected = rssMb(server.pid);
    const cpu0 = cpuSeconds(server.pid);
    await sleep(5000);
    const idleCpuPct = ((cpuSeconds(server.pid) - cpu0) / 5) * 100;

    // Are they alive? One student per session moves once; all should get the update.
    for (const w of workers) w.post({ type: "probe", bias: 0.125 });
    const probed = await Promise.all(workers.map((w) => w.next("probed", 30_000)));
    await sleep(1000);
    for (const w of workers) w.post({ type: "probe-result" });
    const seen = await Promise.all(workers.map((w) => w.next("probe-result", 10_000)));
    const { peak: rssPeak } = rss.stop();

    const probeAcks = probed.flatMap((p) => p.ackMs);
    return {
      sessions: sessionCount,
      students: CAPACITY,
      joinMs: joins.ms,
      joinFailures: joins.failures,
      connected: connected.reduce((a, c) => a + c.ok, 0),
      snapshots: connected.reduce((a, c) => a + c.snapshots, 0),
      failed: connected.reduce((a, c) => a + c.failed, 0),
      errors: connected.flatMap((c) => c.errors),
      connectMs,
      rssIdle,
      rssJoined,
      rssConnected,
      rssPeak,
      idleCpuPct,
      probeAcked: probed.reduce((a, p) => a + p.acked, 0),
      probeAckP99: summarize(probeAcks).p99,
      sawUpdate: seen.reduce((a, s) => a + s.sawUpdate, 0),
      stillConnected: seen.reduce((a, s) => a + s.connected, 0),
    };
  } finally {
    await Promise.all(workers.map((w) => w.close().catch(() => {})));
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------
// Reporting.

function ratio(a: number, b: number): string {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : "–";
}

function loadTable(a: LoadResult | undefined, b: LoadResult | undefined): string[][] {
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

function markdownTable(rows: string[][]): string {
  const [head, ...body] = rows;
  return [
    `| ${head!.join(" | ")} |`,
    `|${head!.map((_, c) => (c === 0 ? "---" : "---:")).join("|")}|`,
    ...body.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/** The run whose p99 latency is the median of the runs. */
function medianRun(runs: LoadResult[]): LoadResult | undefined {
  const sorted = [...runs].sort((x, y) => x.latency.p99 - y.latency.p99);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function runLine(r: LoadResult): string {
  return `p50 ${fmt(r.latency.p50)} / p99 ${fmt(r.latency.p99)} ms, server CPU ${fmt(r.serverCpuPct, 0)}%, ${fmt(r.teacherUpdatesPerS)} updates/s, other processes ${fmt(r.otherCpuPct, 0)}% CPU`;
}

function workersLine(r: LoadResult): string {
  return r.workers
    .map((w) => `${w.label} (${w.sockets} sockets): ${fmt(w.cpuPct, 0)}% CPU, event-loop delay p99 ${fmt(w.loopP99)} ms, max ${fmt(w.loopMax)} ms, ${w.majorFaults} major page faults`)
    .join("; ");
}

function interpretation(a: LoadResult | undefined, b: LoadResult | undefined, c: CapacityResult | undefined): string[] {
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
  if (c) {
    const ok = c.snapshots >= c.students && c.sawUpdate >= c.students;
    lines.push(
      `Target "one process holds at least 3,000 connected students": ${c.snapshots} of ${c.students} idle students across ${c.sessions} sessions got their snapshot ` +
        `and ${c.sawUpdate} got the probe update; server RSS ${fmt(c.rssConnected, 0)} MB with them connected (${fmt(c.rssIdle, 0)} MB before any session), ` +
        `${fmt(c.idleCpuPct, 0)}% of a core while idle. ${ok && c.students >= 3000 ? "Met." : c.students < 3000 ? "(Fewer than 3,000 tried.)" : "NOT met."}`,
    );
  }
  return lines;
}

/** The code measured: commit and how many files under server/, lib/ and db/ differ from it. */
function codeVersion(): string {
  const git = (...a: string[]) => spawnSync("git", a, { cwd: ROOT, encoding: "utf8" }).stdout?.trim() ?? "";
  const commit = git("rev-parse", "--short", "HEAD") || "unknown";
  const dirty = git("status", "--porcelain", "--", "server", "lib", "db").split("\n").filter(Boolean).length;
  return dirty ? `${commit} with ${dirty} uncommitted file(s) in server/, lib/, db/` : commit;
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? "unknown"}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

function writeDoc(a: LoadResult | undefined, b: LoadResult | undefined, c: CapacityResult | undefined, runsA: LoadResult[], runsB: LoadResult[], discarded: LoadResult[]): string {
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
  const lines: string[] = [
    `## ${date}: ${STUDENTS} students × ${RATE} moves/s for ${SECONDS} s`,
    "",
    `- Machine: ${machine()}.`,
    `- Code: ${codeVersion()}.`,
    `- Parameters: \`--students ${STUDENTS} --seconds ${SECONDS} --rate ${RATE} --jitter ${JITTER} --warmup ${WARMUP} --repeat ${REPEAT} --client-procs ${CLIENT_PROCS} --capacity ${CAPACITY} --session-size ${SESSION_SIZE}\`; ` +
      `runs disturbed by other processes (over ${MAX_OTHER}% of a core) retried up to ${TRIES} times; one session; moves at ${RATE}/s per student with ±${Math.round(JITTER * 100)}% jitter on each interval; the teacher's socket in its own process, ` +
      `students split across ${CLIENT_PROCS} process(es); moves start ${WARMUP} s before the measured ${SECONDS} s window; Synapse on PGlite in a fresh temp directory, production build, LOG_LEVEL=warn; broadcast tick 25 ms in both servers.`,
    "",
  ];
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
  if (c) {
    lines.push(
      `Capacity (idle students, one Synapse process): ${c.students} students in ${c.sessions} sessions of ${SESSION_SIZE}, joined over HTTP in ${fmt(c.joinMs / 1000, 1)} s` +
        ` (failures ${JSON.stringify(c.joinFailures)}), sockets connected in ${fmt(c.connectMs / 1000, 1)} s from 2 client processes: ${c.connected} connected, ${c.snapshots} snapshots, ${c.failed} failed` +
        `${c.errors.length ? ` (${c.errors.join("; ")})` : ""}. Server RSS: ${fmt(c.rssIdle, 0)} MB at start, ${fmt(c.rssJoined, 0)} MB after the joins, ${fmt(c.rssConnected, 0)} MB with all connected, peak ${fmt(c.rssPeak, 0)} MB. ` +
        `Idle CPU ${fmt(c.idleCpuPct, 0)}% of a core. Probe (one student per session moves once): ${c.probeAcked} acks (p99 ${fmt(c.probeAckP99)} ms), ${c.sawUpdate} of ${c.stillConnected} connected sockets got the update.`,
      "",
    );
  }
  lines.push("Interpretation:", "", ...interpretation(a, b, c).map((l) => `- ${l}`), "");
  const previous = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trimEnd() + "\n\n" : header + "\n";
  fs.writeFileSync(file, previous + lines.join("\n"));
  return file;
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  log(`bench: ${STUDENTS} students × ${RATE}/s for ${SECONDS} s, ${CLIENT_PROCS} student process(es), capacity ${CAPACITY}; hard limit ${HARD_LIMIT_S} s`);
  const wantsSynapse = ONLY === "all" || ONLY === "synapse" || ONLY === "capacity";
  if (wantsSynapse) ensureBuild();

  // Alternate the two servers so that load from outside this bench hits both alike.
  const runsA: LoadResult[] = [];
  const runsB: LoadResult[] = [];
  const discarded: LoadResult[] = [];
  // This machine may be shared: a run disturbed by other processes is run again.
  const measured = async (kind: "synapse" | "bare"): Promise<LoadResult> => {
    for (let attempt = 1; ; attempt++) {
      const r = await loadScenario(kind);
      if (r.otherCpuPct <= MAX_OTHER || attempt >= TRIES) return r;
      log(`${kind}: other processes used ${fmt(r.otherCpuPct, 0)}% of a core during the run: discarded, running it again`);
      discarded.push(r);
    }
  };
  for (let round = 1; round <= REPEAT; round++) {
    if (ONLY === "all" || ONLY === "synapse") runsA.push(await measured("synapse"));
    if (ONLY === "all" || ONLY === "bare") runsB.push(await measured("bare"));
    for (const r of [runsA[runsA.length - 1], runsB[runsB.length - 1]]) if (r) log(`round ${round}: ${runLine(r)}`);
  }
  const a = medianRun(runsA);
  const b = medianRun(runsB);
  if (a || b) {
    console.log("\n" + printTable(loadTable(a, b)) + "\n");
    for (const runs of [runsA, runsB]) if (runs.length) console.log(`${runs[0]!.name} runs: ${runs.map(runLine).join(" | ")}`);
    if (discarded.length) console.log(`discarded (disturbed) runs: ${discarded.map((r) => `${r.name}: ${runLine(r)}`).join(" | ")}`);
    for (const r of [a, b]) if (r) console.log(`${r.name} client processes (median run): ${workersLine(r)}`);
    for (const r of [a, b]) if (r) console.log(`${r.name}: latency p99 by second of the median run (ms): ${r.p99BySecond.map((x) => fmt(x, 0)).join(", ")}`);
    for (const r of [...runsA, ...runsB]) if (r.connectFailed) console.log(`${r.name}: ${r.connectFailed} sockets failed to connect: ${r.connectErrors.join("; ")}`);
    for (const r of [a, b]) if (r) console.log(`${r.name}: clock calibration round trip ≤ ${fmt(r.clockRttMs, 2)} ms; refused moves ${JSON.stringify(r.refused)}`);
  }
  const c = (ONLY === "all" || ONLY === "capacity") && CAPACITY > 0 ? await capacityScenario() : undefined;
  if (c) console.log("\ncapacity:", JSON.stringify(c, null, 2));
  console.log("\n" + interpretation(a, b, c).map((l) => `- ${l}`).join("\n"));
  if (!args["no-write"]) console.log(`\nwritten to ${writeDoc(a, b, c, runsA, runsB, discarded)}`);
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
