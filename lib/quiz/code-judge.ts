/**
 * Grading a code question: the job the sandbox runs for a program (`jobFor`), and what the
 * sandbox's report means for each test (`judge`). The expected values never enter the
 * sandbox: the harness reports what the student's function returned, and the comparison
 * happens here, outside it. Pure, so the server, a replay and the self-paced lesson (which
 * runs the same harness in the browser's Python) grade the same way.
 */
import type { CallOutcome, CodeJob, JsonValue, PyError, RunOutcome } from "./code-run";
import type { QuestionOf } from "./types";

export type CodeQuestion = QuestionOf<"code">;

/** One test's outcome as the student sees it. */
export interface TestResult {
  label: string;
  /** Tests with the same group are shown together. */
  group: string | null;
  passed: boolean;
  /** What the function returned, as Python writes it (null when it raised or did not run). */
  got: string | null;
  /** What to do about it: "expected 'not spam', got 'spam'", or the exception and its line. */
  message: string;
}

/**
 * How a grade ended: `graded` (every test ran), `error` (the program did not compile, raised
 * at the top level or lacks the function), a limit it hit, or `unavailable` (no sandbox).
 */
export type GradeStatus = "graded" | "error" | "timeout" | "memory" | "output" | "crashed" | "unavailable";

export interface CodeGrade {
  status: GradeStatus;
  passed: number;
  total: number;
  tests: TestResult[];
  error: PyError | null;
  /** One sentence for the student about the whole run. */
  message: string;
  /** What the program printed (cut). */
  stdout: string;
  /** How long the run took in the sandbox. */
  ms: number;
}

/**
 * @example
 * jobFor(spamExercise, source).calls[0]; // { args: [[0.9, 0.8, 0], 0.5] }
 */
export function jobFor(question: CodeQuestion, source: string): CodeJob {
  return { source, entry: question.entry, calls: question.rows.map((r) => ({ args: r.args })), asserts: [...question.asserts] };
}

/**
 * A JSON value as Python writes it.
 * @example
 * pyLiteral([0.5, true, null, "spam"]); // "[0.5, True, None, 'spam']"
 */
export function pyLiteral(value: JsonValue): string {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`;
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(", ")}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${pyLiteral(k)}: ${pyLiteral(v)}`)
    .join(", ")}}`;
}

/**
 * Whether a returned value equals the expected one: numbers within `tolerance`, everything
 * else exactly (a bool is not a number, as in JSON).
 * @example
 * sameValue(0.7310585786, 0.73106, 1e-5); // true
 */
export function sameValue(got: JsonValue, expected: JsonValue, tolerance: number): boolean {
  if (typeof expected === "number") return typeof got === "number" && Math.abs(got - expected) <= tolerance + 1e-12;
  if (expected === null || typeof expected !== "object") return got === expected;
  if (Array.isArray(expected)) {
    return Array.isArray(got) && got.length === expected.length && expected.every((e, i) => sameValue(got[i]!, e, tolerance));
  }
  if (got === null || typeof got !== "object" || Array.isArray(got)) return false;
  const keys = Object.keys(expected);
  return keys.length === Object.keys(got).length && keys.every((k) => Object.hasOwn(got, k) && sameValue(got[k]!, expected[k]!, tolerance));
}

/** "ZeroDivisionError: division by zero (line 7)" */
export function describeError(error: PyError): string {
  return `${error.type}${error.message ? `: ${error.message}` : ""}${error.line ? ` (line ${error.line})` : ""}`;
}

/** Text cut to `max` characters, with an ellipsis when it was longer. */
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const callLabel = (entry: string, args: readonly JsonValue[]) => cut(`${entry}(${args.map(pyLiteral).join(", ")})`, 200);

function callResult(question: CodeQuestion, index: number, outcome: CallOutcome | undefined): TestResult {
  const row = question.rows[index]!;
  const label = row.label ?? callLabel(question.entry, row.args);
  const group = row.group ?? null;
  const expected = cut(pyLiteral(row.expected), 400);
  if (!outcome) return { label, group, passed: false, got: null, message: "Not run." };
  if (!outcome.ok) return { label, group, passed: false, got: null, message: cut(`Expected ${expected}, but it raised ${describeError(outcome.error)}.`, 1_000) };
  const passed = outcome.json && sameValue(outcome.value, row.expected, question.tolerance);
  if (passed) return { label, group, passed, got: outcome.repr, message: `Returned ${outcome.repr}.` };
  const hint = outcome.json ? "" : " (return a plain value: a string, a number, a list)";
  return { label, group, passed, got: outcome.repr, message: cut(`Expected ${expected}, got ${outcome.repr}${hint}.`, 1_000) };
}

/**
 * Each test's label and group as a result shows them, in order: the rows, then the asserts.
 * @example
 * testNames(double)[0]; // { label: "double(3)", group: null }
 */
export function testNames(question: CodeQuestion): { label: string; group: string | null }[] {
  return [
    ...question.rows.map((row) => ({ label: row.label ?? callLabel(question.entry, row.args), group: row.group ?? null })),
    ...question.asserts.map((a) => ({ label: a.slice(0, 120), group: null })),
  ];
}

/** Every test, none of them run, with the reason. */
function notRun(question: CodeQuestion, why: string): TestResult[] {
  return [
    ...question.rows.map((row) => ({ label: row.label ?? callLabel(question.entry, row.args), group: row.group ?? null, passed: false, got: null, message: why })),
    ...question.asserts.map((a) => ({ label: a.slice(0, 120), group: null, passed: false, got: null, message: why })),
  ];
}

const LIMIT_MESSAGES = {
  timeout: (o: { limitMs: number }) => `Your code ran for more than ${o.limitMs / 1000} s and was stopped: is there a loop that never ends?`,
  memory: (o: { limitMb: number }) => `Your code used more than ${o.limitMb} MB of memory and was stopped.`,
  output: () => "Your code wrote too much output and was stopped.",
  crashed: () => "Your code stopped the grader before it finished (did it call exit, or recurse too deep?).",
};

/**
 * What a sandbox run means for each of the question's tests.
 * @example
 * judge(spamExercise, { kind: "done", result, ms: 42 }).passed; // 13
 */
export function judge(question: CodeQuestion, outcome: RunOutcome): CodeGrade {
  const total = question.rows.length + question.asserts.length;
  const ended = (status: GradeStatus, message: string, ms: number, error: PyError | null = null, stdout = ""): CodeGrade => ({
    status,
    passed: 0,
    total,
    tests: notRun(question, "Not run."),
    error,
    message,
    stdout,
    ms,
  });
  switch (outcome.kind) {
    case "unavailable":
      return ended("unavailable", outcome.reason, 0);
    case "timeout":
      return ended("timeout", LIMIT_MESSAGES.timeout(outcome), outcome.ms);
    case "memory":
      return ended("memory", LIMIT_MESSAGES.memory(outcome), outcome.ms);
    case "output":
      return ended("output", LIMIT_MESSAGES.output(), outcome.ms);
    case "crashed":
      return ended("crashed", LIMIT_MESSAGES.crashed(), outcome.ms);
    case "done":
      break;
  }
  const { result, ms } = outcome;
  if (result.error) {
    const where = result.error.line ? ` on line ${result.error.line}` : "";
    const message =
      result.error.type === "SyntaxError"
        ? `Python could not read your code${where}: ${result.error.message}.`
        : `Your code raised ${describeError(result.error)} before any test ran.`;
    return ended("error", cut(message, 1_000), ms, result.error, result.stdout.slice(0, 4_000));
  }
  const tests = [
    ...question.rows.map((_, i) => callResult(question, i, result.calls[i])),
    ...question.asserts.map((a, i): TestResult => {
      const o = result.asserts[i];
      const label = a.slice(0, 120);
      if (!o) return { label, group: null, passed: false, got: null, message: "Not run." };
      return o.ok ? { label, group: null, passed: true, got: null, message: "Passed." } : { label, group: null, passed: false, got: null, message: cut(describeError(o.error), 1_000) };
    }),
  ];
  const passed = tests.filter((t) => t.passed).length;
  const message = passed === total ? `All ${total} tests pass.` : `${passed} of ${total} tests pass.`;
  return { status: "graded", passed, total, tests, error: null, message, stdout: result.stdout.slice(0, 4_000), ms };
}

/**
 * Which of two grades of the same question counts: more tests passed; on a tie the earlier.
 * @example
 * better(next, best); // true when next passed more tests
 */
export function better(next: Pick<CodeGrade, "passed">, best: Pick<CodeGrade, "passed"> | null): boolean {
  return best === null || next.passed > best.passed;
}
