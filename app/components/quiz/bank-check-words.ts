/**
 * What the question editor's "Check my tests against my reference solution" says: the
 * outcome of a check in one sentence, and each refusal of `quiz:check-code` with a heading
 * that says what to do. Pure, so the wording is tested without a server.
 */
import type { ErrorBody } from "../../../lib/protocol/errors";
import type { CodeGrade } from "../../../lib/quiz/code-judge";

export interface CheckWords {
  /** Short: "All 2 tests pass", "The grader is busy". */
  title: string;
  message: string;
  tone: "ok" | "bad" | "wait";
}

/**
 * @example
 * gradeWords({ status: "graded", passed: 1, total: 2, … }).title; // "1 of 2 tests fail"
 */
export function gradeWords(grade: Pick<CodeGrade, "status" | "passed" | "total" | "message">): CheckWords {
  if (grade.status === "graded") {
    const failed = grade.total - grade.passed;
    if (failed === 0) {
      return { title: grade.total === 1 ? "The test passes" : `All ${grade.total} tests pass`, message: "Your reference solution passes every test.", tone: "ok" };
    }
    return {
      title: `${failed} of ${grade.total} ${grade.total === 1 ? "test fails" : "tests fail"}`,
      message: "Your reference solution fails these tests: check their expected values (or the solution).",
      tone: "bad",
    };
  }
  if (grade.status === "unavailable") return { title: "Code cannot run on this server", message: grade.message, tone: "bad" };
  return { title: "Your reference solution did not run", message: grade.message.replace(/^Your code/, "It"), tone: "bad" };
}

/**
 * A refusal in words, with a heading.
 * @example
 * refusalWords({ code: "RATE_LIMITED", message: "The grader is busy…" }).title; // "The grader is busy"
 */
export function refusalWords(error: ErrorBody): CheckWords {
  switch (error.code) {
    case "INVALID":
      return { title: "Code cannot run on this server", message: error.message, tone: "bad" };
    case "RATE_LIMITED":
      return { title: "The grader is busy", message: error.message, tone: "wait" };
    case "BAD_REQUEST":
      return { title: "Not checked", message: error.message, tone: "bad" };
    default:
      return { title: "Not checked", message: error.message, tone: "bad" };
  }
}

/** Before anything is sent: the draft has problems, or no reference solution. */
export const NOT_READY: Record<"problems" | "reference", CheckWords> = {
  problems: { title: "Not checked", message: "Fix the problems listed first: the question is checked as it would be saved.", tone: "bad" },
  reference: { title: "Not checked", message: "Write a reference solution first: the tests are checked against it.", tone: "bad" },
};

export const CHECKING: CheckWords = { title: "Checking…", message: "Your reference solution is running against the tests in the sandbox.", tone: "wait" };
