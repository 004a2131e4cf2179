/**
 * Scenario Q (`npm run bench:quiz`, or `npm run bench -- --only quiz [--students 200]`): a quiz
 * answer burst. The real server (production build in .next-test, a fresh PGlite directory);
 * one session, N students joined over HTTP, a teacher socket and N student sockets (which
 * answer the server's round-trip probes, as phones do); the teacher launches the lesson's ReLU
 * question and every student answers once, the sends spread uniformly over one second.
 *
 * Reported: answers sent and acknowledged (every one must be: the bench fails otherwise), the
 * acknowledgement time (send → ack, which includes the tick's group commit) at p50/p95/p99/max,
 * when the teacher's socket had seen every answer, the server's CPU during the burst and this
 * client process's event-loop delay; beside them the slider figures (ack and latency) of the
 * latest docs/benchmarks.md entry. Appended to docs/benchmarks.md unless --no-write.
 *
 * All sockets are in this one process (the latency scenario splits them across workers): the
 * client's event-loop delay is reported so that a reader can see how much of an ack time is the
 * client's own.
 */
import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import { LESSON_QUIZ } from "../lib/lesson/quiz";
import { PROTOCOL_VERSION } from "../lib/protocol/version";
import { MAX_OTHER, NO_WRITE, STUDENTS, TRIES } from "./args";
import { codeVersion, machine } from "./doc";
import { log } from "./log";
import { host, joinAll, ensureBuild, startSynapse } from "./servers";
import { quietBeforeRun } from "./quiet";
import { cpuSeconds, machineCpu, ROOT, sleep } from "./lib/procs";
import { fmt, summarize, type Summary } from "./lib/stats";

/** The burst's length: every answer is sent within this window. */
const WINDOW_MS = 1_000;
const ACK_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 30_000;

export interface QuizBurstResult {
  students: number;
  sent: number;
  acked: number;
  refused: Record<string, number>;
  timedOut: number;
  /** From the first send to the last, as sent (timers in a busy client run late). */
  spreadMs: number;
  ack: Summary;
  /** From the first send until the teacher's socket had seen every answer (null: never within the wait). */
  teacherAllMs: number | null;
  /** Answers in the server's state afterwards, asked with session:sync. */
  serverAnswered: number;
  serverCpuPct: number;
  /** Processes other than this bench and its server during the burst, % of one core (a shared machine). */
  otherCpuPct: number;
  clientLoopP99Ms: number;
  clientLoopMaxMs: number;
  joinMs: number;
  connectMs: number;
}

/** The slider figures (Synapse column) of the latest entry in docs/benchmarks.md, if any. */
export function latestSliderFigures(): { heading: string; ackP50: string; ackP99: string; latencyP99: string } | null {
  const file = path.join(ROOT, "docs", "benchmarks.md");
  if (!fs.existsSync(file)) return null;
  const entries = fs.readFileSync(file, "utf8").split(/^## /m).filter((e) => e.includes("| ack p50, ms |"));
  const last = entries.at(-1);
  if (!last) return null;
  const cell = (row: string) => new RegExp(`^\\| ${row} \\| ([^|]+) \\|`, "m").exec(last)?.[1]?.trim() ?? "?";
  return { heading: last.split("\n")[0]!.trim(), ackP50: cell("ack p50, ms"), ackP99: cell("ack p99, ms"), latencyP99: cell("latency p99, ms") };
}

function connectSocket(url: string, token: string, onEvent?: (event: string, payload: unknown) => void): Promise<Socket> {
  const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true, auth: { protocolVersion: PROTOCOL_VERSION, token } });
  // Phones answer the server's round-trip probes; the server times them itself.
  socket.on("system:probe", (_payload: unknown, ack?: (reply: object) => void) => ack?.({}));
  if (onEvent) socket.onAny(onEvent);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("socket did not connect in time")), CONNECT_TIMEOUT_MS);
    socket.once("session:snapshot", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("connect_error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

type Ack = { ok: true; seq: number } | { ok: false; error: { code: string; message: string } };

async function emitWithAck(socket: Socket, event: string, payload: unknown): Promise<Ack | null> {
  try {
    return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack;
  } catch {
    return null;
  }
}

/** Runs the burst once and returns its figures (throws when the class cannot be set up). */
export async function quizBurstScenario(): Promise<QuizBurstResult> {
  ensureBuild();
  await quietBeforeRun("synapse");
  log("quiz: starting the server");
  const server = await startSynapse();
  const sockets: Socket[] = [];
  try {
    const session = await host(server.url);
    log(`quiz: joining ${STUDENTS} students over HTTP`);
    const joins = await joinAll(server.url, Array(STUDENTS).fill(session.code), 8);
    if (joins.joined.some((j) => !j)) throw new Error(`joins failed: ${JSON.stringify(joins.failures)}`);

    // The teacher counts the answers its socket sees (it gets every quiz.answered event).
    let seenAnswers = 0;
    let allSeenAt: number | null = null;
    const onTeacher = (event: string, payload: unknown) => {
      if (event !== "session:update") return;
      for (const e of (payload as { events: { type: string }[] }).events) if (e.type === "quiz.answered") seenAnswers++;
      if (seenAnswers >= STUDENTS && allSeenAt === null) allSeenAt = performance.now();
    };
    const connectStarted = performance.now();
    const teacher = await connectSocket(server.url, session.teacherToken, onTeacher);
    sockets.push(teacher);
    let runId: string | null = null;
    let launchedOn = 0;
    const onStudent = (event: string, payload: unknown) => {
      if (event !== "session:update") return;
      for (const e of (payload as { events: { type: string; payload: { runId?: string } }[] }).events) {
        if (e.type === "quiz.launched") {
          runId = e.payload.runId ?? null;
          launchedOn++;
        }
      }
    };
    const students: Socket[] = [];
    for (let i = 0; i < STUDENTS; i += 20) {
      const batch = joins.joined.slice(i, i + 20).map((j) => connectSocket(server.url, j!.token, onStudent));
      students.push(...(await Promise.all(batch)));
    }
    sockets.push(...students);
    const connectMs = performance.now() - connectStarted;
    log(`quiz: ${students.length} students connected in ${fmt(connectMs / 1000, 1)} s`);
    // Let the first round-trip probes (0, 1 and 2 s after connecting) be answered.
    await sleep(2_500);

    const question = LESSON_QUIZ.find((q) => q.id === "lesson-relu-neuron")!;
    const launched = await emitWithAck(teacher, "quiz:launch", { question, options: { timeLimitSec: 60, allowChange: false } });
    if (!launched?.ok) throw new Error(`launch refused: ${JSON.stringify(launched)}`);
    const waitUntil = performance.now() + 10_000;
    while (launchedOn < STUDENTS && performance.now() < waitUntil) await sleep(20);
    if (launchedOn < STUDENTS || !runId) throw new Error(`only ${launchedOn} of ${STUDENTS} phones got the question`);

    log(`quiz: ${STUDENTS} answers within ${WINDOW_MS} ms`);
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const cpuBefore = cpuSeconds(server.pid);
    const machineBefore = machineCpu().busy;
    const selfBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const ackMs: number[] = [];
    const refused: Record<string, number> = {};
    let timedOut = 0;
    const sentAt: number[] = [];
    const start = performance.now() + 50;
    const answers = students.map(
      (socket, i) =>
        new Promise<void>((resolve) => {
          setTimeout(async () => {
            const t = performance.now();
            sentAt.push(t);
            // A quarter answer wrong, as a class would; grading does not change the path.
            const ack = await emitWithAck(socket, "quiz:answer", { runId, answer: { kind: "number", value: i % 4 === 0 ? 0.5 : 0 } });
            if (ack === null) timedOut++;
            else if (ack.ok) ackMs.push(performance.now() - t);
            else refused[ack.error.code] = (refused[ack.error.code] ?? 0) + 1;
            resolve();
          }, Math.max(0, start + (i * WINDOW_MS) / STUDENTS - performance.now()));
        }),
    );
    await Promise.all(answers);
    const seenBy = performance.now() + 5_000;
    while (allSeenAt === null && performance.now() < seenBy) await sleep(10);
    const cpuAfter = cpuSeconds(server.pid);
    const machineAfter = machineCpu().busy;
    const self = process.cpuUsage(selfBefore);
    const wallAfter = performance.now();
    const wallS = (wallAfter - wallBefore) / 1000;
    loop.disable();
    const sync = await emitWithAck(teacher, "session:sync", {});
    const serverAnswered = sync?.ok ? ((sync as unknown as { state: { quiz: { run: { answered: number } } } }).state.quiz.run.answered ?? 0) : -1;
    return {
      students: STUDENTS,
      sent: sentAt.length,
      acked: ackMs.length,
      refused,
      timedOut,
      spreadMs: sentAt.length ? Math.max(...sentAt) - Math.min(...sentAt) : 0,
      ack: summarize(ackMs),
      teacherAllMs: allSeenAt === null || sentAt.length === 0 ? null : allSeenAt - Math.min(...sentAt),
      serverAnswered,
      serverCpuPct: (100 * (cpuAfter - cpuBefore)) / wallS,
      otherCpuPct: (100 * (machineAfter - machineBefore - (cpuAfter - cpuBefore) - (self.user + self.system) / 1e6)) / wallS,
      clientLoopP99Ms: loop.percentile(99) / 1e6,
      clientLoopMaxMs: loop.max / 1e6,
      joinMs: joins.ms,
      connectMs,
    };
  } finally {
    for (const s of sockets) s.close();
    await server.stop();
  }
}

/** The result as lines for the console and the docs entry. */
export function quizBurstLines(r: QuizBurstResult): string[] {
  const slider = latestSliderFigures();
  const rows: [string, string][] = [
    ["answers sent", String(r.sent)],
    ["acknowledged", `${r.acked} of ${r.sent}`],
    ["refused", JSON.stringify(r.refused)],
    [`no acknowledgement within ${ACK_TIMEOUT_MS / 1000} s`, String(r.timedOut)],
    ["sends spread over, ms (first → last)", fmt(r.spreadMs, 0)],
    ["ack p50, ms (send → ack)", fmt(r.ack.p50)],
    ["ack p95, ms", fmt(r.ack.p95)],
    ["ack p99, ms", fmt(r.ack.p99)],
    ["ack max, ms", fmt(r.ack.max)],
    ["teacher's socket saw every answer, ms after the first send", r.teacherAllMs === null ? "never (within 5 s of the last ack)" : fmt(r.teacherAllMs, 0)],
    ["answers in the server's state afterwards", String(r.serverAnswered)],
    ["server CPU during the burst, % of one core", fmt(r.serverCpuPct, 0)],
    ["client process event-loop delay p99 / max, ms", `${fmt(r.clientLoopP99Ms)} / ${fmt(r.clientLoopMaxMs)}`],
    ["other processes on the machine during the burst, % of one core", fmt(r.otherCpuPct, 0)],
  ];
  if (slider) {
    rows.push([`slider, latest entry (${slider.heading}): ack p50 / p99, ms`, `${slider.ackP50} / ${slider.ackP99}`]);
    rows.push(["slider, latest entry: latency p99 (send → teacher), ms", slider.latencyP99]);
  }
  return ["|  | quiz burst |", "|---|---:|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
}

function writeQuizDoc(r: QuizBurstResult, disturbed: QuizBurstResult[]): string {
  const file = path.join(ROOT, "docs", "benchmarks.md");
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `## ${date}: quiz burst, ${r.students} answers within ${WINDOW_MS / 1000} s`,
    "",
    `- Machine: ${machine()}.`,
    `- Code: ${codeVersion()}.`,
    `- Parameters: \`npm run bench:quiz -- --students ${r.students}\` (bench/quiz-burst.ts); one session; ${r.students} students joined over HTTP in ${fmt(r.joinMs / 1000, 1)} s, ` +
      `sockets connected in ${fmt(r.connectMs / 1000, 1)} s, all in the bench's one client process, answering the server's round-trip probes; the teacher launches the lesson's ReLU question ` +
      `and each student sends one \`quiz:answer\`, the sends spread uniformly over ${WINDOW_MS} ms; Synapse on PGlite in a fresh temp directory, production build, LOG_LEVEL=warn.`,
    "",
    ...quizBurstLines(r),
    "",
    ...(disturbed.length
      ? [
          `- Discarded because other processes used over ${MAX_OTHER}% of a core during them: ${disturbed
            .map((d) => `${d.acked}/${d.sent} acked, ack p50 ${fmt(d.ack.p50)} / p99 ${fmt(d.ack.p99)} ms, others ${fmt(d.otherCpuPct, 0)}%`)
            .join("; ")}.`,
        ]
      : []),
    ...(r.otherCpuPct > MAX_OTHER ? [`- This run too was disturbed by other processes (${fmt(r.otherCpuPct, 0)}% of a core): read its times as an upper bound.`] : []),
    `- Every answer acknowledged: ${r.acked === r.sent && r.sent === r.students ? "yes" : "NO"}. An acknowledgement comes after the tick's group commit, as for a slider move; the slider figures beside it are from the latest slider entry above (1,000 moves/s), not from this run.`,
    "",
  ];
  const previous = fs.readFileSync(file, "utf8").trimEnd() + "\n\n";
  fs.writeFileSync(file, previous + lines.join("\n"));
  return file;
}

/** `--only quiz`: runs the burst, prints it, appends it to docs/benchmarks.md; throws unless every answer was acknowledged. */
export async function quizBurst(): Promise<void> {
  const disturbed: QuizBurstResult[] = [];
  let r = await quizBurstScenario();
  // This machine may be shared: a burst that other processes disturbed is run again.
  while (r.otherCpuPct > MAX_OTHER && disturbed.length < TRIES - 1) {
    log(`quiz: other processes used ${fmt(r.otherCpuPct, 0)}% of a core during the burst (ack p99 ${fmt(r.ack.p99)} ms): running it again`);
    disturbed.push(r);
    r = await quizBurstScenario();
  }
  // Every try disturbed: report the least disturbed one, and list the others.
  if (r.otherCpuPct > MAX_OTHER && disturbed.length > 0) {
    const all = [...disturbed, r].sort((x, y) => x.otherCpuPct - y.otherCpuPct);
    r = all[0]!;
    disturbed.splice(0, disturbed.length, ...all.slice(1));
  }
  console.log("\n" + quizBurstLines(r).join("\n"));
  if (!NO_WRITE) console.log(`\nwritten to ${writeQuizDoc(r, disturbed)}`);
  if (r.acked !== r.students || r.serverAnswered !== r.students) {
    throw new Error(`${r.acked} of ${r.students} answers acknowledged, ${r.serverAnswered} in the server's state`);
  }
}
