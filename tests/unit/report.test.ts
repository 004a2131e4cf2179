/**
 * The report of a hand-written log, checked field by field against a hand-written
 * expectation; and the same report whether the log is fed whole or page by page.
 */
import { describe, expect, it } from "vitest";
import { sessionReportSchema } from "../../lib/protocol/replay";
import { answerText, distribution, median, seatLabel } from "../../lib/report/answers";
import { ReportBuilder, reportOf } from "../../lib/report/builder";
import { parseStoredEvent } from "../../lib/session/event-schemas";
import type { LoggedEvent } from "../../lib/session/events";
import { foldEvents } from "../../lib/session/reducer";
import { seeded } from "../helpers/seeded";
import { HYPERLINK, REPORT_LOG, T0, ZOE } from "./report-fixture";

const SESSION = { sessionId: "s-1", code: "K7QF3M" };

const EXPECTED = {
  sessionId: "s-1",
  code: "K7QF3M",
  createdAt: T0,
  endAt: T0 + 100_000,
  questions: [
    {
      number: 1,
      questionId: "which-act",
      kind: "choice",
      prompt: "Which activation keeps positives and zeroes negatives?",
      launchedAt: T0 + 10_000,
      students: 3,
      answered: 3,
      correct: 2,
      shareCorrect: 2 / 3,
      medianMs: 4_000,
      meanMs: 13_000 / 3,
      distribution: [
        { label: "A: ReLU", count: 2 },
        { label: "B: sigmoid", count: 1 },
        { label: "C: tanh", count: 0 },
      ],
    },
    {
      number: 2,
      questionId: "sure",
      kind: "poll",
      prompt: "How sure are you?",
      launchedAt: T0 + 30_000,
      students: 3,
      answered: 2,
      correct: null,
      shareCorrect: null,
      medianMs: 2_000,
      meanMs: 2_000,
      distribution: [
        { label: "A: Very", count: 1 },
        { label: "B: A bit", count: 0 },
        { label: "C: Not at all", count: 1 },
      ],
    },
    {
      number: 3,
      questionId: "half-twice",
      kind: "numeric",
      prompt: "What is 0.5 × 2?",
      launchedAt: T0 + 40_000,
      students: 3,
      answered: 2,
      correct: 1,
      shareCorrect: 0.5,
      medianMs: 4_000,
      meanMs: 4_000,
      distribution: [
        { label: "Right", count: 1 },
        { label: "Wrong", count: 1 },
      ],
    },
    {
      number: 4,
      questionId: "double",
      kind: "code",
      prompt: "Write double(x).",
      launchedAt: T0 + 50_000,
      students: 3,
      answered: 2,
      correct: 1,
      shareCorrect: 0.5,
      medianMs: 25_000,
      meanMs: 25_000,
      distribution: [
        { label: "double(3)", count: 2 },
        { label: "double(-1)", count: 1 },
      ],
    },
  ],
  students: [
    {
      studentId: "p1",
      nickname: "Ada",
      seat: "Hidden layer, neuron 1",
      score: 1_000,
      rank: 2,
      answers: [
        { number: 1, answer: "A: ReLU", correct: true, points: 1_000, elapsedMs: 2_000 },
        { number: 2, answer: "C: Not at all", correct: null, points: 0, elapsedMs: 1_500 },
        // Question 3 was never revealed: its points were never given.
        { number: 3, answer: "0.5", correct: false, points: 0, elapsedMs: 5_000 },
        { number: 4, answer: "1 of 2 tests", correct: false, points: 0, elapsedMs: 20_000 },
      ],
      moves: 2,
      lastWeights: [1, -0.5],
      lastBias: 0.5,
    },
    {
      studentId: "p2",
      nickname: HYPERLINK,
      seat: "Hidden layer, neuron 2",
      score: 1_100,
      rank: 1,
      answers: [
        { number: 1, answer: "B: sigmoid", correct: false, points: 0, elapsedMs: 4_000 },
        { number: 3, answer: "1", correct: true, points: 0, elapsedMs: 3_000 },
        { number: 4, answer: "2 of 2 tests", correct: true, points: 1_100, elapsedMs: 30_000 },
      ],
      moves: 1,
      lastWeights: [0.5, 1.8],
      lastBias: -1,
    },
    {
      studentId: "p3",
      nickname: ZOE,
      seat: null,
      score: 900,
      rank: null,
      answers: [
        { number: 1, answer: "A: ReLU", correct: true, points: 900, elapsedMs: 7_000 },
        { number: 2, answer: "A: Very", correct: null, points: 0, elapsedMs: 2_500 },
      ],
      moves: 0,
      lastWeights: null,
      lastBias: null,
    },
  ],
};

describe("the session report", () => {
  it("reports every question and every student as the log has them", () => {
    const report = reportOf(REPORT_LOG, SESSION);
    expect(sessionReportSchema.parse(report)).toEqual(report);
    expect(report.questions).toHaveLength(4);
    EXPECTED.questions.forEach((q, i) => expect(report.questions[i]).toEqual(q));
    EXPECTED.students.forEach((s, i) => expect(report.students[i]).toEqual(s));
    expect(report).toEqual(EXPECTED);
  });

  it("gives the same report fed page by page, and holds the state, not the events", () => {
    const builder = new ReportBuilder();
    for (let i = 0; i < REPORT_LOG.length; i += 5) for (const e of REPORT_LOG.slice(i, i + 5)) builder.add(e);
    expect(builder.events).toBe(REPORT_LOG.length);
    expect(builder.finish(SESSION)).toEqual(EXPECTED);
    // Nothing the builder keeps grows with the log: no array of events among its fields.
    const kept = Object.values(builder as unknown as Record<string, unknown>).filter((v) => Array.isArray(v));
    expect(kept).toEqual([]);
  });

  it("reports a session with no question and a live question with its answers so far", () => {
    const upToQ1Answers = REPORT_LOG.slice(0, 10);
    const report = reportOf(upToQ1Answers, SESSION);
    expect(report.questions.map((q) => [q.number, q.answered, q.correct, q.medianMs])).toEqual([[1, 2, 1, 3_000]]);
    expect(report.students.map((s) => [s.nickname, s.score, s.rank, s.answers.map((a) => [a.answer, a.points])])).toEqual([
      ["Ada", 0, 1, [["A: ReLU", 0]]],
      [HYPERLINK, 0, 1, [["B: sigmoid", 0]]],
      [ZOE, 0, 1, []],
    ]);
    expect(reportOf(REPORT_LOG.slice(0, 1), SESSION)).toEqual({ ...SESSION, createdAt: T0, endAt: T0, questions: [], students: [] });
  });

  it("folds runs of slider moves to the same state as the reducer event by event", () => {
    // Moves of three students around seat changes, team-mode switches and removals, in a fixed pseudo-random order.
    const random = seeded(42);
    const others = [
      { type: "team-mode.set", payload: { mode: "average" } },
      { type: "student.moved", payload: { studentId: "p2", seat: { layer: 0, neuron: 0 } } },
      { type: "student.removed", payload: { studentId: "p3" } },
      { type: "team-mode.set", payload: { mode: "latest" } },
      { type: "student.readmitted", payload: { studentId: "p3" } },
      { type: "student.moved", payload: { studentId: "p1", seat: { layer: 1, neuron: 1 } } },
    ];
    const rows: { type: string; payload: unknown }[] = REPORT_LOG.slice(0, 4).map((e) => ({ type: e.type, payload: e.payload }));
    for (let i = 0; i < 400; i++) {
      if (i % 60 === 59) rows.push(others[(i / 60) | 0]!);
      const id = ["p1", "p2", "p3"][Math.floor(random() * 3)]!;
      const width = id === "p1" && i > 360 ? 3 : 2;
      rows.push({ type: "entry.set", payload: { studentId: id, values: { weights: Array.from({ length: width }, () => Math.round(random() * 100) / 10), bias: i } } });
    }
    const log: LoggedEvent[] = rows.map((r, i) => parseStoredEvent("s-1", { seq: i + 1, type: r.type, payload: r.payload, actor: null, at: new Date(T0 + i) }));
    const builder = new ReportBuilder();
    log.forEach((e, i) => {
      builder.add(e);
      // Between other events, and at every 37th move, the state is the reducer's, event by event.
      if (i % 37 === 0 || e.type !== "entry.set") expect(builder.current).toEqual(foldEvents(null, log.slice(0, i + 1)));
    });
    expect(builder.current).toEqual(foldEvents(null, log));
    expect(builder.finish(SESSION).students.map((s) => s.moves)).toEqual(["p1", "p2", "p3"].map((id) => rows.filter((r) => r.type === "entry.set" && (r.payload as { studentId: string }).studentId === id).length));
  });

  it("refuses a log that does not start with session.created", () => {
    expect(() => reportOf(REPORT_LOG.slice(1), SESSION)).toThrow("event 2: a session's log must start with session.created, not student.joined");
  });
});

describe("answers as text", () => {
  const orderRun = { shown: { id: "o", kind: "order" as const, prompt: "Order", lines: ["b", "a", "c"] }, question: null };
  const bugRun = { shown: { id: "b", kind: "bug" as const, prompt: "Bug", code: "x = 1\n  y = x +\nprint(y)" }, question: null };
  const whichRun = { shown: { id: "w", kind: "parametric" as const, prompt: "Which?", template: "which-activation" as const, tolerance: 0 }, question: null };

  it("writes each kind for a person", () => {
    expect(answerText(orderRun, { answer: { kind: "order", order: [2, 0, 1] } })).toBe("3, 1, 2");
    expect(answerText(bugRun, { answer: { kind: "line", line: 1 } })).toBe("Line 2: y = x +");
    expect(answerText(whichRun, { answer: { kind: "choice", choices: [1] } })).toBe("B: sigmoid");
    expect(answerText(orderRun, { answer: { kind: "blanks", values: ["x", "y"] } })).toBe("x | y");
    expect(answerText(orderRun, { answer: { kind: "text", text: "0.5" } })).toBe("0.5");
    expect(answerText(orderRun, { answer: { kind: "code", code: "" }, tests: [true] })).toBe("1 of 1 test");
  });

  it("counts a which-activation question per activation", () => {
    const bars = distribution(whichRun, [{ answer: { kind: "choice", choices: [0] }, correct: true }, { answer: { kind: "choice", choices: [0] }, correct: false }]);
    expect(bars).toEqual([
      { label: "A: ReLU", count: 2 },
      { label: "B: sigmoid", count: 0 },
      { label: "C: tanh", count: 0 },
      { label: "D: linear", count: 0 },
      { label: "E: step", count: 0 },
    ]);
  });

  it("names seats and takes medians", () => {
    expect(seatLabel({ layer: 0, neuron: 1 }, 3)).toBe("Hidden layer 1, neuron 2");
    expect(seatLabel({ layer: 1, neuron: 0 }, 3)).toBe("Hidden layer 2, neuron 1");
    expect(seatLabel({ layer: 2, neuron: 0 }, 3)).toBe("Output neuron 1");
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
