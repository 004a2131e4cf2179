/**
 * The code question's result screen, phone and self-paced lesson alike: tests grouped as the
 * question groups them, the summary's tone, "Best: 13 of 14", and for the spam exercise what
 * the student's predict called each labelled example beside its label. Grades are made by the
 * real `judge` from harness reports written out here; the labels are SPEC's.
 */
import { describe, expect, it } from "vitest";
import { bestLine, exampleVerdicts, gradeTone, labelFromRepr, testGroups } from "../../app/components/quiz/code-results-model";
import { EXAMPLES_GROUP, SPAM_AT_HALF, SPAM_EXERCISE } from "../../lib/lesson/code-exercise";
import { judge, pyLiteral } from "../../lib/quiz/code-judge";
import type { CallOutcome } from "../../lib/quiz/code-run";

/** What the sandbox reports when predict returns these values, in the exercise's test order. */
const returned = (values: string[]) =>
  judge(SPAM_EXERCISE, {
    kind: "done",
    ms: 5,
    result: { error: null, calls: values.map((v): CallOutcome => ({ ok: true, json: true, value: v, repr: pyLiteral(v) })), asserts: [], stdout: "" },
  });

const RIGHT = SPAM_EXERCISE.rows.map((r) => r.expected as string);
/** A `>=` predict: only the exact-0.5 input changes, to spam. */
const GE = RIGHT.map((v, i) => (i === 10 ? "spam" : v));
/** The labels SPEC gives the ten examples. */
const LABELS = ["spam", "not spam", "spam", "not spam", "spam", "not spam", "spam", "not spam", "spam", "not spam"];

describe("a code question's result screen", () => {
  it("groups the tests in the order their groups first appear, counting passes", () => {
    const groups = testGroups(returned(GE).tests);
    expect(groups.map((g) => [g.group, g.passed, g.tests.length])).toEqual([
      [EXAMPLES_GROUP, 10, 10],
      ["Exactly on the threshold", 0, 1],
      ["A stricter threshold (0.8)", 3, 3],
    ]);
    expect(groups[1]!.tests[0]!.message).toBe("Expected 'not spam', got 'spam'.");
    expect(testGroups([{ label: "a", group: null, passed: true, got: null, message: "" }])).toEqual([
      { group: null, passed: 1, tests: [{ label: "a", group: null, passed: true, got: null, message: "" }] },
    ]);
  });

  it("tones the summary by how many tests passed, or by how the run ended", () => {
    expect(gradeTone(returned(RIGHT))).toBe("pass");
    expect(returned(RIGHT).message).toBe("All 14 tests pass.");
    expect(gradeTone(returned(GE))).toBe("partial");
    expect(gradeTone(returned(RIGHT.map(() => "maybe")))).toBe("fail");
    expect(gradeTone(judge(SPAM_EXERCISE, { kind: "timeout", ms: 5000, limitMs: 5000 }))).toBe("limit");
    expect(gradeTone(judge(SPAM_EXERCISE, { kind: "unavailable", reason: "No sandbox here." }))).toBe("limit");
    const broken = judge(SPAM_EXERCISE, { kind: "done", ms: 3, result: { error: { type: "SyntaxError", message: "expected ':'", line: 17 }, calls: [], asserts: [], stdout: "" } });
    expect(gradeTone(broken)).toBe("fail");
  });

  it("says how many programs were sent and the best, which counts", () => {
    expect(bestLine(2, 13, 14)).toBe("2 programs sent · Best: 13 of 14");
    expect(bestLine(1, 14, 14)).toBe("1 program sent · Best: 14 of 14");
    expect(bestLine(1, null, 14)).toBe("1 program sent");
  });

  it("reads spam labels from Python's repr only", () => {
    expect(labelFromRepr("'spam'")).toBe("spam");
    expect(labelFromRepr('"not spam"')).toBe("not spam");
    expect(labelFromRepr("'Spam'")).toBeNull();
    expect(labelFromRepr("None")).toBeNull();
    expect(labelFromRepr(null)).toBeNull();
  });

  it("shows what a right predict calls each labelled example beside its label: the network's two misses pass", () => {
    const verdicts = exampleVerdicts(SPAM_EXERCISE.id, returned(RIGHT))!;
    expect(verdicts.map((v) => v.label)).toEqual(LABELS);
    expect(verdicts.map((v) => v.said)).toEqual([...SPAM_AT_HALF]);
    expect(verdicts.filter((v) => !v.agrees).map((v) => v.number)).toEqual([9, 10]);
    expect(verdicts.every((v) => v.passed)).toBe(true);
    expect(verdicts[0]!.inputs).toEqual([0.9, 0.8, 0]);
  });

  it("shows a predict that calls everything spam, one that returns another type, and one that raised", () => {
    const allSpam = exampleVerdicts(SPAM_EXERCISE.id, returned(RIGHT.map(() => "spam")))!;
    expect(allSpam.map((v) => v.said)).toEqual(Array(10).fill("spam"));
    expect(allSpam.filter((v) => !v.passed).map((v) => v.number)).toEqual([2, 4, 6, 8, 9]);
    expect(allSpam[1]!.message).toBe("Expected 'not spam', got 'spam'.");

    const numbers = judge(SPAM_EXERCISE, {
      kind: "done",
      ms: 5,
      result: { error: null, calls: RIGHT.map((): CallOutcome => ({ ok: true, json: true, value: 1, repr: "1" })), asserts: [], stdout: "" },
    });
    expect(exampleVerdicts(SPAM_EXERCISE.id, numbers)![0]).toMatchObject({ said: "1", agrees: false, passed: false });

    const raised = judge(SPAM_EXERCISE, {
      kind: "done",
      ms: 5,
      result: { error: null, calls: RIGHT.map((): CallOutcome => ({ ok: false, error: { type: "NameError", message: "name 'W3' is not defined", line: 18 } })), asserts: [], stdout: "" },
    });
    expect(exampleVerdicts(SPAM_EXERCISE.id, raised)![0]).toMatchObject({ said: null, agrees: false, passed: false });
  });

  it("has no example table for another question, or for a run that did not grade", () => {
    expect(exampleVerdicts("another-question", returned(RIGHT))).toBeNull();
    expect(exampleVerdicts(SPAM_EXERCISE.id, judge(SPAM_EXERCISE, { kind: "timeout", ms: 5000, limitMs: 5000 }))).toBeNull();
  });
});
