/**
 * A code question in a room driven by a fake clock: a program is stored, then graded as a job
 * of the room, and the grade comes back as an event. The sandbox itself is tested for real in
 * tests/integration/grader.test.ts; here its place is taken by an executor the test answers
 * by hand, so the order of events, the best-result rule, a restart with a program waiting and
 * a lost result can be checked exactly.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pino } from "pino";
import { SPAM_EXERCISE } from "../../lib/lesson/code-exercise";
import { ProtocolError } from "../../lib/protocol/errors";
import type { CallOutcome, CodeJob, RunOutcome } from "../../lib/quiz/code-run";
import type { SessionEvent } from "../../lib/session/events";
import { createState } from "../../lib/session/reducer";
import type { MyQuiz } from "../../lib/session/views";
import type { Channel, RoomMessage } from "../../server/rooms/fanout";
import { loadSessionState } from "../../server/rooms/load-state";
import { Room } from "../../server/rooms/room";
import { MemoryStorage } from "../helpers/memory-storage";
import { TEACHER, createdEvent } from "../helpers/session-fixtures";

const silent = pino({ level: "silent" });
const START = 1_700_000_000_000;

interface Call {
  job: CodeJob;
  answer(outcome: RunOutcome): void;
}

/** A sandbox run that returns `values` from the calls, in order. */
const returned = (values: string[]): RunOutcome => ({
  kind: "done",
  ms: 40,
  result: { error: null, calls: values.map((v): CallOutcome => ({ ok: true, json: true, value: v, repr: `'${v}'` })), asserts: [], stdout: "" },
});
const RIGHT = SPAM_EXERCISE.rows.map((r) => r.expected as string);
const ALL_SPAM = SPAM_EXERCISE.rows.map(() => "spam");

async function setup(storage = new MemoryStorage(), existing?: { state: ReturnType<typeof createState>; seq: number }) {
  const calls: Call[] = [];
  const delivered: { channel: Channel; message: RoomMessage }[] = [];
  if (!existing) {
    const created = createdEvent();
    await storage.createSession({ id: "sess-1", code: "K7QF3M" });
    await storage.append("sess-1", 1, [{ type: created.type, payload: created.payload, actor: null }]);
  }
  const base = existing ?? { state: createState(createdEvent()), seq: 1 };
  const room = new Room("sess-1", base.state, base.seq, {
    storage,
    log: silent,
    deliver: (channel, message) => delivered.push({ channel, message }),
    tickMs: 25,
    snapshotEvery: 1000,
    now: () => Date.now(),
    random: () => 0.5,
    executors: { "grade-code": (job) => new Promise<RunOutcome>((answer) => calls.push({ job, answer })) },
  });
  if (!existing) {
    const joined = ["a", "b"].map((id): SessionEvent => ({ type: "student.joined", payload: { studentId: id, nickname: id.toUpperCase() } }));
    await Promise.all([room.submit(joined, null), room.flushNow()]);
    for (const id of ["a", "b"]) room.connect({ id: `phone-${id}`, viewer: { role: "student", participantId: id }, send: () => {}, close: () => {} });
  }
  const mine = (id: string) =>
    delivered.filter((d) => d.message.event === "quiz:mine" && "participant" in d.channel && d.channel.participant === id).at(-1)?.message.payload as MyQuiz | undefined;
  return { room, storage, calls, mine, delivered };
}

const student = (id: string) => ({ role: "student" as const, id });

async function settle(room: Room) {
  await vi.advanceTimersByTimeAsync(30);
  await room.flushNow();
  await vi.advanceTimersByTimeAsync(30);
}

async function launchAndSubmit(room: Room, code = "def predict(i, t): return 'spam'") {
  const launched = room.run(TEACHER, { name: "quiz:launch", payload: { question: SPAM_EXERCISE, options: { timeLimitSec: null, allowChange: false } } });
  await settle(room);
  await launched;
  const runId = room.committed.quiz.run!.runId;
  const sent = room.run(student("a"), { name: "quiz:answer", payload: { runId, answer: { kind: "code", code } } });
  await settle(room);
  await sent;
  return runId;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"], now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("a code question's programs", () => {
  it("are stored first, graded as a job after the commit, and the grade comes back as an event", async () => {
    const { room, storage, calls, mine } = await setup();
    await launchAndSubmit(room, "def predict(inputs, threshold):\n    return 'spam'\n");
    const log = await storage.read("sess-1", 1, 100);
    expect(log.map((e) => e.type)).toContain("quiz.submitted");
    expect(calls).toHaveLength(1);
    expect(calls[0]!.job).toEqual({ source: "def predict(inputs, threshold):\n    return 'spam'\n", entry: "predict", calls: SPAM_EXERCISE.rows.map((r) => ({ args: r.args })), asserts: [] });
    expect(room.committed.quiz.run!.answered).toBe(1);
    expect(mine("a")?.code).toMatchObject({ grading: true, submissions: 1, latest: null });

    calls[0]!.answer(returned(ALL_SPAM));
    await settle(room);
    const graded = (await storage.read("sess-1", 1, 100)).filter((e) => e.type === "quiz.graded");
    expect(graded).toHaveLength(1);
    const answer = room.committed.quiz.answers["a"]!;
    expect(answer.correct).toBe(false);
    expect(answer.tests).toEqual(RIGHT.map((r) => r === "spam"));
    expect(mine("a")?.code).toMatchObject({ grading: false, submissions: 1, bestPassed: RIGHT.filter((r) => r === "spam").length });
    expect(mine("a")?.code?.latest?.tests[5]).toMatchObject({ passed: false, got: "'spam'", message: "Expected 'not spam', got 'spam'." });
  });

  it("refuses a second program while the first is graded, then takes it; the best result counts", async () => {
    const { room, calls, mine } = await setup();
    const runId = await launchAndSubmit(room);
    const again = () => room.run(student("a"), { name: "quiz:answer", payload: { runId, answer: { kind: "code", code: "x = 1" } } });
    expect(again).toThrow(ProtocolError);
    calls[0]!.answer(returned(RIGHT));
    await settle(room);
    expect(room.committed.quiz.answers["a"]!.correct).toBe(true);
    const points = room.committed.quiz.answers["a"]!.points;
    expect(points).toBeGreaterThan(0);

    const second = again();
    await settle(room);
    await second;
    calls[1]!.answer({ kind: "done", ms: 5, result: { error: { type: "SyntaxError", message: "invalid syntax", line: 1 }, calls: [], asserts: [], stdout: "" } });
    await settle(room);
    expect(mine("a")?.code).toMatchObject({ submissions: 2, bestPassed: SPAM_EXERCISE.rows.length });
    expect(mine("a")?.code?.latest).toMatchObject({ status: "error", passed: 0, message: "Python could not read your code on line 1: invalid syntax." });
    expect(room.committed.quiz.answers["a"]).toMatchObject({ correct: true, points, answer: { kind: "code", code: "def predict(i, t): return 'spam'" } });
  });

  it("cannot be revealed while a program is being graded; the reveal counts passes per test", async () => {
    const { room, calls } = await setup();
    await launchAndSubmit(room);
    expect(() => room.run(TEACHER, { name: "quiz:reveal", payload: {} })).toThrow(/still being graded/);
    calls[0]!.answer(returned(ALL_SPAM));
    await settle(room);
    const revealed = room.run(TEACHER, { name: "quiz:reveal", payload: {} });
    await settle(room);
    await revealed;
    const summary = room.committed.quiz.run!.summary!;
    expect(summary.correct).toBe(0);
    expect(summary.counts).toEqual(RIGHT.map((r) => (r === "spam" ? 1 : 0)));
    expect(room.committed.quiz.run!.key).toMatchObject({ kind: "code", reference: SPAM_EXERCISE.reference });
  });

  it("a program stored before a restart is graded after it", async () => {
    const { room, storage, calls } = await setup();
    await launchAndSubmit(room);
    room.dispose();
    const loaded = await loadSessionState(storage, "sess-1");
    const again = await setup(storage, loaded!);
    expect(again.calls).toHaveLength(1);
    expect(again.calls[0]!.job).toEqual(calls[0]!.job);
    again.calls[0]!.answer(returned(RIGHT));
    await settle(again.room);
    expect(again.room.committed.quiz.grading).toEqual({});
    expect(again.room.committed.quiz.answers["a"]!.correct).toBe(true);
  });

  it("a grade whose commit fails is re-read, and the program graded again", async () => {
    const { room, storage, calls } = await setup();
    await launchAndSubmit(room);
    const append = storage.append.bind(storage);
    let fail = true;
    storage.append = async (...args) => {
      if (fail) {
        fail = false;
        throw new Error("connection refused");
      }
      return append(...args);
    };
    calls[0]!.answer(returned(RIGHT));
    await settle(room);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(calls).toHaveLength(2);
    calls[1]!.answer(returned(RIGHT));
    await settle(room);
    expect(room.committed.quiz.answers["a"]!.correct).toBe(true);
  });

  it("are refused when the server says it cannot take them, and nothing is stored", async () => {
    const storage = new MemoryStorage();
    const created = createdEvent();
    await storage.createSession({ id: "sess-1", code: "K7QF3M" });
    await storage.append("sess-1", 1, [{ type: created.type, payload: created.payload, actor: null }]);
    const room = new Room("sess-1", createState(created), 1, {
      storage,
      log: silent,
      deliver: () => {},
      tickMs: 25,
      snapshotEvery: 1000,
      admit: (command) => {
        if (command.name === "quiz:launch" && command.payload.question.kind === "code") throw new ProtocolError("INVALID", "No sandbox here.");
      },
    });
    expect(() => room.run(TEACHER, { name: "quiz:launch", payload: { question: SPAM_EXERCISE, options: { timeLimitSec: null, allowChange: false } } })).toThrow("No sandbox here.");
    await room.flushNow();
    expect(room.seq).toBe(1);
  });
});
