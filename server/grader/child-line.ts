/**
 * The lines a grading child writes (server/grader/child.mjs), checked as untrusted input: once
 * a student's code has run, the child may write anything. A line that does not fit, or does
 * not carry the nonce of its job, or does not answer every call and assert of the job, is no
 * result.
 */
import { z } from "zod";
import type { CodeJob, HarnessResult } from "../../lib/quiz/code-run";
import { STDOUT_LIMIT } from "../../lib/quiz/code-run";

/** Python counts code points and JavaScript UTF-16 units: a limit in one is at most twice that in the other. */
const text = (max: number) => z.string().max(2 * max);

const pyError = z.strictObject({ type: text(100), message: text(300), line: z.number().int().min(1).nullable() });

const callOutcome = z.union([
  z.strictObject({ ok: z.literal(true), json: z.boolean(), value: z.json(), repr: text(200) }),
  z.strictObject({ ok: z.literal(false), error: pyError }),
]);

const assertOutcome = z.union([z.strictObject({ ok: z.literal(true) }), z.strictObject({ ok: z.literal(false), error: pyError })]);

const harnessResult = z.strictObject({
  error: pyError.nullable(),
  calls: z.array(callOutcome),
  asserts: z.array(assertOutcome),
  stdout: text(STDOUT_LIMIT),
});

/** The child's first line: Python is loaded (from the snapshot or not). */
export const readyLine = z.strictObject({ ready: z.literal(true), snapshot: z.boolean() });

const resultLine = z.union([
  z.strictObject({ nonce: z.string(), result: harnessResult }),
  z.strictObject({ nonce: z.string(), failed: z.string().max(1000) }),
]);

/** What a line after the job says: a result, a failure of the interpreter, or nothing usable. */
export type ChildAnswer = { kind: "result"; result: HarnessResult } | { kind: "failed"; detail: string } | { kind: "invalid"; detail: string };

/**
 * Reads the child's answer to `job`.
 * @example
 * readAnswer('{"nonce":"ab","failed":"RangeError"}', "ab", job); // { kind: "failed", detail: "RangeError" }
 */
export function readAnswer(line: string, nonce: string, job: CodeJob): ChildAnswer {
  let parsed: z.infer<typeof resultLine>;
  try {
    const checked = resultLine.safeParse(JSON.parse(line));
    if (!checked.success) return { kind: "invalid", detail: "it wrote a line that is not a result" };
    parsed = checked.data;
  } catch {
    return { kind: "invalid", detail: "it wrote something that is not JSON" };
  }
  if (parsed.nonce !== nonce) return { kind: "invalid", detail: "it wrote a line that is not its result" };
  if ("failed" in parsed) return { kind: "failed", detail: `Python stopped: ${parsed.failed}` };
  const result = parsed.result as HarnessResult;
  const complete = result.error
    ? result.calls.length === 0 && result.asserts.length === 0
    : result.calls.length === job.calls.length && result.asserts.length === job.asserts.length;
  return complete ? { kind: "result", result } : { kind: "invalid", detail: "its result does not answer the job" };
}
