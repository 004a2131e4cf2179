/**
 * The spam exercise's expected results come from SPEC's spam detector, not from any code
 * under test: each row is checked against SPEC's checked values, written out here, and
 * against the shared engine's forward pass of the detector. `judge` compares what the sandbox
 * reported with those rows outside the sandbox.
 */
import { describe, expect, it } from "vitest";
import { SPAM_AT_HALF, SPAM_EXERCISE } from "../../lib/lesson/code-exercise";
import { SPAM_EXAMPLES, spamScore } from "../../lib/lesson/presets";
import { LESSON_QUIZ } from "../../lib/lesson/quiz";
import { jobFor, judge, pyLiteral, sameValue } from "../../lib/quiz/code-judge";
import type { CallOutcome, RunOutcome } from "../../lib/quiz/code-run";
import { questionSchema } from "../../lib/quiz/schema";

/** SPEC's checked values: inputs, threshold, score, verdict. */
const SPEC_CHECKED: [number[], number, number, string][] = [
  [[0.9, 0.8, 0], 0.5, 0.99478, "spam"],
  [[0.1, 0.1, 1], 0.5, 0.00816, "not spam"],
  [[0.5, 0.2, 0], 0.5, 0.73106, "spam"],
  [[0.5, 0.2, 0], 0.8, 0.73106, "not spam"],
  [[0.45, 0, 0], 0.5, 0.5, "not spam"],
];

const done = (values: unknown[]): RunOutcome => ({
  kind: "done",
  ms: 12,
  result: { error: null, calls: values.map((v): CallOutcome => ({ ok: true, json: true, value: v as string, repr: pyLiteral(v as string) })), asserts: [], stdout: "" },
});

describe("the spam exercise", () => {
  it("is a valid code question, last in the lesson's quiz", () => {
    expect(questionSchema.parse(SPAM_EXERCISE)).toEqual(SPAM_EXERCISE);
    expect(LESSON_QUIZ.at(-1)).toBe(SPAM_EXERCISE);
  });

  it("tests the ten labelled examples at 0.5, the exact-0.5 boundary and the threshold 0.8", () => {
    const rows = SPAM_EXERCISE.rows;
    expect(rows.slice(0, 10).map((r) => r.args)).toEqual(SPAM_EXAMPLES.map((e) => [[...e.inputs], 0.5]));
    expect(rows).toContainEqual(expect.objectContaining({ args: [[0.45, 0, 0], 0.5], expected: "not spam" }));
    expect(rows.filter((r) => r.args[1] === 0.8).length).toBeGreaterThanOrEqual(2);
  });

  it("expects what SPEC's checked values say", () => {
    for (const [inputs, threshold, score, verdict] of SPEC_CHECKED) {
      expect(spamScore(inputs)).toBeCloseTo(score, 5);
      const row = SPAM_EXERCISE.rows.find((r) => JSON.stringify(r.args) === JSON.stringify([inputs, threshold]));
      if (row) expect(row.expected).toBe(verdict);
    }
  });

  it("expects, for every row, what the engine's forward pass of the detector gives", () => {
    for (const row of SPAM_EXERCISE.rows) {
      const [inputs, threshold] = row.args as [number[], number];
      expect(row.expected).toBe(spamScore(inputs) > threshold ? "spam" : "not spam");
    }
  });

  it("gets 8 of the 10 labels right at 0.5: the last two are the network's mistakes", () => {
    const right = SPAM_EXAMPLES.map((e, i) => SPAM_AT_HALF[i] === e.label);
    expect(right).toEqual([true, true, true, true, true, true, true, true, false, false]);
  });
});

describe("judge", () => {
  const expected = SPAM_EXERCISE.rows.map((r) => r.expected);

  it("passes every test for the right values and none of the expected values enter the job", () => {
    const grade = judge(SPAM_EXERCISE, done(expected));
    expect(grade).toMatchObject({ status: "graded", passed: 14, total: 14, message: "All 14 tests pass." });
    expect(JSON.stringify(jobFor(SPAM_EXERCISE, "x"))).not.toContain("not spam");
  });

  it("fails only the boundary for `>=` instead of `>`", () => {
    const ge = SPAM_EXERCISE.rows.map((r) => {
      const [inputs, threshold] = r.args as [number[], number];
      return spamScore(inputs) >= threshold ? "spam" : "not spam";
    });
    const grade = judge(SPAM_EXERCISE, done(ge));
    expect(grade.passed).toBe(13);
    const failed = grade.tests.filter((t) => !t.passed);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.label).toContain("0.45");
    expect(failed[0]!.message).toBe("Expected 'not spam', got 'spam'.");
  });

  it("does not pass a value that is not plain JSON, whatever it claims to equal", () => {
    const outcome = done(expected);
    if (outcome.kind === "done") outcome.result.calls[0] = { ok: true, json: false, value: null, repr: "<AlwaysEqual>" };
    const grade = judge(SPAM_EXERCISE, outcome);
    expect(grade.tests[0]).toMatchObject({ passed: false, message: "Expected 'spam', got <AlwaysEqual> (return a plain value: a string, a number, a list)." });
  });

  it("reports an exception in a call with its line", () => {
    const outcome = done(expected);
    if (outcome.kind === "done") outcome.result.calls[2] = { ok: false, error: { type: "ZeroDivisionError", message: "division by zero", line: 7 } };
    expect(judge(SPAM_EXERCISE, outcome).tests[2]!.message).toBe("Expected 'spam', but it raised ZeroDivisionError: division by zero (line 7).");
  });

  it("says what stopped a run that hit a limit, with every test not run", () => {
    expect(judge(SPAM_EXERCISE, { kind: "timeout", ms: 5000, limitMs: 5000 }).message).toMatch(/more than 5 s .* loop that never ends/);
    expect(judge(SPAM_EXERCISE, { kind: "memory", ms: 900, limitMb: 512 })).toMatchObject({ status: "memory", passed: 0, total: 14 });
    expect(judge(SPAM_EXERCISE, { kind: "unavailable", reason: "no sandbox" })).toMatchObject({ status: "unavailable", message: "no sandbox" });
  });

  it("compares numbers within the tolerance and a bool is not a number", () => {
    expect(sameValue(0.7310585, 0.73106, 1e-5)).toBe(true);
    expect(sameValue(true, 1, 0)).toBe(false);
    expect(sameValue({ a: [1, "x"] }, { a: [1, "x"] }, 0)).toBe(true);
    expect(pyLiteral([0.5, true, null, "it's"])).toBe("[0.5, True, None, 'it\\'s']");
  });
});
