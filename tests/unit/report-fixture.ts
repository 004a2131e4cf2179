/**
 * A hand-written log for the report's unit tests: three students join the classifier
 * preset, two move their neuron, a choice question is answered and revealed, a poll is
 * answered and revealed, a numeric question is answered but replaced by a code question
 * before any reveal, the code question's programs are graded and revealed, and a student
 * is removed before the end. Every event is parsed with its stored schema, as the server
 * reads its log back.
 */
import { getPreset } from "../../lib/lesson/presets";
import { parseStoredEvent } from "../../lib/session/event-schemas";
import type { LoggedEvent } from "../../lib/session/events";

export const T0 = 1_700_000_000_000;
export const HYPERLINK = '=HYPERLINK("http://x","y")';
export const ZOE = "Zoé, \"the fox\" 🦊";

const preset = getPreset("classifier");
const TEACHER = "t-1";

const CHOICE = {
  id: "which-act",
  kind: "choice",
  prompt: "Which activation keeps positives and zeroes negatives?",
  choices: ["ReLU", "sigmoid", "tanh"],
  multiple: false,
  correct: [0],
};
const POLL = { id: "sure", kind: "poll", prompt: "How sure are you?", choices: ["Very", "A bit", "Not at all"], multiple: false };
const NUMERIC = { id: "half-twice", kind: "numeric", prompt: "What is 0.5 × 2?", answer: 1, tolerance: 0.01 };
const CODE = {
  id: "double",
  kind: "code",
  prompt: "Write double(x).",
  starter: "def double(x):\n    return x",
  entry: "double",
  rows: [
    { args: [3], expected: 6 },
    { args: [-1], expected: -2 },
  ],
};

const grade = (passed: boolean[]) => ({
  status: "graded",
  passed: passed.filter(Boolean).length,
  total: passed.length,
  tests: passed.map((p, i) => ({ label: ["double(3)", "double(-1)"][i], group: null, passed: p, got: null, message: p ? "" : "Wrong." })),
  error: null,
  message: "",
  stdout: "",
  ms: 12,
});

const launch = (runId: string, number: number, question: Record<string, unknown>, shown: Record<string, unknown>, at: number) => ({
  type: "quiz.launched",
  payload: { runId, number, shown, question, shuffle: null, seed: null, draws: {}, launchedAt: at, timeLimitSec: 30, closesAt: at + 30_000, allowChange: false },
});
const answered = (runId: string, studentId: string, answer: unknown, correct: boolean | null, points: number, elapsedMs: number, at: number) => ({
  type: "quiz.answered",
  payload: { runId, studentId, answer, correct, points, elapsedMs, at },
});

/** [type+payload, actor, at] in log order; seqs are 1, 2, 3… */
const RAW: [{ type: string; payload: unknown }, string | null, number][] = [
  [{ type: "session.created", payload: { id: "s-1", code: "K7QF3M", network: preset.network, inputs: preset.inputs, inputLabels: preset.inputLabels, outputLabels: preset.outputLabels, presetId: preset.id } }, null, T0],
  [{ type: "student.joined", payload: { studentId: "p1", nickname: "Ada" } }, "p1", T0 + 1_000],
  [{ type: "student.joined", payload: { studentId: "p2", nickname: HYPERLINK } }, "p2", T0 + 2_000],
  [{ type: "student.joined", payload: { studentId: "p3", nickname: ZOE } }, "p3", T0 + 3_000],
  [{ type: "entry.set", payload: { studentId: "p1", values: { weights: [1, -0.5], bias: 0.25 } } }, "p1", T0 + 4_000],
  [{ type: "entry.set", payload: { studentId: "p1", values: { weights: [1, -0.5], bias: 0.5 } } }, "p1", T0 + 4_100],
  [{ type: "entry.set", payload: { studentId: "p2", values: { weights: [0.5, 1.8], bias: -1 } } }, "p2", T0 + 4_200],
  [launch("q1", 1, CHOICE, { id: CHOICE.id, kind: "choice", prompt: CHOICE.prompt, choices: CHOICE.choices, multiple: false }, T0 + 10_000), TEACHER, T0 + 10_000],
  [answered("q1", "p1", { kind: "choice", choices: [0] }, true, 1_000, 2_000, T0 + 12_000), "p1", T0 + 12_000],
  [answered("q1", "p2", { kind: "choice", choices: [1] }, false, 0, 4_000, T0 + 14_000), "p2", T0 + 14_000],
  [answered("q1", "p3", { kind: "choice", choices: [0] }, true, 900, 7_000, T0 + 17_000), "p3", T0 + 17_000],
  [{ type: "quiz.closed", payload: { runId: "q1", at: T0 + 20_000, reason: "reveal" } }, TEACHER, T0 + 20_000],
  [{ type: "quiz.revealed", payload: { runId: "q1", at: T0 + 20_000 } }, TEACHER, T0 + 20_000],
  [{ type: "quiz.cleared", payload: { runId: "q1" } }, TEACHER, T0 + 25_000],
  [launch("q2", 2, POLL, { id: POLL.id, kind: "poll", prompt: POLL.prompt, choices: POLL.choices, multiple: false }, T0 + 30_000), TEACHER, T0 + 30_000],
  [answered("q2", "p1", { kind: "choice", choices: [2] }, null, 0, 1_500, T0 + 31_500), "p1", T0 + 31_500],
  [answered("q2", "p3", { kind: "choice", choices: [0] }, null, 0, 2_500, T0 + 32_500), "p3", T0 + 32_500],
  [{ type: "quiz.closed", payload: { runId: "q2", at: T0 + 35_000, reason: "teacher" } }, TEACHER, T0 + 35_000],
  [{ type: "quiz.revealed", payload: { runId: "q2", at: T0 + 36_000 } }, TEACHER, T0 + 36_000],
  [launch("q3", 3, NUMERIC, { id: NUMERIC.id, kind: "numeric", prompt: NUMERIC.prompt, tolerance: 0.01 }, T0 + 40_000), TEACHER, T0 + 40_000],
  [answered("q3", "p2", { kind: "number", value: 1 }, true, 1_200, 3_000, T0 + 43_000), "p2", T0 + 43_000],
  [answered("q3", "p1", { kind: "number", value: 0.5 }, false, 0, 5_000, T0 + 45_000), "p1", T0 + 45_000],
  [{ type: "quiz.closed", payload: { runId: "q3", at: T0 + 50_000, reason: "launch" } }, TEACHER, T0 + 50_000],
  [launch("q4", 4, CODE, { id: CODE.id, kind: "code", prompt: CODE.prompt, starter: CODE.starter, entry: "double", tests: 2 }, T0 + 50_000), TEACHER, T0 + 50_000],
  [{ type: "quiz.submitted", payload: { runId: "q4", studentId: "p1", submissionId: "q4-p1-1", number: 1, code: "def double(x):\n    return abs(x) * 2", elapsedMs: 20_000, at: T0 + 70_000 } }, "p1", T0 + 70_000],
  [{ type: "quiz.submitted", payload: { runId: "q4", studentId: "p2", submissionId: "q4-p2-1", number: 1, code: "def double(x):\n    return x * 2", elapsedMs: 30_000, at: T0 + 80_000 } }, "p2", T0 + 80_000],
  [{ type: "quiz.graded", payload: { runId: "q4", studentId: "p1", submissionId: "q4-p1-1", grade: grade([true, false]), points: 0, at: T0 + 70_100 } }, null, T0 + 70_100],
  [{ type: "quiz.graded", payload: { runId: "q4", studentId: "p2", submissionId: "q4-p2-1", grade: grade([true, true]), points: 1_100, at: T0 + 80_100 } }, null, T0 + 80_100],
  [{ type: "quiz.closed", payload: { runId: "q4", at: T0 + 90_000, reason: "reveal" } }, TEACHER, T0 + 90_000],
  [{ type: "quiz.revealed", payload: { runId: "q4", at: T0 + 90_000 } }, TEACHER, T0 + 90_000],
  [{ type: "student.removed", payload: { studentId: "p3" } }, TEACHER, T0 + 95_000],
  [{ type: "session.ended", payload: {} }, TEACHER, T0 + 100_000],
];

/** The log, as parsed rows (with `at`), seqs 1…n. */
export const REPORT_LOG: LoggedEvent[] = RAW.map(([e, actor, at], i) =>
  parseStoredEvent("s-1", { seq: i + 1, type: e.type, payload: e.payload, actor, at: new Date(at) }),
);
