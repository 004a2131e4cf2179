/**
 * Work beside the latency scenario: a second class of 50 sends the lesson's spam exercise
 * all at once while the first class moves its sliders, so `npm run bench -- --only grading`
 * can compare the realtime figures with and without students' programs being graded in the
 * sandbox. The programs alternate between a right `predict` and a `>=` one.
 */
import { io, type Socket } from "socket.io-client";
import { SPAM_EXERCISE, SPAM_REFERENCE } from "../lib/lesson/code-exercise";
import { PROTOCOL_VERSION } from "../lib/protocol/version";
import type { SessionUpdate } from "../lib/protocol/server-events";
import { log, now } from "./log";
import { host, joinAll } from "./servers";
import { sleep } from "./lib/procs";

export const GRADING_CLASS = 50;

export interface GradingResult {
  sent: number;
  accepted: number;
  graded: number;
  /** From the first program sent to the last grade seen by the teacher. */
  allGradedMs: number | null;
  refused: Record<string, number>;
}

export interface GradingLoad {
  finish(): Promise<GradingResult>;
}

const connect = (url: string, token: string) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = io(url, { transports: ["websocket"], auth: { protocolVersion: PROTOCOL_VERSION, token }, reconnection: false });
    socket.once("session:snapshot", () => resolve(socket));
    socket.once("connect_error", reject);
  });

const ack = (socket: Socket, event: string, payload: unknown) =>
  new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => socket.timeout(30_000).emit(event, payload, (err: unknown, reply: { ok: boolean; error?: { code: string } }) => resolve(err ? { ok: false, error: { code: "TIMEOUT" } } : reply)));

/**
 * Hosts the second class and sends its 50 programs at `at` (our clock).
 * @example
 * const load = await gradingLoad(server.url, startAt + 5000); ... const r = await load.finish();
 */
export async function gradingLoad(url: string, at: number): Promise<GradingLoad> {
  const session = await host(url);
  const joins = await joinAll(url, Array(GRADING_CLASS).fill(session.code), 8, 100_000);
  const tokens = joins.joined.filter((j) => j !== null).map((j) => j.token);
  const teacher = await connect(url, session.teacherToken);
  const students = await Promise.all(tokens.map((t) => connect(url, t)));
  let graded = 0;
  let lastGradeAt = 0;
  teacher.on("session:update", (update: SessionUpdate) => {
    for (const e of update.events)
      if (e.type === "quiz.graded") {
        graded++;
        lastGradeAt = now();
      }
  });
  // Listen before launching: the launch's update may arrive before its acknowledgement.
  const launchedRun = new Promise<string>((resolve) => {
    teacher.on("session:update", (update: SessionUpdate) => {
      const e = update.events.find((x) => x.type === "quiz.launched");
      if (e) resolve((e.payload as { runId: string }).runId);
    });
  });
  const launched = await ack(teacher, "quiz:launch", { question: SPAM_EXERCISE, options: { timeLimitSec: null, allowChange: false } });
  if (!launched.ok) throw new Error(`the spam exercise was not launched: ${JSON.stringify(launched)}`);
  const runId = await launchedRun;
  log(`grading: ${students.length} students ready in a second class`);

  const refused: Record<string, number> = {};
  let accepted = 0;
  let firstSentAt = 0;
  const sending = (async () => {
    await sleep(Math.max(0, at - now()));
    firstSentAt = now();
    const replies = await Promise.all(
      students.map((s, i) => ack(s, "quiz:answer", { runId, answer: { kind: "code", code: i % 2 === 0 ? SPAM_REFERENCE : SPAM_REFERENCE.replace("output > threshold", "output >= threshold") } })),
    );
    for (const r of replies) {
      if (r.ok) accepted++;
      else refused[r.error?.code ?? "?"] = (refused[r.error?.code ?? "?"] ?? 0) + 1;
    }
  })();

  return {
    async finish() {
      await sending;
      const deadline = now() + 120_000;
      while (graded < accepted && now() < deadline) await sleep(250);
      for (const s of [teacher, ...students]) s.close();
      return { sent: students.length, accepted, graded, allGradedMs: graded >= accepted && graded > 0 ? lastGradeAt - firstSentAt : null, refused };
    },
  };
}
