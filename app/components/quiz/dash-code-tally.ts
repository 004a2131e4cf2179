/**
 * A code question's numbers as the dashboard and the projector show them: how many students
 * sent a program, how many programs wait for the sandbox, how many students' best program
 * passes every test, and each test's pass rate (labelled and grouped as the tests are).
 * Live, from the teacher's copy (`answers[*].tests`, `grading`, `graded`); after the reveal,
 * from the summary and the key, which every screen has. Pure, so it is tested without a page;
 * like dash-tally.ts it never reads `run.question`.
 */
import type { LatestGrade, PendingGrade, RecordedAnswer } from "../../../lib/session/domains/quiz/state";
import type { VisibleRun } from "./dash-tally";

export interface TestRate {
  label: string;
  group: string | null;
  /** Students whose best program passes it. */
  passed: number;
  /** Students with a graded program. */
  of: number;
}

export interface CodeTally {
  /** Students who have sent at least one program. */
  sent: number;
  /** Programs waiting for the sandbox now. */
  grading: number;
  /** Students with a graded program: the pass rates are out of these. */
  graded: number;
  /** Students whose best program passes every test. */
  passingAll: number;
  tests: TestRate[];
}

export interface TestGroup {
  /** The tests' `group`; null for tests without one. */
  name: string | null;
  tests: TestRate[];
}

type Names = { label: string; group: string | null }[];

/** Test names from any grade of the run (every grade lists every test, run or not). */
function namesFrom(graded: readonly LatestGrade[], count: number): Names {
  const tests = graded.find((g) => g.grade.tests.length === count)?.grade.tests ?? [];
  return Array.from({ length: count }, (_, i) => ({ label: tests[i]?.label ?? `Test ${i + 1}`, group: tests[i]?.group ?? null }));
}

/**
 * The numbers while the question runs.
 * @example
 * liveCodeTally(14, state.quiz.answers, state.quiz.grading, state.quiz.graded).passingAll; // 1
 */
export function liveCodeTally(
  count: number,
  answers: Readonly<Record<string, Pick<RecordedAnswer, "correct" | "tests">>>,
  grading: Readonly<Record<string, PendingGrade>>,
  graded: Readonly<Record<string, LatestGrade>>,
): CodeTally {
  const sent = new Set([...Object.keys(answers), ...Object.keys(grading), ...Object.keys(graded)]).size;
  const best = Object.values(answers).filter((a) => a.tests);
  const names = namesFrom(Object.values(graded), count);
  return {
    sent,
    grading: Object.keys(grading).length,
    graded: best.length,
    passingAll: best.filter((a) => a.correct === true).length,
    tests: names.map((n, i) => ({ ...n, passed: best.filter((a) => a.tests![i] === true).length, of: best.length })),
  };
}

/**
 * The numbers the reveal fixed (null before it, or when the run is not a code question).
 * @example
 * revealedCodeTally(run)?.tests[10]; // { label: "(0.45, 0, 0) scores exactly 0.5…", passed: 1, of: 2, … }
 */
export function revealedCodeTally(run: VisibleRun): CodeTally | null {
  const { summary, key } = run;
  if (run.status !== "revealed" || run.shown.kind !== "code" || !summary) return null;
  const names: Names = key?.kind === "code" && key.tests ? key.tests : Array.from({ length: run.shown.tests }, (_, i) => ({ label: `Test ${i + 1}`, group: null }));
  return {
    sent: run.answered,
    grading: 0,
    graded: summary.answered,
    passingAll: summary.correct,
    tests: names.map((n, i) => ({ ...n, passed: summary.counts[i] ?? 0, of: summary.answered })),
  };
}

/**
 * Tests in groups, in the order each group first appears.
 * @example
 * groupTests(tally.tests).map((g) => g.name); // ["The ten labelled examples (threshold 0.5)", "Exactly on the threshold", …]
 */
export function groupTests(tests: readonly TestRate[]): TestGroup[] {
  const groups = new Map<string | null, TestRate[]>();
  for (const t of tests) {
    const list = groups.get(t.group);
    if (list) list.push(t);
    else groups.set(t.group, [t]);
  }
  return [...groups].map(([name, list]) => ({ name, tests: list }));
}

const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)} %`;

/** "1 of 2 · 50 %", or "none graded yet". */
export function rateText(t: Pick<TestRate, "passed" | "of">): string {
  return t.of === 0 ? "none graded yet" : `${t.passed} of ${t.of} · ${pct(t.passed, t.of)}`;
}

/** "1 of 2 pass every test (50 %)". */
export function passingAllText(tally: Pick<CodeTally, "passingAll" | "graded">): string {
  if (tally.graded === 0) return "No program graded yet";
  return `${tally.passingAll} of ${tally.graded} pass every test (${pct(tally.passingAll, tally.graded)})`;
}

/** "2 sent a program". */
export const sentText = (n: number): string => `${n} sent a program`;

/**
 * Why the reveal waits, or null when nothing is being graded.
 * @example
 * gradingNote(2); // "2 programs are still being graded: the answer can be revealed once they are."
 */
export function gradingNote(grading: number): string | null {
  if (grading === 0) return null;
  return grading === 1
    ? "1 program is still being graded: the answer can be revealed once it is."
    : `${grading} programs are still being graded: the answer can be revealed once they are.`;
}
