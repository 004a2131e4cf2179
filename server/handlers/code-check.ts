/**
 * The question editor's "check my tests against my reference solution": the teacher's
 * reference runs in the sandbox like a student's program, and the grade comes back in the
 * acknowledgement. Nothing is stored. It waits in the same queue as the class's programs,
 * so a full queue refuses it the same way.
 */
import { ProtocolError } from "../../lib/protocol";
import { jobFor, judge } from "../../lib/quiz/code-judge";
import type { CodeGrading } from "../rooms/code-grading";
import { GRADER_BUSY } from "../rooms/code-grading";
import { bindCommand, type LimitedContext } from "./command";

export function registerCodeCheck(ctx: LimitedContext, grading: CodeGrading | null): void {
  bindCommand(ctx, "quiz:check-code", async ({ question }) => {
    if (ctx.session?.viewer.role !== "teacher") throw new ProtocolError("FORBIDDEN", "Only the teacher checks questions.");
    if (question.kind !== "code") throw new ProtocolError("BAD_REQUEST", "Only a code question has tests to check.");
    if (!question.reference?.trim()) throw new ProtocolError("BAD_REQUEST", "Write a reference solution first: the tests are checked against it.");
    const why = grading ? grading.unavailable() : "This server was started without a grader for code questions.";
    if (why || !grading) throw new ProtocolError("INVALID", why ?? "");
    if (!grading.hasRoom()) throw new ProtocolError("RATE_LIMITED", GRADER_BUSY);
    const outcome = await grading.run(jobFor(question, question.reference));
    return { grade: judge(question, outcome) };
  });
}
