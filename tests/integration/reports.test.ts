/**
 * Reports and exports through the real server: a scripted class (three students whose
 * nicknames look like spreadsheet formulas or carry accents and emoji, slider moves, a
 * choice question, a poll, a numeric question left unrevealed and an output question),
 * then the report as JSON and both CSV files checked cell by cell against a hand-written
 * expectation. Times to answer are the server's own measurements, read from the teacher's
 * live copy of each answer. The JSON export is imported again as a new session whose report
 * is the same; bad imports are refused with the line named; only the teacher reads any of it.
 */
import http from "node:http";
import { expect, it } from "vitest";
import { errorResponseSchema } from "../../lib/protocol/http";
import { importResponseSchema, replayMetaSchema, sessionReportSchema, sessionSummarySchema, type SessionReport } from "../../lib/protocol/replay";
import type { Answer, QuestionInput } from "../../lib/quiz/types";
import { hostSession, joinStudent, openClass, type Classroom, type LiveClient } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { serverForSuite } from "../helpers/suite-server";

const NAMES = ['=HYPERLINK("x","y")', "@SUM(A1)", 'Zoé, "la" 🦊'] as const;

const CHOICE: QuestionInput = { id: "q-act", kind: "choice", prompt: "Which activation zeroes negatives?", choices: ["ReLU", "sigmoid", "tanh"], correct: [0] };
const POLL: QuestionInput = { id: "q-sure", kind: "poll", prompt: "How sure are you?", choices: ["Very", "A bit", "Not at all"] };
const NUMERIC: QuestionInput = { id: "q-half", kind: "numeric", prompt: "What is 0.5 × 2?", answer: 1, tolerance: 0.01 };
const OUTPUT: QuestionInput = { id: "q-print", kind: "output", prompt: "What does it print?", code: "print(1 + 1)", answers: ["2"] };

const choice = (c: number): Answer => ({ kind: "choice", choices: [c] });
const num = (value: number): Answer => ({ kind: "number", value });
const text = (t: string): Answer => ({ kind: "text", text: t });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Seconds to the millisecond, as the CSV writes times. */
const sec = (ms: number) => String(Math.round((ms / 1000) * 1000) / 1000);

/** Splits a CSV file (after its byte-order mark) into rows of cells, RFC 4180. */
function parseCsv(body: string): string[][] {
  expect(body.startsWith("\uFEFF")).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && body[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  expect(cell).toBe("");
  return rows;
}

interface Scripted {
  cls: Classroom;
  ids: string[];
  /** Per question number: its launch time and each student's server-measured time (by index). */
  launchedAt: number[];
  elapsed: Map<number, number>[];
}

/** Runs the class: joins, moves, four questions, the end. */
async function script(url: string): Promise<Scripted> {
  const cls = await openClass({ url }, 0);
  const { teacher } = cls;
  const phones: LiveClient[] = [];
  const ids: string[] = [];
  for (const name of NAMES) {
    const pass = await joinStudent(url, cls.code, name);
    phones.push(await cls.connect({ token: pass.token }));
    ids.push(pass.studentId);
  }
  // Points without speed or streaks: 1000 for a right answer.
  await teacher.sendOk("quiz:settings", { speedPoints: false, streakPoints: false });
  // Each move waits for its acknowledgement, so none is folded into another in one tick.
  await phones[0]!.sendOk("neuron:set", { bias: 0.5 });
  await phones[0]!.sendOk("neuron:set", { weights: [1, -0.5] });
  await phones[1]!.sendOk("neuron:set", { weights: [0.5, 1.8], bias: -1 });

  const launchedAt: number[] = [];
  const elapsed: Map<number, number>[] = [];
  const ask = async (question: QuestionInput, answers: [number, Answer][]) => {
    const { seq } = await teacher.sendOk("quiz:launch", { question, options: { timeLimitSec: null, allowChange: false } });
    await teacher.untilSeq(seq);
    const run = teacher.state.quiz.run!;
    launchedAt.push(run.launchedAt);
    let last = seq;
    for (const [k, answer] of answers) {
      await phones[k]!.until(() => phones[k]!.state.quiz.run?.runId === run.runId, undefined, "the question on the phone");
      last = (await phones[k]!.sendOk("quiz:answer", { runId: run.runId, answer })).seq;
    }
    await teacher.untilSeq(last);
    elapsed.push(new Map(answers.map(([k]) => [k, teacher.state.quiz.answers[ids[k]!]!.elapsedMs])));
  };
  await ask(CHOICE, [[0, choice(0)], [1, choice(1)], [2, choice(0)]]);
  await teacher.sendOk("quiz:reveal", {});
  await teacher.sendOk("quiz:clear", {});
  await ask(POLL, [[0, choice(2)], [2, choice(0)]]);
  await teacher.sendOk("quiz:reveal", {});
  await ask(NUMERIC, [[1, num(1)], [0, num(0.5)]]);
  // Launched over the numeric question, which is never revealed: its points are never given.
  await ask(OUTPUT, [[2, text("2")], [1, text("11")]]);
  await teacher.sendOk("quiz:reveal", {});
  await teacher.sendOk("room:end", {});
  return { cls, ids, launchedAt, elapsed };
}

/** The report the script must give, by hand; only the measured times come from the run. */
function expectedReport(s: Scripted, session: { sessionId: string; code: string; createdAt: number; endAt: number }): SessionReport {
  const times = (q: number) => [...s.elapsed[q]!.values()];
  const question = (q: number, fields: Omit<SessionReport["questions"][number], "number" | "launchedAt" | "medianMs" | "meanMs">) => ({
    number: q + 1,
    launchedAt: s.launchedAt[q]!,
    medianMs: median(times(q)),
    meanMs: mean(times(q)),
    ...fields,
  });
  const t = (q: number, k: number) => s.elapsed[q]!.get(k)!;
  return {
    ...session,
    questions: [
      question(0, {
        questionId: "q-act",
        kind: "choice",
        prompt: "Which activation zeroes negatives?",
        students: 3,
        answered: 3,
        correct: 2,
        shareCorrect: 2 / 3,
        distribution: [
          { label: "A: ReLU", count: 2 },
          { label: "B: sigmoid", count: 1 },
          { label: "C: tanh", count: 0 },
        ],
      }),
      question(1, {
        questionId: "q-sure",
        kind: "poll",
        prompt: "How sure are you?",
        students: 3,
        answered: 2,
        correct: null,
        shareCorrect: null,
        distribution: [
          { label: "A: Very", count: 1 },
          { label: "B: A bit", count: 0 },
          { label: "C: Not at all", count: 1 },
        ],
      }),
      question(2, { questionId: "q-half", kind: "numeric", prompt: "What is 0.5 × 2?", students: 3, answered: 2, correct: 1, shareCorrect: 0.5, distribution: [{ label: "Right", count: 1 }, { label: "Wrong", count: 1 }] }),
      question(3, { questionId: "q-print", kind: "output", prompt: "What does it print?", students: 3, answered: 2, correct: 1, shareCorrect: 0.5, distribution: [{ label: "Right", count: 1 }, { label: "Wrong", count: 1 }] }),
    ],
    students: [
      {
        studentId: s.ids[0]!,
        nickname: NAMES[0],
        seat: "Hidden layer, neuron 1",
        score: 1000,
        rank: 2,
        answers: [
          { number: 1, answer: "A: ReLU", correct: true, points: 1000, elapsedMs: t(0, 0) },
          { number: 2, answer: "C: Not at all", correct: null, points: 0, elapsedMs: t(1, 0) },
          { number: 3, answer: "0.5", correct: false, points: 0, elapsedMs: t(2, 0) },
        ],
        moves: 2,
        lastWeights: [1, -0.5],
        lastBias: 0.5,
      },
      {
        studentId: s.ids[1]!,
        nickname: NAMES[1],
        seat: "Hidden layer, neuron 2",
        score: 0,
        rank: 3,
        answers: [
          { number: 1, answer: "B: sigmoid", correct: false, points: 0, elapsedMs: t(0, 1) },
          { number: 3, answer: "1", correct: true, points: 0, elapsedMs: t(2, 1) },
          { number: 4, answer: "11", correct: false, points: 0, elapsedMs: t(3, 1) },
        ],
        moves: 1,
        lastWeights: [0.5, 1.8],
        lastBias: -1,
      },
      {
        studentId: s.ids[2]!,
        nickname: NAMES[2],
        seat: "Hidden layer, neuron 3",
        score: 2000,
        rank: 1,
        answers: [
          { number: 1, answer: "A: ReLU", correct: true, points: 1000, elapsedMs: t(0, 2) },
          { number: 2, answer: "A: Very", correct: null, points: 0, elapsedMs: t(1, 2) },
          { number: 4, answer: "2", correct: true, points: 1000, elapsedMs: t(3, 2) },
        ],
        // Never moved: the neuron's values when they sat down (the classifier's third hidden neuron).
        moves: 0,
        lastWeights: [-0.3, 0.9],
        lastBias: 0.1,
      },
    ],
  };
}

describeEachDatabase("reports and exports", (db) => {
  const server = serverForSuite(db);

  const get = (path: string, token?: string) => fetch(`${server.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const postImport = (body: string, contentType = "application/json") =>
    fetch(`${server.url}/api/sessions/import`, { method: "POST", headers: { "content-type": contentType }, body });
  const refusal = async (res: Response) => ({ status: res.status, ...errorResponseSchema.parse(await res.json()).error });

  it("reports a scripted class cell by cell, as JSON and as two CSV files, and re-imports its log as the same report", async () => {
    const s = await script(server.url);
    const { sessionId, code, teacherToken } = s.cls.host;

    // The log, exported: a header line, one event per line, the closing line.
    const exported = await get(`/api/sessions/${sessionId}/export.json`, teacherToken);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(exported.headers.get("content-disposition")).toBe(`attachment; filename="synapse-${code}-log.json"`);
    const logText = await exported.text();
    const doc = JSON.parse(logText) as { format: string; version: number; session: { sessionId: string; events: number }; events: { seq: number; type: string; at: string }[] };
    expect(doc).toMatchObject({ format: "synapse-session-log", version: 1, session: { sessionId, events: doc.events.length } });
    expect(doc.events.map((e) => e.seq)).toEqual(doc.events.map((_, i) => i + 1));
    expect(logText.split("\n")).toHaveLength(doc.events.length + 3);
    expect(doc.events.filter((e) => e.type === "entry.set")).toHaveLength(3);
    expect(doc.events.at(-1)!.type).toBe("session.ended");
    const createdAt = Date.parse(doc.events[0]!.at);
    const endAt = Date.parse(doc.events.at(-1)!.at);

    // The report as JSON.
    const res = await get(`/api/sessions/${sessionId}/report`, teacherToken);
    expect(res.status).toBe(200);
    const report = sessionReportSchema.parse(await res.json());
    const expected = expectedReport(s, { sessionId, code, createdAt, endAt });
    expected.questions.forEach((q, i) => expect(report.questions[i]).toEqual(q));
    expected.students.forEach((st, i) => expect(report.students[i]).toEqual(st));
    expect(report).toEqual(expected);

    // questions.csv, cell by cell.
    const qRes = await get(`/api/sessions/${sessionId}/report/questions.csv`, teacherToken);
    expect(qRes.status).toBe(200);
    expect(qRes.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(qRes.headers.get("content-disposition")).toBe(`attachment; filename="synapse-${code}-questions.csv"`);
    const qBody = Buffer.from(await qRes.arrayBuffer());
    expect([...qBody.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const times = (q: number) => [...s.elapsed[q]!.values()];
    const iso = (q: number) => new Date(s.launchedAt[q]!).toISOString();
    expect(parseCsv(qBody.toString("utf8"))).toEqual([
      ["Number", "Question id", "Kind", "Prompt", "Launched at", "Students", "Answered", "Correct", "Share correct", "Median time (s)", "Mean time (s)", "Distribution"],
      ["1", "q-act", "choice", "Which activation zeroes negatives?", iso(0), "3", "3", "2", "0.6667", sec(median(times(0))), sec(mean(times(0))), "A: ReLU = 2; B: sigmoid = 1; C: tanh = 0"],
      ["2", "q-sure", "poll", "How sure are you?", iso(1), "3", "2", "", "", sec(median(times(1))), sec(mean(times(1))), "A: Very = 1; B: A bit = 0; C: Not at all = 1"],
      ["3", "q-half", "numeric", "What is 0.5 × 2?", iso(2), "3", "2", "1", "0.5", sec(median(times(2))), sec(mean(times(2))), "Right = 1; Wrong = 1"],
      ["4", "q-print", "output", "What does it print?", iso(3), "3", "2", "1", "0.5", sec(median(times(3))), sec(mean(times(3))), "Right = 1; Wrong = 1"],
    ]);

    // students.csv, cell by cell: the formula-like names start with a ', the rest is as typed.
    const sRes = await get(`/api/sessions/${sessionId}/report/students.csv`, teacherToken);
    expect(sRes.status).toBe(200);
    expect(sRes.headers.get("content-disposition")).toBe(`attachment; filename="synapse-${code}-students.csv"`);
    // Read as bytes: a text decoder would drop the byte-order mark.
    const sText = Buffer.from(await sRes.arrayBuffer()).toString("utf8");
    const t = (q: number, k: number) => sec(s.elapsed[q]!.get(k)!);
    const none = ["", "", "", ""];
    const cols = (n: number) => [`Q${n} answer`, `Q${n} correct`, `Q${n} points`, `Q${n} time (s)`];
    expect(parseCsv(sText)).toEqual([
      ["Nickname", "Seat", "Score", "Rank", "Moves", "Last weights", "Last bias", ...cols(1), ...cols(2), ...cols(3), ...cols(4)],
      [`'=HYPERLINK("x","y")`, "Hidden layer, neuron 1", "1000", "2", "2", "[1, -0.5]", "0.5", "A: ReLU", "yes", "1000", t(0, 0), "C: Not at all", "", "0", t(1, 0), "0.5", "no", "0", t(2, 0), ...none],
      ["'@SUM(A1)", "Hidden layer, neuron 2", "0", "3", "1", "[0.5, 1.8]", "-1", "B: sigmoid", "no", "0", t(0, 1), ...none, "1", "yes", "0", t(2, 1), "11", "no", "0", t(3, 1)],
      ['Zoé, "la" 🦊', "Hidden layer, neuron 3", "2000", "1", "0", "[-0.3, 0.9]", "0.1", "A: ReLU", "yes", "1000", t(0, 2), "A: Very", "", "0", t(1, 2), ...none, "2", "yes", "1000", t(3, 2)],
    ]);
    // The raw line: quotes doubled, numbers bare (a negative bias stays a number).
    expect(sText.split("\r\n")[2]).toMatch(/^"'@SUM\(A1\)","Hidden layer, neuron 2",0,3,1,"\[0\.5, 1\.8\]",-1,"B: sigmoid","no",0,/);
    expect(sText.split("\r\n")[3]).toMatch(/^"Zoé, ""la"" 🦊",/);

    // The export imported again: a new ended session, opened with its own teacher token, with the same report.
    const imported = await postImport(logText);
    expect(imported.status).toBe(201);
    const copy = importResponseSchema.parse(await imported.json());
    expect(copy.sessionId).not.toBe(sessionId);
    expect(copy.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(copy.events).toBe(doc.events.length);
    const copyReport = sessionReportSchema.parse(await (await get(`/api/sessions/${copy.sessionId}/report`, copy.teacherToken)).json());
    expect(copyReport).toEqual({ ...expected, sessionId: copy.sessionId, code: copy.code });
    // Its log is the original's but for the new id and code in the first event.
    const copyLog = JSON.parse(await (await get(`/api/sessions/${copy.sessionId}/export.json`, copy.teacherToken)).text()) as typeof doc & { events: { payload: unknown }[] };
    const originalEvents = (JSON.parse(logText) as typeof copyLog).events;
    expect(copyLog.events.slice(1)).toEqual(originalEvents.slice(1));
    expect(copyLog.events[0]!.payload).toEqual({ ...(originalEvents[0]!.payload as object), id: copy.sessionId, code: copy.code });
    // It opens as a replay of an ended session, with the original's times.
    const meta = replayMetaSchema.parse(await (await get(`/api/sessions/${copy.sessionId}/replay`, copy.teacherToken)).json());
    expect(meta).toMatchObject({ sessionId: copy.sessionId, code: copy.code, viewer: "teacher", status: "ended", headSeq: doc.events.length, startAt: createdAt, endAt });
    const originalSummary = sessionSummarySchema.parse(await (await get(`/api/sessions/${sessionId}/summary`, teacherToken)).json());
    const copySummary = sessionSummarySchema.parse(await (await get(`/api/sessions/${copy.sessionId}/summary`, copy.teacherToken)).json());
    expect(copySummary).toEqual({ ...originalSummary, sessionId: copy.sessionId, code: copy.code });
    // Nobody can join the copy: it is ended, and its code names no live class.
    expect((await fetch(`${server.url}/api/join/${copy.code}`)).status).toBe(404);
    // The original's teacher cannot read the copy, nor the copy's teacher the original.
    expect((await get(`/api/sessions/${copy.sessionId}/report`, teacherToken)).status).toBe(403);
    expect((await get(`/api/sessions/${sessionId}/export.json`, copy.teacherToken)).status).toBe(403);
  });

  it("lets only the session's teacher read the report and the exports", async () => {
    const host = await hostSession(server.url);
    const other = await hostSession(server.url);
    const student = await joinStudent(server.url, host.code, "Ada");
    for (const path of ["report", "report/questions.csv", "report/students.csv", "export.json"]) {
      const url = `/api/sessions/${host.sessionId}/${path}`;
      const anonymous = await get(url);
      expect(await refusal(anonymous)).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
      expect(anonymous.headers.get("www-authenticate")).toBe("Bearer");
      expect(await refusal(await get(url, student.token))).toMatchObject({ status: 403, code: "FORBIDDEN" });
      expect(await refusal(await get(url, other.teacherToken))).toMatchObject({ status: 403, code: "FORBIDDEN" });
      expect((await get(url, host.teacherToken)).status).toBe(200);
    }
    // A session with only its creation: an empty report, and a log of one event.
    const empty = sessionReportSchema.parse(await (await get(`/api/sessions/${other.sessionId}/report`, other.teacherToken)).json());
    expect(empty).toMatchObject({ sessionId: other.sessionId, code: other.code, questions: [], students: [] });
    const students = Buffer.from(await (await get(`/api/sessions/${other.sessionId}/report/students.csv`, other.teacherToken)).arrayBuffer()).toString("utf8");
    expect(students).toBe('\uFEFF"Nickname","Seat","Score","Rank","Moves","Last weights","Last bias"\r\n');
  });

  it("refuses bad imports with the line named, and takes nothing of them", async () => {
    const host = await hostSession(server.url);
    const log = await (await get(`/api/sessions/${host.sessionId}/export.json`, host.teacherToken)).text();
    const lines = log.split("\n");
    expect(lines).toHaveLength(4);

    const gap = [lines[0], lines[1]!.replace('"seq":1', '"seq":2'), ...lines.slice(2)].join("\n");
    expect(await refusal(await postImport(gap))).toEqual({
      status: 400,
      code: "BAD_REQUEST",
      message: "This file cannot be imported: line 2 (seq 2): expected seq 1: events must be numbered 1, 2, 3… with no gap. Nothing was imported.",
    });
    const badPayload = log.replace('"presetId":"classifier"', '"presetId":42');
    expect(await refusal(await postImport(badPayload))).toMatchObject({ status: 400, message: expect.stringContaining("line 2 (seq 1): session.created: presetId:") });
    const wrongCount = log.replace('"events":1}', '"events":2}');
    expect(await refusal(await postImport(wrongCount))).toMatchObject({ status: 400, message: "This file cannot be imported: the file: it holds 1 events but its header says 2. Nothing was imported." });
    expect(await refusal(await postImport("not json at all"))).toMatchObject({ status: 400, message: "This file cannot be imported: the file: not valid JSON. Nothing was imported." });
    expect(await refusal(await postImport(log, "text/plain"))).toMatchObject({ status: 400, code: "BAD_REQUEST" });

    // A declared size past the cap is refused before a byte is read: 413.
    const tooLarge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${server.url}/api/sessions/import`, { method: "POST", headers: { "content-type": "application/json", "content-length": String(300 * 1024 * 1024) } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode!, body });
        });
      });
      req.on("error", reject);
      req.write(lines[0]);
    });
    expect(tooLarge.status).toBe(413);
    expect(errorResponseSchema.parse(JSON.parse(tooLarge.body)).error).toEqual({ code: "BAD_REQUEST", message: "This file is larger than 256 MB, the most an import takes." });

    // The good file still imports after all that.
    expect((await postImport(log)).status).toBe(201);
  });
});
