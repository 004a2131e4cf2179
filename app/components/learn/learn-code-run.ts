/**
 * How the self-paced lesson turns a run in the browser's Python into a grade, with the same
 * `judge` the server uses: the harness's report, a run stopped by the learner or by the time
 * limit, another example taking the worker, or Python failing to load. Pure.
 */
import type { CodeGrade, CodeQuestion } from "../../../lib/quiz/code-judge";
import { judge } from "../../../lib/quiz/code-judge";
import type { HarnessResult } from "../../../lib/quiz/code-run";

/** A run longer than this is stopped, as the server's sandbox stops one (its limit is 5 s; a phone's browser may be slower). */
export const BROWSER_LIMIT_MS = 10_000;

const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/**
 * The grade of a job the harness finished, or of a harness that failed itself.
 * @example
 * harnessGrade(question, result, "", 40).message; // "All 14 tests pass."
 */
export function harnessGrade(question: CodeQuestion, result: HarnessResult | null, detail: string, ms: number): CodeGrade {
  return result ? judge(question, { kind: "done", result, ms }) : judge(question, { kind: "crashed", ms, detail });
}

/**
 * The grade of a run that did not finish: stopped by the learner ("stop"), by the time limit
 * ("limit"), or because another Python example started ("replaced").
 * @example
 * stoppedGrade(question, "stop", 3200).message; // "You stopped your code after 3.2 s: none of the tests finished. Is there a loop that never ends?"
 */
export function stoppedGrade(question: CodeQuestion, why: "stop" | "limit" | "replaced", ms: number): CodeGrade {
  const grade = judge(question, { kind: "timeout", ms, limitMs: BROWSER_LIMIT_MS });
  if (why === "limit") return grade;
  const message =
    why === "stop"
      ? `You stopped your code after ${seconds(ms)}: none of the tests finished. Is there a loop that never ends?`
      : "Your code was stopped because another Python example started: check it again.";
  return { ...grade, message };
}

/**
 * The grade when Python could not load (nothing ran).
 * @example
 * unloadedGrade(question, "Failed to fetch").status; // "unavailable"
 */
export function unloadedGrade(question: CodeQuestion, why: string): CodeGrade {
  return judge(question, { kind: "unavailable", reason: `Python could not load (${why}). Check the connection to this Synapse server and try again.` });
}
