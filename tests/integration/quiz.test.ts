/**
 * Quizzes on the real server, real sockets and a real database (PGlite, and PostgreSQL when
 * DATABASE_URL is set): a class of 30 answers and the teacher's tallies follow; refusals come
 * with a code and a clear message and log nothing; a changed answer replaces the first; the
 * timer closes a question across a restart; a kill -9 loses no acknowledged answer; and the
 * phones and the projector receive no answer key, nobody else's answers or numbers and no
 * shuffle or seed before the reveal (asserted on the raw JSON of every message they get).
 */
import { onTestFinished, expect, it } from "vitest";
import { LESSON_QUIZ, STARTER_QUESTIONS } from "../../lib/lesson/quiz";
import type { Answer, Draw, Question } from "../../lib/quiz/types";
import type { MyQuiz } from "../../lib/session/views";
import { hostSession, joinStudent, LiveClient, openClass } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { MESSAGE_TIMEOUT_MS, send, sendUnchecked, type TestSocket } from "../helpers/socket-client";
import { serverForSuite } from "../helpers/suite-server";

const question = (id: string): Question => {
  const q = [...LESSON_QUIZ, ...STARTER_QUESTIONS].find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
const RELU = question("lesson-relu-neuron"); // the lesson's answer: 0
const ORDER = question("lesson-forward-order");
const DRILL = question("drill-neuron-output");
const num = (value: number): Answer => ({ kind: "number", value });

/** The run id of the question a client sees now, once it has arrived. */
async function runIdOn(client: LiveClient, before?: string): Promise<string> {
  await client.until(() => !!client.state.quiz.run && client.state.quiz.run.runId !== before, undefined, "the question arriving");
  return client.state.quiz.run!.runId;
}

/** Every message a socket receives, as raw JSON, from its first one on. */
function recorder() {
  const messages: { event: string; json: string; payload: unknown }[] = [];
  const checks = new Set<() => void>();
  const listen = (socket: TestSocket) =>
    socket.onAny((event: string, payload: unknown) => {
      messages.push({ event, json: JSON.stringify(payload), payload });
      for (const check of [...checks]) check();
    });
  return {
    listen,
    messages,
    /** Resolves when `ok` holds, re-checked after every message this socket receives. */
    until: (ok: () => boolean, what: string, timeoutMs = MESSAGE_TIMEOUT_MS) => waitFor(checks, ok, what, timeoutMs),
    text: (from = 0) => messages.slice(from).map((m) => `${m.event} ${m.json}`).join("\n"),
    /** The latest own part (from a snapshot's `mine` or a `quiz:mine`). */
    mine: (): MyQuiz | null => {
      for (let i = messages.length - 1; i >= 0; i--) {
        const m = messages[i]!;
        if (m.event === "quiz:mine") return m.payload as MyQuiz;
        if (m.event === "session:snapshot" && (m.payload as { mine?: MyQuiz }).mine) return (m.payload as { mine: MyQuiz }).mine;
      }
      return null;
    },
  };
}

/** Resolves when `ok` holds, re-checked whenever one of `checks` is called; rejects after `timeoutMs`. */
function waitFor(checks: Set<() => void>, ok: () => boolean, what: string, timeoutMs = MESSAGE_TIMEOUT_MS): Promise<void> {
  if (ok()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      checks.delete(check);
      reject(new Error(`${what} did not hold within ${timeoutMs} ms`));
    }, timeoutMs);
    const check = () => {
      if (!ok()) return;
      clearTimeout(timer);
      checks.delete(check);
      resolve();
    };
    checks.add(check);
  });
}

/** Server log lines printed since `from` characters of its output. */
const logLines = (output: string, from: number) =>
  output
    .slice(from)
    .split("\n")
    .filter((l) => l.trim() !== "");

describeEachDatabase("quizzes on real sockets", (db) => {
  const server = serverForSuite(db);

  it("takes 30 students' answers, tallies them for the teacher, and refuses bad answers clearly without logging", async () => {
    const cls = await openClass(server, 30);
    const { teacher, students } = cls;
    await teacher.sendOk("quiz:launch", { question: RELU, options: { timeLimitSec: null, allowChange: false } });
    const runId = await runIdOn(teacher);
    for (const s of students) expect(await runIdOn(s.client)).toBe(runId);

    // 20 answer the lesson's 0 (one within the tolerance), 10 answer 0.5 (wrong), all at once.
    const acks = await Promise.all(students.map((s, i) => s.client.send("quiz:answer", { runId, answer: num(i < 19 ? 0 : i === 19 ? 0.008 : 0.5) })));
    expect(acks.filter((a) => a.ok)).toHaveLength(30);
    const lastSeq = Math.max(...acks.map((a) => (a.ok ? a.seq : 0)));
    await teacher.untilSeq(lastSeq);
    const run = teacher.state.quiz.run!;
    expect(run.answered).toBe(30);
    const answers = teacher.state.quiz.answers;
    expect(Object.keys(answers).sort()).toEqual(students.map((s) => s.id).sort());
    expect(Object.values(answers).filter((a) => a.correct === true)).toHaveLength(20);
    expect(Object.values(answers).filter((a) => a.correct === false)).toHaveLength(10);
    expect(answers[students[19]!.id]!.answer).toEqual(num(0.008));
    // Points are not given before the reveal's scores, but each answer's are recorded: wrong ones earn 0.
    expect(Object.values(answers).filter((a) => a.points > 0)).toHaveLength(20);
    // A phone sees the count, nobody's answers.
    const phone = students[5]!.client;
    await phone.untilSeq(lastSeq);
    expect(phone.state.quiz.run!.answered).toBe(30);
    expect(phone.state.quiz.answers).toEqual({});

    const logFrom = server.process.output().length;
    const s0 = students[0]!.client;
    const again = await s0.send("quiz:answer", { runId, answer: num(0) });
    expect(again).toEqual({ ok: false, error: { code: "ALREADY_ANSWERED", message: "Your answer is already in; this question takes one answer." } });
    const wrongRun = await s0.send("quiz:answer", { runId: "q999", answer: num(0) });
    expect(wrongRun).toEqual({ ok: false, error: { code: "QUESTION_CLOSED", message: "That question is no longer running." } });
    const malformed = await sendUnchecked(s0.socket, "quiz:answer", { runId, answer: { kind: "number", value: "zero" } });
    expect(malformed).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(malformed.ok ? "" : malformed.error.message).toMatch(/value/);
    const { seq: closedSeq } = await teacher.sendOk("quiz:close", {});
    const late = await s0.send("quiz:answer", { runId, answer: num(0) });
    expect(late).toEqual({ ok: false, error: { code: "QUESTION_CLOSED", message: "Answers are closed for this question." } });
    await teacher.untilSeq(closedSeq);
    expect(teacher.state.quiz.run!.status).toBe("closed");
    expect(Object.keys(teacher.state.quiz.answers)).toHaveLength(30);
    const lines = logLines(server.process.output(), logFrom);
    expect(lines.filter((l) => /"level":(4|5|6)\d/.test(l))).toEqual([]);
    expect(lines.filter((l) => /quiz:answer|ALREADY_ANSWERED|QUESTION_CLOSED|BAD_REQUEST/.test(l))).toEqual([]);
  });

  it("refuses an answer of the wrong shape with the shape it takes", async () => {
    const cls = await openClass(server, 1);
    await cls.teacher.sendOk("quiz:launch", { question: RELU, options: { timeLimitSec: null, allowChange: false } });
    const s = cls.students[0]!.client;
    const runId = await runIdOn(s);
    expect(await s.send("quiz:answer", { runId, answer: { kind: "text", text: "0" } })).toEqual({
      ok: false,
      error: { code: "BAD_REQUEST", message: "This question takes a number." },
    });
    // The refused answer did not count: the student can still answer.
    expect((await s.send("quiz:answer", { runId, answer: num(0) })).ok).toBe(true);
  });

  it("replaces the first answer with the second when the question allows changes", async () => {
    const cls = await openClass(server, 2);
    const { teacher } = cls;
    await teacher.sendOk("quiz:launch", { question: RELU, options: { timeLimitSec: null, allowChange: true } });
    const s = cls.students[0]!;
    const runId = await runIdOn(s.client);
    await s.client.sendOk("quiz:answer", { runId, answer: num(0.5) });
    const { seq } = await s.client.sendOk("quiz:answer", { runId, answer: num(0) });
    await teacher.untilSeq(seq);
    expect(teacher.state.quiz.run!.answered).toBe(1);
    expect(teacher.state.quiz.answers[s.id]).toMatchObject({ answer: num(0), correct: true });
  });

  it("closes a question at its deadline across a restart, with nobody sending a command", async () => {
    const cls = await openClass(server, 1);
    await cls.teacher.sendOk("quiz:launch", { question: RELU, options: { timeLimitSec: 5, allowChange: false } });
    const runId = await runIdOn(cls.teacher);
    const closesAt = cls.teacher.state.quiz.run!.closesAt!;
    expect(closesAt - cls.teacher.state.quiz.run!.launchedAt).toBe(5_000);
    cls.close();
    expect(await server.restart()).toBe(0);
    const backAt = Date.now();
    const teacher = await cls.connectTeacher();
    await teacher.until(() => teacher.state.quiz.run?.status === "closed", 20_000, "the question closing by its timer");
    const run = teacher.state.quiz.run!;
    expect(run.runId).toBe(runId);
    // At the deadline, or as soon as the server was back if it took longer than the deadline to return.
    expect(run.closedAt!).toBeGreaterThanOrEqual(closesAt);
    expect(run.closedAt!).toBeLessThanOrEqual(Math.max(closesAt, backAt) + 2_000);
    const student = await cls.connect({ token: cls.students[0]!.token });
    expect(await student.send("quiz:answer", { runId, answer: num(0) })).toMatchObject({ ok: false, error: { code: "QUESTION_CLOSED" } });
  });

  it("keeps every acknowledged answer through a kill -9 in the middle of a question", async () => {
    const cls = await openClass(server, 12);
    const { teacher, students } = cls;
    await teacher.sendOk("quiz:launch", { question: RELU, options: { timeLimitSec: null, allowChange: false } });
    const runId = await runIdOn(teacher);
    for (const s of students) await runIdOn(s.client);
    const acked = new Map<string, number>();
    const checks = new Set<() => void>();
    // Each student sends a value of their own; the server is killed once half are acknowledged.
    const sent = students.map((s, i) =>
      send(s.client.socket, "quiz:answer", { runId, answer: num(i / 100) }, 3_000)
        .then((ack) => {
          if (ack.ok) acked.set(s.id, i / 100);
          for (const check of [...checks]) check();
        })
        .catch(() => {}),
    );
    await waitFor(checks, () => acked.size >= 6, "half the answers acknowledged");
    await server.crashAndRestart();
    await Promise.all(sent);
    expect(acked.size).toBeGreaterThanOrEqual(6);
    const again = await cls.connectTeacher();
    const stored = again.state.quiz.answers;
    for (const [id, value] of acked) expect(stored[id]?.answer, id).toEqual(num(value));
    expect(again.state.quiz.run).toMatchObject({ runId, status: "open" });
    expect(again.state.quiz.run!.answered).toBe(Object.keys(stored).length);
  });

  it("sends phones and the projector no key, no one else's answers or numbers, and no shuffle or seed before the reveal", async () => {
    const host = await hostSession(server.url);
    // The teacher's messages are the control: what the others must not get is there.
    const teacherRec = recorder();
    const teacher = await LiveClient.connect(server.url, { token: host.teacherToken }, teacherRec.listen);
    const clients: LiveClient[] = [teacher];
    onTestFinished(() => clients.forEach((c) => c.close()));
    const join = async (nickname: string) => {
      const pass = await joinStudent(server.url, host.code, nickname);
      const rec = recorder();
      const client = await LiveClient.connect(server.url, { token: pass.token }, rec.listen);
      clients.push(client);
      return { id: pass.studentId, client, rec };
    };
    const ada = await join("Ada");
    const bo = await join("Bo");
    const projectorRec = recorder();
    const projector = await LiveClient.connect(server.url, { watch: host.code }, projectorRec.listen);
    clients.push(projector);
    const watchers = [ada.rec, projectorRec];

    // 1. A numeric question: its answer and explanation stay on the teacher's screen until the reveal.
    await teacher.sendOk("quiz:launch", { question: RELU, options: { timeLimitSec: null, allowChange: false } });
    const r1 = await runIdOn(ada.client);
    await ada.client.sendOk("quiz:answer", { runId: r1, answer: num(0) });
    const { seq: boSeq } = await bo.client.sendOk("quiz:answer", { runId: r1, answer: num(7.25) });
    await ada.client.untilSeq(boSeq);
    await projector.untilSeq(boSeq);
    await ada.rec.until(() => !!ada.rec.mine()?.answer, "Ada's own answer coming back");
    for (const rec of watchers) {
      const seen = rec.text();
      expect(seen).not.toContain("stays quiet"); // the explanation
      expect(seen).not.toContain("7.25"); // Bo's answer
      expect(seen).not.toMatch(/"answer":0,"tolerance"/); // the key
      expect(seen).not.toMatch(/"correct":/);
      expect(seen).not.toContain("quiz.answered");
      expect(seen).toContain("quiz.tallied");
    }
    expect(projectorRec.text()).not.toContain("quiz:mine");
    await teacher.untilSeq(boSeq);
    expect(teacherRec.text()).toContain("stays quiet");
    expect(teacherRec.text()).toContain("7.25");
    expect(teacherRec.text()).toContain("quiz.answered");
    expect(ada.rec.mine()).toMatchObject({ runId: r1, answer: num(0), result: null });
    const beforeReveal = watchers.map((r) => r.messages.length);
    await teacher.sendOk("quiz:reveal", {});
    await ada.client.until(() => ada.client.state.quiz.run?.status === "revealed", undefined, "the reveal on the phone");
    await projector.until(() => projector.state.quiz.run?.status === "revealed", undefined, "the reveal on the projector");
    for (const [i, rec] of watchers.entries()) {
      const after = rec.text(beforeReveal[i]);
      expect(after).toContain("stays quiet");
      expect(after).toMatch(/"key":\{"kind":"numeric","answer":0,"tolerance":0.01\}/);
    }
    await ada.rec.until(() => !!ada.rec.mine()?.result, "Ada's result");
    expect(ada.rec.mine()!.result).toEqual({ correct: true, points: expect.any(Number), expected: null });
    expect(ada.rec.mine()!.result!.points).toBeGreaterThan(500);

    // 2. The ordering question: shuffled lines without their numbers, and no shuffle sent.
    const beforeOrder = watchers.map((r) => r.messages.length);
    await teacher.sendOk("quiz:launch", { question: ORDER, options: { timeLimitSec: null, allowChange: false } });
    const r2 = await runIdOn(ada.client, r1);
    await projector.until(() => projector.state.quiz.run?.runId === r2);
    for (const [i, rec] of watchers.entries()) {
      const seen = rec.text(beforeOrder[i]);
      expect(seen).toContain("probs = softmax(raw_out)");
      expect(seen).not.toMatch(/#\s*\d\./);
      expect(seen).not.toMatch(/"shuffle":\[/);
      expect(seen).not.toContain("Signals flow one way"); // the explanation
    }

    // 3. A parametric question: each phone gets its own numbers, nobody else's; no seed.
    const beforeDrill = watchers.map((r) => r.messages.length);
    await teacher.sendOk("quiz:launch", { question: DRILL, options: { timeLimitSec: null, allowChange: false } });
    const r3 = await runIdOn(teacher, r2);
    await ada.rec.until(() => ada.rec.mine()?.runId === r3 && !!ada.rec.mine()?.draw, "Ada's numbers");
    await bo.rec.until(() => bo.rec.mine()?.runId === r3 && !!bo.rec.mine()?.draw, "Bo's numbers");
    const draws = teacher.state.quiz.run!.draws;
    const adaDraw = ada.rec.mine()!.draw!;
    const boDraw = bo.rec.mine()!.draw!;
    expect(adaDraw).toEqual(draws[ada.id]);
    expect(boDraw).toEqual(draws[bo.id]);
    expect(adaDraw).not.toEqual(boDraw);
    // A late joiner during the question gets numbers of their own.
    const cy = await join("Cy");
    await cy.rec.until(() => cy.rec.mine()?.runId === r3 && !!cy.rec.mine()?.draw, "the late joiner's numbers");
    const cyDraw = cy.rec.mine()!.draw!;
    await teacher.until(() => !!teacher.state.quiz.run!.draws[cy.id]);
    expect(cyDraw).toEqual(teacher.state.quiz.run!.draws[cy.id]);
    expect(cyDraw).not.toEqual(adaDraw);
    const { seq: cySeq } = await cy.client.sendOk("quiz:answer", { runId: r3, answer: num(123.456) });
    await ada.client.untilSeq(cySeq);
    await projector.untilSeq(cySeq);
    const drawJson = (d: Draw) => JSON.stringify(d);
    for (const [i, rec] of watchers.entries()) {
      const seen = rec.text(beforeDrill[i]);
      expect(seen).not.toContain(drawJson(boDraw));
      expect(seen).not.toContain(drawJson(cyDraw));
      expect(seen).not.toMatch(/"seed":\d/);
      expect(seen).not.toMatch(/"draws":\{"/);
      expect(seen).not.toContain("123.456");
      expect(seen).not.toContain("quiz.drawn");
    }
    expect(ada.rec.text(beforeDrill[0])).toContain(drawJson(adaDraw));
    await teacher.untilSeq(cySeq);
    const teacherSaw = teacherRec.text();
    for (const d of [adaDraw, boDraw, cyDraw]) expect(teacherSaw).toContain(drawJson(d));
    expect(teacherSaw).toMatch(/"seed":\d/);
    expect(teacherSaw).toMatch(/"shuffle":\[/);
    expect(projectorRec.text(beforeDrill[1])).not.toContain(drawJson(adaDraw));
  });
});
