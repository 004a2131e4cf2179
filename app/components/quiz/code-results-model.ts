/**
 * What a code question's result screen says, as pure functions: the tests grouped as the
 * question groups them, the one-line summary and its tone, the "Best: 13 of 14" line, and for
 * the lesson's spam exercise what the student's `predict` called each of the ten labelled
 * examples, beside its label. Shared by the phone and the self-paced lesson; no React.
 */
import { EXAMPLES_GROUP, SPAM_EXERCISE } from "../../../lib/lesson/code-exercise";
import { SPAM_EXAMPLES, type SpamLabel } from "../../../lib/lesson/presets";
import type { CodeGrade, TestResult } from "../../../lib/quiz/code-judge";

export interface TestGroup {
  /** The group's title, or null for tests without one. */
  group: string | null;
  tests: TestResult[];
  passed: number;
}

/**
 * The tests in groups, in the order the groups first appear.
 * @example
 * testGroups(grade.tests).map((g) => `${g.group}: ${g.passed}/${g.tests.length}`); // ["The ten labelled examples (threshold 0.5): 10/10", …]
 */
export function testGroups(tests: readonly TestResult[]): TestGroup[] {
  const groups: TestGroup[] = [];
  for (const test of tests) {
    let group = groups.find((g) => g.group === test.group);
    if (!group) {
      group = { group: test.group, tests: [], passed: 0 };
      groups.push(group);
    }
    group.tests.push(test);
    if (test.passed) group.passed += 1;
  }
  return groups;
}

export type GradeTone = "pass" | "partial" | "fail" | "limit";

/**
 * How the summary looks: every test passed, some, none, or the run was stopped or could not run.
 * @example
 * gradeTone({ status: "graded", passed: 13, total: 14 }); // "partial"
 */
export function gradeTone(grade: Pick<CodeGrade, "status" | "passed" | "total">): GradeTone {
  if (grade.status === "error") return "fail";
  if (grade.status !== "graded") return "limit";
  if (grade.passed === grade.total) return "pass";
  return grade.passed > 0 ? "partial" : "fail";
}

/** What a status other than "graded" is called above its message. */
export const STATUS_TITLE: Record<CodeGrade["status"], string> = {
  graded: "Tested",
  error: "Your code did not run",
  timeout: "Stopped",
  memory: "Too much memory: stopped",
  output: "Too much output: stopped",
  crashed: "The run stopped",
  unavailable: "Not tested",
};

/**
 * The student's standing on a code question: programs sent and the best one, which counts.
 * @example
 * bestLine(2, 13, 14); // "2 programs sent · Best: 13 of 14"
 */
export function bestLine(submissions: number, bestPassed: number | null, total: number): string {
  const sent = `${submissions} program${submissions === 1 ? "" : "s"} sent`;
  return bestPassed === null ? sent : `${sent} · Best: ${bestPassed} of ${total}`;
}

/**
 * A returned value as a spam label, from its Python repr ("'spam'" or '"not spam"'), or null.
 * @example
 * labelFromRepr("'not spam'"); // "not spam"
 */
export function labelFromRepr(repr: string | null): SpamLabel | null {
  const match = repr === null ? null : /^(['"])(spam|not spam)\1$/.exec(repr.trim());
  return match ? (match[2] as SpamLabel) : null;
}

/** One labelled example as the spam exercise's result shows it. */
export interface ExampleVerdict {
  /** 1 to 10. */
  number: number;
  inputs: readonly number[];
  /** What the example is labelled. */
  label: SpamLabel;
  /** What the student's function returned for it ("spam", "not spam"), as Python wrote it otherwise, or null when it raised. */
  said: string | null;
  /** Whether the student's function agrees with the label (the network does on 8 of 10). */
  agrees: boolean;
  /** Whether the test passed (it expects what the network says, which is not always the label). */
  passed: boolean;
  /** The test's own message ("Expected 'spam', got 'not spam'."). */
  message: string;
}

/**
 * For the lesson's spam exercise, what the student's `predict` called each labelled example;
 * null for any other question, or a grade whose examples did not run.
 * @example
 * exampleVerdicts("lesson-spam-predict", grade)?.[8]; // { number: 9, label: "spam", said: "not spam", agrees: false, passed: true, … }
 */
export function exampleVerdicts(questionId: string, grade: Pick<CodeGrade, "status" | "tests">): ExampleVerdict[] | null {
  if (questionId !== SPAM_EXERCISE.id || grade.status !== "graded") return null;
  const tests = grade.tests.filter((t) => t.group === EXAMPLES_GROUP);
  if (tests.length !== SPAM_EXAMPLES.length) return null;
  return tests.map((test, i) => {
    const example = SPAM_EXAMPLES[i]!;
    const label = labelFromRepr(test.got);
    return { number: i + 1, inputs: example.inputs, label: example.label, said: label ?? test.got, agrees: label === example.label, passed: test.passed, message: test.message };
  });
}

/** The group whose tests exampleVerdicts shows as a table. */
export const EXAMPLES_TITLE = EXAMPLES_GROUP;
