/**
 * The replay's sentences for the event under the cursor, and its timeline arithmetic
 * (lib/replay): expectations written by hand from the default session (H1 · 1, H1 · 2 …).
 */
import { describe, expect, it } from "vitest";
import { LESSON_QUIZ } from "../../lib/lesson/quiz";
import { describeEvent, seatName, studentName } from "../../lib/replay/describe-event";
import { clampTime, formatClock, formatOffset, nextMark, playTime, previousMark, seqAt } from "../../lib/replay/timeline";
import type { ReplayMark } from "../../lib/protocol/replay";
import { answerText } from "../../app/components/replay/answer-text";
import type { PublicQuestion } from "../../lib/quiz/types";
import type { LoggedEvent, SessionEvent } from "../../lib/session/events";
import type { SessionState } from "../../lib/session/state";
import { TEACHER, join, newSession, run, setMine, student } from "../helpers/session-fixtures";

const logged = (e: SessionEvent, seq = 9): LoggedEvent => ({ ...e, seq, actor: null }) as LoggedEvent;

/** The default class with Ada on hidden neuron 1 and Ben on hidden neuron 2. */
function classOfTwo(): SessionState {
  const state = newSession();
  join(state, "p1", "Ada");
  join(state, "p2", "Ben");
  return state;
}

describe("describeEvent", () => {
  it("names the student and the neuron they moved", () => {
    const state = classOfTwo();
    const [e] = setMine(state, "p2", { bias: 0.5 });
    expect(describeEvent(logged(e!), state)).toBe("Ben moved Hidden 1 · neuron 2");
  });

  it("says who joined and where they sit", () => {
    const state = newSession();
    const events = join(state, "p1", "Ada");
    const joined = events.find((e) => e.type === "student.joined")!;
    expect(describeEvent(logged(joined), state)).toBe("Ada joined on Hidden 1 · neuron 1");
  });

  it("reads 'Student 2' while names are hidden, and for a blank name (a link that hides them)", () => {
    const state = classOfTwo();
    const [e] = setMine(state, "p2", { bias: 0.5 });
    const hidden = { ...state, hideNames: true };
    expect(describeEvent(logged(e!), hidden)).toBe("Student 2 moved Hidden 1 · neuron 2");
    const blank = { ...state, students: { ...state.students, p2: { ...state.students.p2!, nickname: "" } } };
    expect(studentName(blank, "p2")).toBe("Student 2");
    expect(studentName(state, "nobody")).toBe("A student");
  });

  it("tells a question's moments by its number", () => {
    const state = classOfTwo();
    const question = LESSON_QUIZ.find((q) => q.kind === "choice")!;
    const [launched] = run(state, TEACHER, { name: "quiz:launch", payload: { question, options: { timeLimitSec: null, allowChange: false } } });
    expect(describeEvent(logged(launched!), state)).toBe("Question 1 launched");
    const answered = run(state, student("p1"), { name: "quiz:answer", payload: { runId: state.quiz.run!.runId, answer: { kind: "choice", choices: [0] } } });
    expect(describeEvent(logged(answered[0]!), state)).toBe("Ada answered question 1");
    const closing = run(state, TEACHER, { name: "quiz:close", payload: {} });
    expect(describeEvent(logged(closing[0]!), state)).toBe("Question 1 closed");
    const revealing = run(state, TEACHER, { name: "quiz:reveal", payload: {} });
    expect(describeEvent(logged(revealing.find((e) => e.type === "quiz.revealed")!), state)).toBe("Question 1 revealed");
    expect(describeEvent(logged({ type: "quiz.closed", payload: { runId: "old", at: 1, reason: "timer" } }), state)).toBe("A question closed (time up)");
  });

  it("describes the teacher's moves in plain words", () => {
    const state = classOfTwo();
    const cases: [SessionEvent, string][] = [
      [{ type: "session.created", payload: { id: "s", code: "K7QF3M", network: state.network, inputs: [0.9, 0.4], inputLabels: [], outputLabels: [], presetId: "classifier" } }, "Session started"],
      [{ type: "inputs.set", payload: { inputs: [0.9, -0.25] } }, "Inputs set to 0.900, -0.250"],
      [{ type: "neuron.set", payload: { layer: 1, neuron: 0, values: { weights: [1, 1, 1], bias: 0 } } }, "Teacher set Output · neuron 1"],
      [{ type: "lock.set", payload: { layer: 0, locked: true } }, "Hidden layer 1 locked"],
      [{ type: "lock.set", payload: { layer: null, locked: false } }, "Network unlocked"],
      [{ type: "weights.replaced", payload: { network: state.network, reason: "randomize" } }, "Weights randomised"],
      [{ type: "names.hidden", payload: { hidden: true } }, "Names hidden"],
      [{ type: "lesson.step", payload: { step: 2 } }, "Step 3: Why depth matters"],
      [{ type: "lesson.step", payload: { step: null } }, "Free play"],
      [{ type: "animation.set", payload: { column: 1, playing: true, at: 5 } }, "Forward pass at hidden layer 1"],
      [{ type: "animation.set", payload: { column: null, playing: false, at: null } }, "Forward pass finished"],
      [{ type: "event.redacted", payload: {} }, "A teacher-only event (not shown)"],
      [{ type: "student.removed", payload: { studentId: "p1" } }, "Ada was removed"],
      [{ type: "student.moved", payload: { studentId: "p1", seat: { layer: 1, neuron: 1 } } }, "Ada was seated on Output · neuron 2"],
      [{ type: "session.ended", payload: {} }, "Session ended"],
    ];
    for (const [event, text] of cases) expect(describeEvent(logged(event), state)).toBe(text);
  });

  it("names seats in networks of one and three layers", () => {
    expect(seatName({ layer: 0, neuron: 0 }, 1)).toBe("Output · neuron 1");
    expect(seatName({ layer: 1, neuron: 2 }, 3)).toBe("Hidden 2 · neuron 3");
  });
});

describe("timeline", () => {
  const points: [number, number][] = [
    [1000, 1],
    [2000, 5],
    [2000, 6],
    [5000, 9],
  ];

  it("finds the seq in force at a time: the last point at or before it", () => {
    expect(seqAt(points, 500)).toBe(1);
    expect(seqAt(points, 1000)).toBe(1);
    expect(seqAt(points, 1999)).toBe(1);
    expect(seqAt(points, 2000)).toBe(6);
    expect(seqAt(points, 4999)).toBe(6);
    expect(seqAt(points, 9000)).toBe(9);
    expect(seqAt([], 10)).toBe(0);
  });

  const marks: ReplayMark[] = [
    { seq: 1, at: 1000, kind: "start", label: "Start" },
    { seq: 5, at: 2000, kind: "launch", label: "Question 1 launched" },
    { seq: 6, at: 2000, kind: "close", label: "Question 1 closed" },
    { seq: 9, at: 5000, kind: "reveal", label: "Question 1 revealed" },
  ];

  it("steps to the next and the previous mark, even two at the same millisecond", () => {
    expect(nextMark(marks, { at: 1000, seq: 1 })?.seq).toBe(5);
    expect(nextMark(marks, { at: 2000, seq: 5 })?.seq).toBe(6);
    expect(nextMark(marks, { at: 5000, seq: 9 })).toBeNull();
    expect(previousMark(marks, { at: 5000, seq: 9 })?.seq).toBe(6);
    expect(previousMark(marks, { at: 3000, seq: 6 })?.seq).toBe(6);
    expect(previousMark(marks, { at: 1000, seq: 1 })).toBeNull();
  });

  it("writes times from the start and of the day", () => {
    expect(formatOffset(0)).toBe("0:00");
    expect(formatOffset(245_999)).toBe("4:05");
    expect(formatOffset(3_729_000)).toBe("1:02:09");
    expect(formatClock(Date.UTC(2026, 0, 5, 14, 3, 9), "UTC")).toBe("14:03:09");
  });

  it("keeps times inside the session and plays at the chosen speed", () => {
    expect(clampTime(50, 100, 200)).toBe(100);
    expect(clampTime(250, 100, 200)).toBe(200);
    expect(playTime(1000, 500, 4, 10_000)).toBe(3000);
    expect(playTime(1000, 5000, 8, 10_000)).toBe(10_000);
  });
});

describe("answerText", () => {
  const choice: PublicQuestion = { id: "q", kind: "choice", prompt: "?", choices: ["Yes", "No"], multiple: false };
  const order: PublicQuestion = { id: "o", kind: "order", prompt: "?", lines: ["a", "b", "c"] };
  it("writes each kind of answer as the replay's table shows it", () => {
    expect(answerText({ kind: "choice", choices: [1] }, choice)).toBe("B. No");
    expect(answerText({ kind: "choice", choices: [0, 1] }, order)).toBe("A, B");
    expect(answerText({ kind: "number", value: 0.12345 }, choice)).toBe("0.123");
    expect(answerText({ kind: "line", line: 2 }, choice)).toBe("Line 3");
    expect(answerText({ kind: "order", order: [2, 0, 1] }, order)).toBe("3, 1, 2");
    expect(answerText({ kind: "blanks", values: ["x", "y"] }, choice)).toBe("x · y");
    expect(answerText({ kind: "text", text: "1.400" }, choice)).toBe("1.400");
    expect(answerText({ kind: "code", code: "def f():\n  return 1" }, choice)).toBe("A program of 2 lines");
  });
});
