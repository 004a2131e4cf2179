/**
 * The self-paced lesson grades a program in the browser's Python with the server's `judge`:
 * the harness's report, a run stopped by the learner or the time limit, another example
 * taking the worker, and Python failing to load.
 */
import { describe, expect, it } from "vitest";
import { BROWSER_LIMIT_MS, harnessGrade, stoppedGrade, unloadedGrade } from "../../app/components/learn/learn-code-run";
import { SPAM_EXERCISE } from "../../lib/lesson/code-exercise";
import { pyLiteral } from "../../lib/quiz/code-judge";

describe("grading in the browser", () => {
  it("judges the harness's report as the server does", () => {
    const values = SPAM_EXERCISE.rows.map((r) => r.expected as string);
    const grade = harnessGrade(SPAM_EXERCISE, { error: null, calls: values.map((v) => ({ ok: true, json: true, value: v, repr: pyLiteral(v) })), asserts: [], stdout: "hi\n" }, "", 31);
    expect(grade).toMatchObject({ status: "graded", passed: 14, total: 14, message: "All 14 tests pass.", stdout: "hi\n", ms: 31 });
    expect(harnessGrade(SPAM_EXERCISE, null, "harness failed", 5)).toMatchObject({ status: "crashed", passed: 0 });
  });

  it("says who stopped a run", () => {
    expect(stoppedGrade(SPAM_EXERCISE, "limit", BROWSER_LIMIT_MS)).toMatchObject({
      status: "timeout",
      message: "Your code ran for more than 10 s and was stopped: is there a loop that never ends?",
    });
    expect(stoppedGrade(SPAM_EXERCISE, "stop", 3200)).toMatchObject({
      status: "timeout",
      passed: 0,
      message: "You stopped your code after 3.2 s: none of the tests finished. Is there a loop that never ends?",
    });
    expect(stoppedGrade(SPAM_EXERCISE, "replaced", 100).message).toBe("Your code was stopped because another Python example started: check it again.");
  });

  it("says when Python could not load", () => {
    expect(unloadedGrade(SPAM_EXERCISE, "Failed to fetch")).toMatchObject({
      status: "unavailable",
      message: "Python could not load (Failed to fetch). Check the connection to this Synapse server and try again.",
    });
  });
});
