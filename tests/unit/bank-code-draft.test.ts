/**
 * The teacher's side of code questions, without a page: the editor reads a test's arguments
 * and expected value as Python literals (and JSON) with problems in words, turns the code
 * fields into a question and back, names each problem by test and field; the check's words;
 * the dashboard's and projector's numbers (sent, being graded, passing every test, the pass
 * rate per test, grouped).
 */
import { describe, expect, it } from "vitest";
import { SPAM_EXERCISE } from "../../lib/lesson/code-exercise";
import type { JsonValue } from "../../lib/quiz/code-run";
import type { CodeGrade } from "../../lib/quiz/code-judge";
import { pyLiteral } from "../../lib/quiz/code-judge";
import { publicQuestion, revealedKey } from "../../lib/quiz/public";
import { summarise } from "../../lib/session/domains/quiz/fold";
import type { LatestGrade, PendingGrade, QuestionRun, RecordedAnswer } from "../../lib/session/domains/quiz/state";
import { gradeWords, refusalWords } from "../../app/components/quiz/bank-check-words";
import { callPreview, readRows } from "../../app/components/quiz/bank-code-draft";
import { checkDraft, draftOf, emptyDraft, previewOf, type Draft } from "../../app/components/quiz/bank-draft";
import { parseArgs, parseValue } from "../../app/components/quiz/bank-literal";
import { gradingNote, groupTests, liveCodeTally, passingAllText, rateText, revealedCodeTally } from "../../app/components/quiz/dash-code-tally";
import { distribution, keyLines } from "../../app/components/quiz/dash-tally";

const value = (text: string) => {
  const r = parseValue(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const problem = (r: { ok: boolean; message?: string }) => (r.ok ? null : r.message);

describe("test values as Python literals", () => {
  it("reads a call's arguments and a returned value", () => {
    expect(parseArgs("[0.9, 0.8, 0], 0.5")).toEqual({ ok: true, value: [[0.9, 0.8, 0], 0.5] });
    expect(parseArgs("")).toEqual({ ok: true, value: [] });
    expect(parseArgs("  3 ,")).toEqual({ ok: true, value: [3] });
    expect(value("'spam'")).toBe("spam");
    expect(value('"not spam"')).toBe("not spam");
    expect(value("[True, False, None]")).toEqual([true, false, null]);
    expect(value("{'a': 1, \"b\": [2.5e-3, -4]}")).toEqual({ a: 1, b: [0.0025, -4] });
    expect(value("(1, 2)")).toEqual([1, 2]);
    expect(value("(1,)")).toEqual([1]);
    expect(value("(1)")).toBe(1);
    expect(value("1_000")).toBe(1000);
    expect(value(".5")).toBe(0.5);
    expect(value("'it\\'s\\n'")).toBe("it's\n");
    expect(value("'\\u00e9\\x41'")).toBe("éA");
  });

  it("reads JSON too", () => {
    expect(value('{"x": [true, false, null], "y": "z"}')).toEqual({ x: [true, false, null], y: "z" });
  });

  it("reads back every value pyLiteral writes", () => {
    const values: JsonValue[] = [0, -1.5, 1e-7, 123456789, "it's a \\ \"test\"\n", [], {}, [[1, [2]], { k: null }], true, { "a b": "c" }];
    for (const v of values) expect(value(pyLiteral(v))).toEqual(v);
  });

  it("says what is wrong, and where", () => {
    expect(problem(parseValue("spam"))).toBe("spam is not a value: put text in quotes ('spam'); True, False and None are the only names (character 1)");
    expect(problem(parseValue(""))).toMatch(/^write the expected value/);
    expect(problem(parseValue("'spam"))).toBe("a string is not closed: add ' (character 1)");
    expect(problem(parseValue("[1, 2"))).toBe('"[" is not closed: add "]" (character 1)');
    expect(problem(parseValue("[1 2]"))).toBe('expected "," or "]" (character 4)');
    expect(problem(parseValue("1, 2"))).toBe("the expected value is one value: for several, write a list [..., ...] (character 2)");
    expect(problem(parseValue("{1, 2}"))).toBe("a set is not a value here: use a list [...] (character 3)");
    expect(problem(parseValue("{1: 2}"))).toBe("a dict's keys must be strings in quotes (character 2)");
    expect(problem(parseValue("f'x'"))).toMatch(/^write a plain string, without the f prefix/);
    expect(problem(parseValue("1e999"))).toBe("1e999 is too large a number (character 1)");
    expect(problem(parseArgs("[1] 2"))).toBe('expected "," between arguments (character 5)');
    expect(problem(parseValue("[".repeat(40) + "]".repeat(40)))).toMatch(/^too deeply nested/);
  });
});

const double = (over: Partial<Draft> = {}): Draft => ({
  ...emptyDraft("double"),
  kind: "code",
  prompt: "Write double(x).",
  entry: "double",
  starter: "def double(x):\n    pass\n",
  reference: "def double(x):\n    return 2 * x\n",
  tests: [
    { args: "3", expected: "6", label: "", group: "" },
    { args: "-0.5", expected: "-1", label: "A negative number", group: "Edge cases" },
  ],
  ...over,
});

describe("the editor's code question", () => {
  it("becomes a question with rows, asserts and a reference", () => {
    const checked = checkDraft(double({ asserts: "assert double(0) == 0\n\n" }));
    expect(checked.ok ? checked.question : checked.problems).toEqual({
      id: "double",
      kind: "code",
      prompt: "Write double(x).",
      explanation: "",
      entry: "double",
      starter: "def double(x):\n    pass\n",
      reference: "def double(x):\n    return 2 * x\n",
      rows: [
        { args: [3], expected: 6 },
        { args: [-0.5], expected: -1, label: "A negative number", group: "Edge cases" },
      ],
      asserts: ["assert double(0) == 0"],
      tolerance: 0.000001,
    });
  });

  it("opens the lesson's spam exercise with its literals as typed, and saves it unchanged", () => {
    const d = draftOf(SPAM_EXERCISE);
    expect(d.tests[0]).toEqual({ args: "[0.9, 0.8, 0], 0.5", expected: "'spam'", label: SPAM_EXERCISE.rows[0]!.label, group: SPAM_EXERCISE.rows[0]!.group });
    const checked = checkDraft(d);
    expect(checked.ok && checked.question).toEqual(SPAM_EXERCISE);
  });

  it("names each problem by test and field", () => {
    const d = double({
      entry: "2x",
      tests: [
        { args: "3", expected: "six", label: "", group: "" },
        { args: "[1,", expected: "", label: "", group: "" },
      ],
    });
    const checked = checkDraft(d);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual([
      { field: "Test 1, expected value", path: "rows[0].expected", message: expect.stringMatching(/^six is not a value: put text in quotes/) },
      { field: "Test 2, arguments", path: "rows[1].args", message: '"[" is not closed: add "]" (character 1)' },
      { field: "Test 2, expected value", path: "rows[1].expected", message: expect.stringMatching(/^write the expected value/) },
      { field: "Function name", path: "entry", message: "a Python function name, like predict" },
    ]);
  });

  it("asks for starter code and at least one test", () => {
    const checked = checkDraft(double({ starter: "  \n", tests: [] }));
    expect(checked.ok ? [] : checked.problems).toEqual([
      { field: "Starter code", path: "starter", message: "the code is empty" },
      { field: "Tests", path: "rows", message: "a code question needs at least one test" },
    ]);
  });

  it("previews as a phone shows it and reads each row as a call", () => {
    expect(previewOf(double({ asserts: "assert double(1) == 2" }))).toEqual({
      id: "double",
      kind: "code",
      prompt: "Write double(x).",
      starter: "def double(x):\n    pass\n",
      entry: "double",
      tests: 3,
    });
    expect(callPreview("predict", { args: "[0.9, 0.8, 0], 0.5", expected: '"spam"' })).toBe("predict([0.9, 0.8, 0], 0.5) → 'spam'");
    expect(callPreview("predict", { args: "[0.9", expected: "1" })).toBeNull();
    expect(readRows([{ args: "x", expected: "1", label: " ", group: "" }]).rows).toEqual([{ args: [], expected: 1 }]);
  });
});

describe("the check's words", () => {
  it("sums up a grade of the reference solution", () => {
    expect(gradeWords({ status: "graded", passed: 2, total: 2, message: "" }).title).toBe("All 2 tests pass");
    expect(gradeWords({ status: "graded", passed: 1, total: 2, message: "" })).toMatchObject({ title: "1 of 2 tests fail", tone: "bad" });
    expect(gradeWords({ status: "error", passed: 0, total: 2, message: "Your code raised NameError: name 'y' is not defined before any test ran." }).message).toBe(
      "It raised NameError: name 'y' is not defined before any test ran.",
    );
  });

  it("says what each refusal means", () => {
    expect(refusalWords({ code: "INVALID", message: "Start the server with the grader." }).title).toBe("Code cannot run on this server");
    expect(refusalWords({ code: "RATE_LIMITED", message: "busy" })).toMatchObject({ title: "The grader is busy", tone: "wait" });
    expect(refusalWords({ code: "BAD_REQUEST", message: "Write a reference solution first" }).message).toBe("Write a reference solution first");
  });
});

const grade = (passes: boolean[]): CodeGrade => ({
  status: "graded",
  passed: passes.filter(Boolean).length,
  total: passes.length,
  tests: passes.map((passed, i) => ({ label: `T${i}`, group: i < 2 ? "First" : null, passed, got: null, message: "" })),
  error: null,
  message: "",
  stdout: "",
  ms: 1,
});
const best = (passes: boolean[]): Pick<RecordedAnswer, "correct" | "tests"> => ({ correct: passes.every(Boolean), tests: passes });
const pending = { runId: "q1", submissionId: "s", number: 2, code: "", elapsedMs: 0, at: 0 } satisfies PendingGrade;
const latest = (passes: boolean[]): LatestGrade => ({ submissionId: "x", number: 1, grade: grade(passes) });

describe("the dashboard's and projector's numbers", () => {
  it("count programs sent, being graded and passing every test, and each test's pass rate, live", () => {
    const tally = liveCodeTally(
      3,
      { a: best([true, true, true]), b: best([true, false, true]) },
      { b: pending, c: pending },
      { a: latest([true, true, true]), b: latest([true, false, true]) },
    );
    expect(tally).toMatchObject({ sent: 3, grading: 2, graded: 2, passingAll: 1 });
    expect(tally.tests.map(rateText)).toEqual(["2 of 2 · 100 %", "1 of 2 · 50 %", "2 of 2 · 100 %"]);
    expect(groupTests(tally.tests).map((g) => [g.name, g.tests.map((t) => t.label)])).toEqual([
      ["First", ["T0", "T1"]],
      [null, ["T2"]],
    ]);
    expect(passingAllText(tally)).toBe("1 of 2 pass every test (50 %)");
  });

  it("before any grade: numbered tests and nothing graded yet", () => {
    const tally = liveCodeTally(2, {}, { a: pending }, {});
    expect(tally).toMatchObject({ sent: 1, grading: 1, graded: 0, passingAll: 0 });
    expect(tally.tests.map((t) => [t.label, rateText(t)])).toEqual([
      ["Test 1", "none graded yet"],
      ["Test 2", "none graded yet"],
    ]);
    expect(passingAllText(tally)).toBe("No program graded yet");
  });

  it("after the reveal, from the summary and the key only (what the projector has)", () => {
    const answers: Record<string, RecordedAnswer> = {
      a: { answer: { kind: "code", code: "" }, correct: true, points: 1000, elapsedMs: 1, at: 1, tests: SPAM_EXERCISE.rows.map(() => true) },
      b: { answer: { kind: "code", code: "" }, correct: false, points: 0, elapsedMs: 1, at: 1, tests: SPAM_EXERCISE.rows.map((_, i) => i !== 10) },
    };
    const run = {
      status: "revealed",
      shown: publicQuestion(SPAM_EXERCISE, null),
      answered: 2,
      key: revealedKey(SPAM_EXERCISE),
      summary: summarise(SPAM_EXERCISE, answers),
    } satisfies Pick<QuestionRun, "status" | "shown" | "answered" | "key" | "summary">;
    const tally = revealedCodeTally(run)!;
    expect(tally).toMatchObject({ sent: 2, graded: 2, passingAll: 1 });
    expect(tally.tests[10]).toEqual({ label: SPAM_EXERCISE.rows[10]!.label, group: "Exactly on the threshold", passed: 1, of: 2 });
    expect(groupTests(tally.tests).map((g) => g.tests.length)).toEqual([10, 1, 3]);
    expect(distribution(run, null)).toEqual([]);
    expect(keyLines(run.key, run.shown)).toEqual([SPAM_EXERCISE.reference]);
    expect(revealedCodeTally({ ...run, status: "closed" })).toBeNull();
  });

  it("explains why the reveal waits", () => {
    expect(gradingNote(0)).toBeNull();
    expect(gradingNote(1)).toBe("1 program is still being graded: the answer can be revealed once it is.");
    expect(gradingNote(2)).toBe("2 programs are still being graded: the answer can be revealed once they are.");
  });
});
