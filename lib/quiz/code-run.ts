/**
 * The shapes that cross the sandbox's boundary when a student's Python is graded: the job the
 * harness runs (server/grader on the server, the Pyodide worker in the self-paced lesson) and
 * what it reports. Pure types, shared by the server, the dashboard, the phone and /learn.
 *
 * The harness only reports what the student's function returned; whether that is right is
 * decided outside the sandbox (`judge`, lib/quiz/code-judge.ts), so code that tampers with the
 * harness can at most report values its own function could have returned.
 */

/** A value that survives JSON: what a test passes in and what it expects back. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What the sandbox is asked to run: the student's source, then each call of `entry`, then each assert. */
export interface CodeJob {
  source: string;
  /** The function the tests call (`predict`). */
  entry: string;
  /** Each call's arguments; the expected values never enter the sandbox. */
  calls: { args: JsonValue[] }[];
  /** Python assert statements, run in a copy of the student's namespace. */
  asserts: string[];
}

/** A Python exception as a student can act on it: its type, message and line in their code (1-based). */
export interface PyError {
  type: string;
  message: string;
  line: number | null;
}

/**
 * One call's outcome: what the function returned (`value` when it is a plain JSON value,
 * `json: false` otherwise, e.g. a set or a custom object) and its `repr`, or the exception.
 */
export type CallOutcome = { ok: true; json: boolean; value: JsonValue; repr: string } | { ok: false; error: PyError };

export type AssertOutcome = { ok: true } | { ok: false; error: PyError };

/**
 * What the harness reports. `error` is set when the source did not compile or run, or does
 * not define `entry`; then `calls` and `asserts` are empty. `stdout` is what the code
 * printed, cut at STDOUT_LIMIT characters.
 */
export interface HarnessResult {
  error: PyError | null;
  calls: CallOutcome[];
  asserts: AssertOutcome[];
  stdout: string;
}

/** How a run in the sandbox ended. */
export type RunOutcome =
  | { kind: "done"; result: HarnessResult; ms: number }
  /** It ran past the wall-clock limit and was killed. */
  | { kind: "timeout"; ms: number; limitMs: number }
  /** Its memory passed the cap and it was killed. */
  | { kind: "memory"; ms: number; limitMb: number }
  /** It wrote more than the channel takes and was killed. */
  | { kind: "output"; ms: number }
  /** It ended without a result (it exited, crashed, or wrote something that is not a result). */
  | { kind: "crashed"; ms: number; detail: string }
  /** No sandbox on this machine (or it failed to start): nothing ran. */
  | { kind: "unavailable"; reason: string };

/** What the harness keeps of printed output. */
export const STDOUT_LIMIT = 2_000;
