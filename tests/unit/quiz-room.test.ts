/**
 * Quiz scoring in a room driven by a fake clock (no test sleeps), with in-memory clients and
 * fixed one-way delays: students answer at known times, and their points and ranks equal a
 * hand computation from the formula in lib/quiz/scoring.ts's header:
 *
 *   right, speed on:  500 + round(500 × (1 − min(t, T) / T))   (T: the time limit, or 30 s)
 *   right, speed off: 1000
 *   streak on:        + 100 × min(streak before, 5)
 *   t = received − sent to that phone − its one-way delay
 *
 * Also: the timer closes a question at its deadline; `quiz:mine` goes to that student's
 * participant channel only, with no result before the reveal and the result and standing after.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pino } from "pino";
import { LESSON_QUIZ } from "../../lib/lesson/quiz";
import { ProtocolError } from "../../lib/protocol/errors";
import type { Answer, Question } from "../../lib/quiz/types";
import type { SessionEvent } from "../../lib/session/events";
import { createState } from "../../lib/session/reducer";
import type { MyQuiz } from "../../lib/session/views";
import type { Channel, RoomMessage } from "../../server/rooms/fanout";
import { Room } from "../../server/rooms/room";
import { MemoryStorage } from "../helpers/memory-storage";
import { TEACHER, createdEvent, student } from "../helpers/session-fixtures";

const silent = pino({ level: "silent" });
const START = 1_700_000_000_000;
const IDS = ["a", "b", "c", "d", "e"] as const;

const lesson = (id: string): Question => {
  const q = LESSON_QUIZ.find((x) => x.id === id);
  if (!q) throw new Error(`no lesson question ${id}`);
  return q;
};
const RELU = lesson("lesson-relu-neuron"); // answer 0 (0.5 × 2.0 + 1.0 × −1.5 + 0.5)
const WEIGHTS = lesson("lesson-forward-weights"); // choice 0: "Nothing: they are only read"
const BUG = lesson("lesson-spot-bug"); // the `w + x` line
const BLANKS = lesson("lesson-fill-activations"); // 0 and -x

const bugLine = BUG.kind === "bug" ? BUG.code.split("\n").findIndex((l) => l.includes("sum(w + x")) : -1;

async function setup() {
  const storage = new MemoryStorage();
  const created = createdEvent();
  await storage.createSession({ id: "sess-1", code: "K7QF3M" });
  await storage.append("sess-1", 1, [{ type: created.type, payload: created.payload, actor: null }]);
  const delivered: { channel: Channel; message: RoomMessage }[] = [];
  const room = new Room("sess-1", createState(created), 1, {
    storage,
    log: silent,
    deliver: (channel, message) => delivered.push({ channel, message }),
    tickMs: 25,
    snapshotEvery: 1000,
    now: () => Date.now(),
    random: () => 0.5,
  });
  const joined = IDS.map((id): SessionEvent => ({ type: "student.joined", payload: { studentId: id, nickname: id.toUpperCase() } }));
  await Promise.all([room.submit(joined, null), room.flushNow()]);
  for (const id of IDS) room.connect({ id: `phone-${id}`, viewer: { role: "student", participantId: id }, send: () => {}, close: () => {} });
  await vi.advanceTimersByTimeAsync(100);

  /** The latest `quiz:mine` each student's channel got. */
  const mine = (id: string): MyQuiz | undefined =>
    delivered.filter((d) => d.message.event === "quiz:mine" && "participant" in d.channel && d.channel.participant === id).at(-1)?.message.payload as
      | MyQuiz
      | undefined;
  return { room, storage, delivered, mine };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Launches a question now and delivers it to the phones at once; returns the run id and the launch time. */
async function launch(room: Room, question: Question, timeLimitSec: number | null = null): Promise<{ runId: string; at: number }> {
  const at = Date.now();
  const done = room.run(TEACHER, { name: "quiz:launch", payload: { question, options: { timeLimitSec, allowChange: false } } });
  await room.flushNow();
  await done;
  return { runId: room.committed.quiz.run!.runId, at };
}

/** Lets the fake clock run to `at` (ms since the epoch), timers and promises settling on the way. */
async function until(at: number) {
  await vi.advanceTimersByTimeAsync(at - Date.now());
}

async function answer(s: Setup, id: string, runId: string, answer: Answer, oneWayMs: number): Promise<void> {
  const done = s.room.run(student(id), { name: "quiz:answer", payload: { runId, answer } }, { oneWayMs });
  await s.room.flushNow();
  await done;
}

async function reveal(room: Room) {
  const done = room.run(TEACHER, { name: "quiz:reveal", payload: {} });
  await room.flushNow();
  await done;
}

async function settings(room: Room, speedPoints: boolean, streakPoints: boolean) {
  const done = room.run(TEACHER, { name: "quiz:settings", payload: { speedPoints, streakPoints } });
  await room.flushNow();
  await done;
}

const points = (room: Room) => Object.fromEntries(IDS.map((id) => [id, room.committed.quiz.scores[id]?.points ?? 0]));
const streaks = (room: Room) => Object.fromEntries(IDS.map((id) => [id, room.committed.quiz.scores[id]?.streak ?? 0]));
const standings = (s: Setup) => Object.fromEntries(IDS.map((id) => [id, s.mine(id)?.standing]));
const refusalCode = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProtocolError) return err.code;
    throw err;
  }
  throw new Error("the command was accepted");
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"], now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("a quiz in a room, on a fake clock", () => {
  it("scores speed and streaks by hand, closes on its timer, and tells each phone its own part", async () => {
    const s = await setup();
    const { room, delivered } = s;
    const num = (value: number): Answer => ({ kind: "number", value });

    // Question 1: the lesson's ReLU neuron (answer 0), 20 s to answer (T = 20 000 ms).
    const q1 = await launch(room, RELU, 20);
    expect(room.committed.quiz.run!.closesAt).toBe(q1.at + 20_000);
    // Every phone was told the question has come, with no result and no standing yet.
    for (const id of IDS) expect(s.mine(id)).toMatchObject({ runId: q1.runId, answer: null, result: null, standing: null });

    await until(q1.at + 1_000);
    await answer(s, "c", q1.runId, num(1), 0); // wrong: 0 points
    await until(q1.at + 2_000);
    await answer(s, "b", q1.runId, num(0), 250); // t = 2000 − 250 = 1750: 500 + round(500 × 0.9125 = 456.25) = 956
    await until(q1.at + 4_000);
    const before = delivered.length;
    await answer(s, "a", q1.runId, num(0.004), 150); // t = 4000 − 150 = 3850: 500 + round(500 × 0.8075 = 403.75) = 904
    // a's answer changed a's own part only: one quiz:mine, to a's channel, with no result before the reveal.
    const afterA = delivered.slice(before).filter((d) => d.message.event === "quiz:mine");
    expect(afterA.map((d) => d.channel)).toEqual([{ participant: "a" }]);
    expect(s.mine("a")).toEqual({ runId: q1.runId, draw: null, answer: num(0.004), result: null, standing: null, code: null });
    await until(q1.at + 19_000);
    await answer(s, "d", q1.runId, num(0), 0); // t = 19 000: 500 + round(500 × 0.05 = 25) = 525

    // The timer closes the question at its deadline, without anyone sending a command.
    await until(q1.at + 19_999);
    expect(room.committed.quiz.run!.status).toBe("open");
    await until(q1.at + 20_000);
    await room.flushNow();
    expect(room.committed.quiz.run).toMatchObject({ status: "closed", closedAt: q1.at + 20_000 });
    const closed = (await s.storage.read("sess-1", 1)).filter((e) => e.type === "quiz.closed");
    expect(closed.map((e) => e.payload)).toEqual([{ runId: q1.runId, at: q1.at + 20_000, reason: "timer" }]);
    await until(q1.at + 21_000);
    expect(refusalCode(() => room.run(student("e"), { name: "quiz:answer", payload: { runId: q1.runId, answer: num(0) } }, { oneWayMs: 0 }))).toBe(
      "QUESTION_CLOSED",
    );

    await reveal(room);
    expect(points(room)).toEqual({ a: 904, b: 956, c: 0, d: 525, e: 0 });
    expect(streaks(room)).toEqual({ a: 1, b: 1, c: 0, d: 1, e: 0 });
    // Each phone's own result and standing; equal points share a rank (c and e: 4th).
    expect(s.mine("a")!.result).toEqual({ correct: true, points: 904, expected: null });
    expect(s.mine("c")!.result).toEqual({ correct: false, points: 0, expected: null });
    expect(s.mine("e")!.result).toEqual({ correct: false, points: 0, expected: null });
    expect(standings(s)).toEqual({
      a: { points: 904, rank: 2, of: 5 },
      b: { points: 956, rank: 1, of: 5 },
      c: { points: 0, rank: 4, of: 5 },
      d: { points: 525, rank: 3, of: 5 },
      e: { points: 0, rank: 4, of: 5 },
    });

    // Question 2: one choice (the forward pass only reads the weights: choice 0), no time limit (T = 30 000 ms).
    await until(q1.at + 60_000);
    const q2 = await launch(room, WEIGHTS);
    expect(room.committed.quiz.run!.closesAt).toBeNull();
    await until(q2.at + 3_000);
    await answer(s, "a", q2.runId, { kind: "choice", choices: [0] }, 0); // t = 3000: 500 + round(450) = 950, + streak 100 × 1 = 1050
    await answer(s, "b", q2.runId, { kind: "choice", choices: [1] }, 0); // wrong: 0, streak broken
    await until(q2.at + 6_000);
    await answer(s, "c", q2.runId, { kind: "choice", choices: [0] }, 100); // t = 5900: 500 + round(500 × 0.80333 = 401.67) = 902, no streak
    await until(q2.at + 45_000);
    await answer(s, "d", q2.runId, { kind: "choice", choices: [0] }, 0); // t = 45 000 > T: 500 + 0, + streak 100 × 1 = 600
    // e does not answer: no points, streak stays 0.
    await reveal(room);
    expect(points(room)).toEqual({ a: 904 + 1050, b: 956, c: 902, d: 525 + 600, e: 0 });
    expect(streaks(room)).toEqual({ a: 2, b: 0, c: 1, d: 2, e: 0 });
    expect(s.mine("b")!.result).toEqual({ correct: false, points: 0, expected: null });
    expect(s.mine("d")!.result).toEqual({ correct: true, points: 600, expected: null });
    expect(standings(s)).toEqual({
      a: { points: 1954, rank: 1, of: 5 },
      b: { points: 956, rank: 3, of: 5 },
      c: { points: 902, rank: 4, of: 5 },
      d: { points: 1125, rank: 2, of: 5 },
      e: { points: 0, rank: 5, of: 5 },
    });

    // Question 3: speed and streak points off: every right answer is 1000, however slow.
    await settings(room, false, false);
    const q3 = await launch(room, BUG);
    await until(q3.at + 1_000);
    await answer(s, "e", q3.runId, { kind: "line", line: bugLine }, 0);
    await until(q3.at + 25_000);
    await answer(s, "a", q3.runId, { kind: "line", line: bugLine }, 0); // streak 2 not counted
    await answer(s, "d", q3.runId, { kind: "line", line: bugLine }, 0);
    await answer(s, "b", q3.runId, { kind: "line", line: 0 }, 0);
    await reveal(room);
    expect(points(room)).toEqual({ a: 1954 + 1000, b: 956, c: 902, d: 1125 + 1000, e: 1000 });
    // Streaks still count right answers in a row (c did not answer: broken).
    expect(streaks(room)).toEqual({ a: 3, b: 0, c: 0, d: 3, e: 1 });

    // Question 4: speed off, streak on: 1000 + 100 × the streak before.
    await settings(room, false, true);
    const q4 = await launch(room, BLANKS);
    await until(q4.at + 29_000);
    await answer(s, "a", q4.runId, { kind: "blanks", values: ["0", "-x"] }, 0); // 1000 + 300
    await answer(s, "e", q4.runId, { kind: "blanks", values: ["0", "- x"] }, 0); // 1000 + 100
    await answer(s, "d", q4.runId, { kind: "blanks", values: ["0", "x"] }, 0); // wrong
    await reveal(room);
    expect(points(room)).toEqual({ a: 2954 + 1300, b: 956, c: 902, d: 2125, e: 1000 + 1100 });
    expect(standings(s)).toEqual({
      a: { points: 4254, rank: 1, of: 5 },
      b: { points: 956, rank: 4, of: 5 },
      c: { points: 902, rank: 5, of: 5 },
      d: { points: 2125, rank: 2, of: 5 },
      e: { points: 2100, rank: 3, of: 5 },
    });

    // quiz:mine only ever went to one participant's channel, never to a viewer kind.
    const mineChannels = delivered.filter((d) => d.message.event === "quiz:mine").map((d) => d.channel);
    expect(mineChannels.length).toBeGreaterThan(IDS.length * 4);
    for (const c of mineChannels) expect(Object.keys(c)).toEqual(["participant"]);
    // And each carried that student's own answer, nobody else's.
    for (const d of delivered.filter((x) => x.message.event === "quiz:mine")) {
      const who = (d.channel as { participant: string }).participant;
      const payload = d.message.payload as MyQuiz;
      if (payload.answer === null || payload.runId !== room.committed.quiz.run!.runId) continue;
      expect(payload.answer).toEqual(room.committed.quiz.answers[who]!.answer);
    }
  });

  it("times each phone from when the question reached it, less the one-way delay it is given", async () => {
    const s = await setup();
    const q = await launch(s.room, RELU, 10);
    await until(q.at + 2_500);
    await answer(s, "a", q.runId, { kind: "number", value: 0 }, 300);
    await answer(s, "b", q.runId, { kind: "number", value: 0 }, 0);
    const recorded = s.room.committed.quiz.answers;
    // T = 10 000 ms. a: t = 2500 − 300 = 2200 → 500 + round(500 × 0.78 = 390) = 890; b: t = 2500 → 500 + 375 = 875.
    expect(recorded.a).toMatchObject({ elapsedMs: 2_200, points: 890, correct: true });
    expect(recorded.b).toMatchObject({ elapsedMs: 2_500, points: 875, correct: true });
    // A phone that connects later is timed from its connection.
    const late: SessionEvent = { type: "student.joined", payload: { studentId: "f", nickname: "F" } };
    await Promise.all([s.room.submit([late], null), s.room.flushNow()]);
    await until(q.at + 4_000);
    s.room.connect({ id: "phone-f", viewer: { role: "student", participantId: "f" }, send: () => {}, close: () => {} });
    await until(q.at + 5_000);
    await answer(s, "f", q.runId, { kind: "number", value: 0 }, 0);
    // f: t = 5000 − 4000 = 1000 → 500 + round(500 × 0.9) = 950.
    expect(s.room.committed.quiz.answers.f).toMatchObject({ elapsedMs: 1_000, points: 950 });
  });
});
