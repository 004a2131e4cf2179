/**
 * Replays against the real server and database, from a log the live server wrote while a
 * scripted class ran (tests/helpers/replay-script.ts). The property: the state replayed at
 * every recorded seq equals the state the server had committed at that seq, and folding
 * the replayed events from the start gives the end state. Then the summary, the marks and
 * the time index, a neuron's history, the prediction series, and refused queries.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { forward } from "../../lib/engine";
import {
  neuronHistorySchema,
  predictionSeriesSchema,
  replayEventsSchema,
  replayMetaSchema,
  replayStateSchema,
  sessionSummarySchema,
} from "../../lib/protocol/replay";
import type { LoggedEvent } from "../../lib/session/events";
import { applyEvent, createState } from "../../lib/session/reducer";
import type { SessionState } from "../../lib/session/state";
import { describeEachDatabase } from "../helpers/databases";
import { api, expectRefused } from "../helpers/replay-api";
import { NICKNAMES, scriptClass, type ScriptedClass } from "../helpers/replay-script";
import { serverForSuite } from "../helpers/suite-server";

describeEachDatabase("replays", (db) => {
  // A snapshot every 2 events: seeks start from a snapshot (what was written must read back
  // exactly) and fold the rest, as in a long class; a snapshot lands between the answers and the reveal.
  const server = serverForSuite(db, { SYNAPSE_TEST_SNAPSHOT_EVERY: "2" });
  let cls: ScriptedClass;
  const teacherGet = (path: string) => api(server.url, `/api/sessions/${cls.host.sessionId}${path}`, { token: cls.host.teacherToken });

  beforeAll(async () => {
    cls = await scriptClass(server.url);
  }, 120_000);
  afterAll(() => cls?.close());

  it("replays, at every seq the live server committed, exactly the state it had", async () => {
    expect(cls.recorded.length).toBeGreaterThan(30);
    for (const { seq, state } of cls.recorded) {
      const reply = await teacherGet(`/replay/state?seq=${seq}`);
      expect(reply.status).toBe(200);
      const body = replayStateSchema.parse(reply.body);
      expect({ seq: body.seq, state: body.state }).toEqual({ seq, state });
    }
  });

  it("answers the same states in any order (seeking back and forth)", async () => {
    const shuffled = [...cls.recorded].sort((a, b) => ((a.seq * 7919) % 31) - ((b.seq * 7919) % 31));
    for (const { seq, state } of shuffled.slice(0, 15)) {
      expect(replayStateSchema.parse((await teacherGet(`/replay/state?seq=${seq}`)).body).state).toEqual(state);
    }
  });

  it("gives every event in pages; folded from the start they make the state of every recorded seq", async () => {
    const events: LoggedEvent[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const page = replayEventsSchema.parse((await teacherGet(`/replay/events?after=${after}&limit=9`)).body);
      expect(page.events.length).toBeLessThanOrEqual(9);
      events.push(...(page.events as unknown as LoggedEvent[]));
      after = page.next;
    }
    const last = cls.recorded.at(-1)!;
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: last.seq }, (_, i) => i + 1));
    expect(events.every((e) => typeof e.at === "number")).toBe(true);
    let state: SessionState | null = null;
    const recorded = new Map(cls.recorded.map((r) => [r.seq, r.state]));
    let checked = 0;
    for (const e of events) {
      state = state ? applyEvent(state, e) : createState(e as Extract<LoggedEvent, { type: "session.created" }>);
      if (recorded.has(e.seq)) {
        expect(state).toEqual(recorded.get(e.seq));
        checked++;
      }
    }
    expect(checked).toBe(cls.recorded.length);
    expect(state).toEqual(last.state);
  });

  it("sums the session up for the past sessions list", async () => {
    const reply = await teacherGet("/summary");
    expect(reply.status).toBe(200);
    const summary = sessionSummarySchema.parse(reply.body);
    const head = cls.recorded.at(-1)!.seq;
    expect(summary).toMatchObject({
      sessionId: cls.host.sessionId,
      code: cls.host.code,
      status: "live",
      endedAt: null,
      students: NICKNAMES.length,
      questions: 1,
      events: head,
    });
    expect(Date.parse(summary.lastEventAt)).toBeGreaterThanOrEqual(Date.parse(summary.createdAt));
    expect(summary.durationMs).toBe(Date.parse(summary.lastEventAt) - Date.parse(summary.createdAt));
  });

  it("marks the start, the joins, the lesson steps, the question's moments and the live end", async () => {
    const meta = replayMetaSchema.parse((await teacherGet("/replay")).body);
    const head = cls.recorded.at(-1)!.seq;
    expect(meta).toMatchObject({ sessionId: cls.host.sessionId, code: cls.host.code, viewer: "teacher", hideNames: false, status: "live", headSeq: head });
    expect(meta.marks.map((m) => [m.kind, m.label])).toEqual([
      ["start", "Start"],
      ["join", "Ada joined"],
      ["join", "Grace joined"],
      ["join", "Émile joined"],
      ["join", "Linus joined"],
      ["step", "Step 1: One artificial neuron"],
      ["step", "Step 2: Neurons side by side, layers in a row"],
      ["launch", "Question 1 launched"],
      ["close", "Question 1 closed"],
      ["reveal", "Question 1 revealed"],
      ["end", "Now (the class is live)"],
    ]);
    // Each mark's seq is the event it names: the state just after it shows that moment.
    const at = async (seq: number, before = 0) =>
      replayStateSchema.parse((await teacherGet(`/replay/state?seq=${seq - before}`)).body).state as unknown as SessionState;
    const marks = meta.marks;
    expect(marks[0]!.seq).toBe(1);
    const linus = (s: SessionState) => Object.values(s.students).some((x) => x.nickname === "Linus");
    expect([linus(await at(marks[4]!.seq, 1)), linus(await at(marks[4]!.seq))]).toEqual([false, true]);
    expect([(await at(marks[5]!.seq, 1)).lesson.step, (await at(marks[5]!.seq)).lesson.step]).toEqual([null, 0]);
    expect([(await at(marks[7]!.seq, 1)).quiz.run, (await at(marks[7]!.seq)).quiz.run?.number]).toEqual([null, 1]);
    expect(marks.at(-1)!.seq).toBe(head);
    // The time index: increasing in time and in seq, from the first event to the head, every mark's time found.
    const { timeline } = meta;
    expect(timeline.length).toBeLessThanOrEqual(2_000);
    expect(timeline[0]).toEqual([meta.startAt, expect.any(Number)]);
    expect(timeline.at(-1)).toEqual([meta.endAt, head]);
    for (let i = 1; i < timeline.length; i++) {
      expect(timeline[i]![0]).toBeGreaterThan(timeline[i - 1]![0]);
      expect(timeline[i]![1]).toBeGreaterThan(timeline[i - 1]![1]);
    }
    for (const mark of marks) {
      const seqAt = timeline.filter(([t]) => t <= mark.at).at(-1)![1];
      expect(seqAt).toBeGreaterThanOrEqual(mark.seq);
    }
  });

  it("draws a neuron's history: who sat on it, and its values up to the end", async () => {
    const end = cls.recorded.at(-1)!.state;
    const reply = await teacherGet("/replay/neurons/0/0");
    expect(reply.status).toBe(200);
    const history = neuronHistorySchema.parse(reply.body);
    expect(history.points.length).toBeGreaterThan(1);
    expect(history.points.length).toBeLessThanOrEqual(400);
    const last = history.points.at(-1)!;
    const neuron = end.network.layers[0]!.neurons[0]!;
    expect({ weights: last.weights, bias: last.bias }).toEqual({ weights: neuron.weights, bias: neuron.bias });
    expect(last.output).toBeCloseTo(forward(end.network, end.inputs).layers[0]!.output[0]!, 12);
    // Whoever sits on it at the end holds it still; every holder is one of the class.
    const seated = Object.values(end.students).filter((s) => s.seat?.layer === 0 && s.seat.neuron === 0);
    const open = history.holders.filter((h) => h.to === null);
    expect(open.map((h) => [h.studentId, h.nickname]).sort()).toEqual(seated.map((s) => [s.id, s.nickname]).sort());
    expect(history.holders.every((h) => (NICKNAMES as readonly string[]).includes(h.nickname))).toBe(true);
    for (let i = 1; i < history.points.length; i++) expect(history.points[i]!.seq).toBeGreaterThan(history.points[i - 1]!.seq);
  });

  it("draws the class prediction over time, ending at the network's output now", async () => {
    const end = cls.recorded.at(-1)!.state;
    const series = predictionSeriesSchema.parse((await teacherGet("/replay/prediction")).body);
    expect(series.labels).toEqual(end.outputLabels);
    expect(series.points.length).toBeGreaterThan(1);
    const outputs = forward(end.network, end.inputs).layers.at(-1)!.output;
    series.points.at(-1)!.outputs.forEach((v, i) => expect(v).toBeCloseTo(outputs[i]!, 12));
  });

  it("refuses a missing or malformed query, and a neuron the network never had", async () => {
    expect(expectRefused(await teacherGet("/replay/state"), 400, "BAD_REQUEST")).toMatch(/seq is missing/);
    expect(expectRefused(await teacherGet("/replay/state?seq=-1"), 400, "BAD_REQUEST")).toMatch(/seq must be a whole number/);
    expectRefused(await teacherGet("/replay/state?seq=abc"), 400, "BAD_REQUEST");
    expectRefused(await teacherGet("/replay/state?seq=3&seq=4"), 400, "BAD_REQUEST");
    expectRefused(await teacherGet("/replay/state?seq=3&at=4"), 400, "BAD_REQUEST");
    expect(expectRefused(await teacherGet("/replay/events?after=0&limit=0"), 400, "BAD_REQUEST")).toMatch(/limit/);
    expectRefused(await teacherGet("/replay/events?after=0&limit=2001"), 400, "BAD_REQUEST");
    expect(expectRefused(await teacherGet("/replay/events?limit=5"), 400, "BAD_REQUEST")).toMatch(/after is missing/);
    expectRefused(await teacherGet("/replay/neurons/x/0"), 400, "BAD_REQUEST");
    expectRefused(await teacherGet("/replay/neurons/7/0"), 404, "NOT_FOUND");
  });

  it("clamps a seq beyond the head to the head, and 0 to the first state", async () => {
    const last = cls.recorded.at(-1)!;
    const beyond = replayStateSchema.parse((await teacherGet(`/replay/state?seq=${last.seq + 1_000}`)).body);
    expect({ seq: beyond.seq, state: beyond.state }).toEqual(last);
    const first = replayStateSchema.parse((await teacherGet("/replay/state?seq=0")).body);
    expect({ seq: first.seq, state: first.state }).toEqual(cls.recorded[0]);
    const tail = replayEventsSchema.parse((await teacherGet(`/replay/events?after=${last.seq}&limit=10`)).body);
    expect(tail).toEqual({ events: [], next: null });
  });
});
