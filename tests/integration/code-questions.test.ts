/**
 * Code questions on the real server: real sockets, a real database, and students' programs
 * run by the real sandbox (bubblewrap and Pyodide). The lesson's spam exercise is graded for a
 * right `predict`, a `>=` one and one that does not compile; each phone gets its own grade,
 * the teacher the class's, and the projector nothing before the reveal; a class of 40 sending
 * at once is all graded; a kill -9 of the server, or of the grader's own process, with
 * programs waiting loses none of them; the teacher's "check my tests" runs the reference.
 */
import { execFileSync } from "node:child_process";
import { expect, it } from "vitest";
import { SPAM_EXERCISE, SPAM_REFERENCE } from "../../lib/lesson/code-exercise";
import type { MyQuiz } from "../../lib/session/views";
import { openClass, type ClassStudent, type LiveClient } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import type { TestSocket } from "../helpers/socket-client";
import { serverForSuite } from "../helpers/suite-server";
import { waitFor } from "../helpers/wait";

const GE = SPAM_REFERENCE.replace("output > threshold", "output >= threshold");
const BROKEN = "def predict(inputs, threshold)\n    return 'spam'\n";
/** Grading 40 programs on a busy two-core machine takes a while (each runs in a fresh sandboxed Python). */
const GRADE_TIMEOUT_MS = 150_000;
const TEST_TIMEOUT_MS = 240_000;

/** The latest own part each student's socket received. */
function mineOf(student: ClassStudent): () => MyQuiz | null {
  let latest: MyQuiz | null = null;
  const socket: TestSocket = student.client.socket;
  socket.on("quiz:mine", (mine: MyQuiz) => {
    latest = mine;
  });
  return () => latest;
}

async function launchSpam(teacher: LiveClient): Promise<string> {
  await teacher.sendOk("quiz:launch", { question: SPAM_EXERCISE, options: { timeLimitSec: null, allowChange: false } });
  await teacher.until(() => teacher.state.quiz.run?.shown.kind === "code", undefined, "the code question");
  return teacher.state.quiz.run!.runId;
}

/** Waits until the teacher's state holds no program waiting to be graded and `count` graded. */
async function allGraded(teacher: LiveClient, count: number): Promise<void> {
  await teacher.until(
    () => Object.keys(teacher.state.quiz.grading).length === 0 && Object.keys(teacher.state.quiz.graded).length >= count,
    GRADE_TIMEOUT_MS,
    `${count} programs graded`,
  );
}

describeEachDatabase("code questions on real sockets", (db) => {
  const server = serverForSuite(db);

  it("grades a right predict, a >= one and one that does not compile; each phone gets its own grade, the projector nothing", async () => {
    const cls = await openClass(server, 3);
    const projectorMessages: string[] = [];
    const projector = await cls.openProjector();
    projector.socket.onAny((event: string, payload: unknown) => projectorMessages.push(`${event} ${JSON.stringify(payload)}`));
    const [right, ge, broken] = cls.students as [ClassStudent, ClassStudent, ClassStudent];
    const mine = [right, ge, broken].map(mineOf);
    const runId = await launchSpam(cls.teacher);

    const acks = await Promise.all(
      [right, ge, broken].map((s, i) => s.client.send("quiz:answer", { runId, answer: { kind: "code", code: [SPAM_REFERENCE, GE, BROKEN][i]! } })),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    // While its program waits, a second one is refused with words.
    const again = await right.client.send("quiz:answer", { runId, answer: { kind: "code", code: SPAM_REFERENCE } });
    if (!again.ok) expect(again.error).toEqual({ code: "INVALID", message: "Your last program is still being graded: wait for its result." });

    await allGraded(cls.teacher, 3);
    const answers = cls.teacher.state.quiz.answers;
    expect(answers[right.id]).toMatchObject({ correct: true, tests: SPAM_EXERCISE.rows.map(() => true) });
    expect(answers[ge.id]!.correct).toBe(false);
    expect(answers[ge.id]!.tests!.filter((t) => !t)).toHaveLength(1);
    expect(answers[broken.id]).toMatchObject({ correct: false });

    // `quiz:mine` is its own message: poll for it rather than wait on the session's updates.
    const grade = (i: number) => waitFor(`student ${i + 1}'s grade`, () => mine[i]!()?.code?.latest, { timeoutMs: 10_000 });
    await grade(0);
    expect(mine[0]!()!.code).toMatchObject({ grading: false, bestPassed: 14, latest: { passed: 14, total: 14, message: "All 14 tests pass." } });
    const geGrade = await grade(1);
    expect(geGrade.passed).toBe(13);
    expect(geGrade.tests.find((t) => !t.passed)).toMatchObject({ got: "'spam'", message: "Expected 'not spam', got 'spam'." });
    expect(await grade(2)).toMatchObject({ status: "error", error: { type: "SyntaxError", line: 1 } });
    // Nobody else's grade reaches a phone.
    expect(JSON.stringify(mine[1]!())).not.toContain(right.id);

    // The projector got counts only: no program, no grade.
    expect(projector.state.quiz.run!.answered).toBe(3);
    const seen = projectorMessages.join("\n");
    expect(seen).not.toContain("output >= threshold");
    expect(seen).not.toContain("quiz.graded");
    expect(seen).not.toContain("quiz:mine");

    await cls.teacher.sendOk("quiz:reveal", {});
    await projector.until(() => projector.state.quiz.run?.status === "revealed", undefined, "the reveal");
    const summary = projector.state.quiz.run!.summary!;
    expect(summary.correct).toBe(1);
    const boundary = SPAM_EXERCISE.rows.findIndex((r) => JSON.stringify(r.args) === "[[0.45,0,0],0.5]");
    expect(summary.counts[boundary]).toBe(1);
    expect(summary.counts[0]).toBe(2);
    expect(projector.state.quiz.run!.key).toMatchObject({ kind: "code", reference: SPAM_REFERENCE });
  }, TEST_TIMEOUT_MS);

  it("grades a class of 40 sending at once, and the teacher's check runs the reference", async () => {
    const cls = await openClass(server, 40);
    const runId = await launchSpam(cls.teacher);
    const started = Date.now();
    const acks = await Promise.all(
      cls.students.map((s, i) => s.client.send("quiz:answer", { runId, answer: { kind: "code", code: i % 2 === 0 ? SPAM_REFERENCE : GE } })),
    );
    expect(acks.filter((a) => a.ok)).toHaveLength(40);
    await allGraded(cls.teacher, 40);
    const answers = Object.values(cls.teacher.state.quiz.answers);
    expect(answers.filter((a) => a.correct === true)).toHaveLength(20);
    expect(answers.filter((a) => a.tests?.filter(Boolean).length === 13)).toHaveLength(20);
    console.log(`40 programs graded in ${Date.now() - started} ms`);

    const check = await cls.teacher.sendOk("quiz:check-code", { question: SPAM_EXERCISE });
    expect(check.grade).toMatchObject({ status: "graded", passed: 14, total: 14 });
    const noReference = await cls.teacher.send("quiz:check-code", { question: { ...SPAM_EXERCISE, reference: undefined } });
    expect(noReference).toEqual({ ok: false, error: { code: "BAD_REQUEST", message: "Write a reference solution first: the tests are checked against it." } });
    const fromStudent = await cls.students[0]!.client.send("quiz:check-code", { question: SPAM_EXERCISE });
    expect(fromStudent.ok ? null : fromStudent.error.code).toBe("FORBIDDEN");
  }, TEST_TIMEOUT_MS);

  it("loses no program to a kill -9: programs stored before it are graded after it", async () => {
    const cls = await openClass(server, 6);
    const runId = await launchSpam(cls.teacher);
    const acks = await Promise.all(cls.students.map((s) => s.client.send("quiz:answer", { runId, answer: { kind: "code", code: SPAM_REFERENCE } })));
    expect(acks.every((a) => a.ok)).toBe(true);
    await server.crashAndRestart();
    const teacher = await cls.connectTeacher();
    await allGraded(teacher, 6);
    expect(Object.values(teacher.state.quiz.answers).filter((a) => a.correct === true)).toHaveLength(6);
  }, TEST_TIMEOUT_MS);

  it("loses no program when the grader's own process is killed: the rooms run them again on a new one", async () => {
    const cls = await openClass(server, 8);
    const runId = await launchSpam(cls.teacher);
    const acks = await Promise.all(cls.students.map((s) => s.client.send("quiz:answer", { runId, answer: { kind: "code", code: SPAM_REFERENCE } })));
    expect(acks.every((a) => a.ok)).toBe(true);
    const host = execFileSync("pgrep", ["-P", String(server.process.proc.pid), "-f", "grader/host"], { encoding: "utf8" }).trim();
    expect(host).toMatch(/^\d+$/);
    process.kill(Number(host), "SIGKILL");
    await allGraded(cls.teacher, 8);
    expect(Object.values(cls.teacher.state.quiz.answers).filter((a) => a.correct === true)).toHaveLength(8);
    expect(server.process.output()).toContain("grader: its process stopped");
  }, TEST_TIMEOUT_MS);
});
