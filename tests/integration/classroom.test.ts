/**
 * A whole class against the real server: a teacher and 30 students on real sockets, the
 * network they compute, who may do what, and a restart. Expected numbers are written
 * here or come from the lesson's Python formula (python3), never from the engine.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forward } from "../../lib/engine";
import { hostSession, joinSession, LiveClient } from "../helpers/classroom";
import { pythonForward } from "../helpers/python-reference";
import { describeEachDatabase, freshStorage, type ServerStorage } from "../helpers/databases";
import { startServer, type ServerProcess } from "../helpers/server-process";
import { connect } from "../helpers/socket-client";

/** The default session's seating order, by hand: hidden neurons 1-3, then outputs 1-2. */
const SEATS = [
  { layer: 0, neuron: 0 },
  { layer: 0, neuron: 1 },
  { layer: 0, neuron: 2 },
  { layer: 1, neuron: 0 },
  { layer: 1, neuron: 1 },
];

/** What student k (from 1) types: simple numbers whose team means are easy to check. */
function entryOf(k: number, width: number) {
  return { weights: Array.from({ length: width }, (_, i) => (i % 2 === 0 ? k / 10 : -k / 20)), bias: k / 100 };
}

describeEachDatabase("a class", (db) => {
  let storage: ServerStorage;
  let server: ServerProcess;
  let host: { sessionId: string; code: string; teacherToken: string };
  let teacher: LiveClient;
  const students: { id: string; token: string; client: LiveClient }[] = [];

  beforeAll(async () => {
    storage = await freshStorage(db);
    server = await startServer(storage.env);
    host = await hostSession(server.url);
    teacher = await LiveClient.connect(server.url, { token: host.teacherToken });
  });
  afterAll(async () => {
    teacher?.close();
    for (const s of students) s.client.close();
    await server?.stop();
    await storage?.dispose();
  });

  it("hosts a session with a readable code and the lesson's default network", async () => {
    expect(host.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(teacher.you).toEqual({ role: "teacher", participantId: expect.any(String) });
    expect(teacher.state.status).toBe("live");
    expect(teacher.state.inputs).toEqual([0.9, 0.4]);
    expect(teacher.state.outputLabels).toEqual(["Class A", "Class B"]);
    expect(teacher.state.network.layers[0]!.neurons.map((n) => n.weights)).toEqual([
      [1.2, -0.4],
      [0.5, 1.8],
      [-0.3, 0.9],
    ]);
    const lookup = await (await fetch(`${server.url}/api/join/${host.code.toLowerCase()}`)).json();
    expect(lookup).toMatchObject({ sessionId: host.sessionId, code: host.code, roomLocked: false });
    expect(lookup.suggestedNickname).toMatch(/^\S.{0,19}$/);
  });

  it("seats 30 students in the default order, the first three reading 0.920, 0.970, 0.190", async () => {
    for (let k = 1; k <= 30; k++) {
      const joined = await joinSession(server.url, host.code, `Student ${k}`);
      expect(joined.status).toBe(201);
      const client = await LiveClient.connect(server.url, { token: joined.body.token });
      students.push({ id: joined.body.studentId, token: joined.body.token, client });
    }
    await teacher.until(() => Object.keys(teacher.state.students).length === 30 && teacher.online.length === 31);
    students.forEach((s, i) => expect(teacher.state.students[s.id]!.seat).toEqual(SEATS[i % 5]));
    const firstThree = students.slice(0, 3).map((s, i) => {
      const state = s.client.state;
      return forward(state.network, state.inputs).layers[0]!.output[i]!.toFixed(3);
    });
    expect(firstThree).toEqual(["0.920", "0.970", "0.190"]);
  });

  it("computes the class's network: each team's average, as the lesson's formula gives", async () => {
    expect((await teacher.send("network:team-mode", { mode: "average" })).ok).toBe(true);
    const acks = await Promise.all(
      students.map((s, i) => s.client.send("neuron:set", entryOf(i + 1, SEATS[i % 5]!.layer === 0 ? 2 : 3))),
    );
    for (const ack of acks) expect(ack).toMatchObject({ ok: true, seq: expect.any(Number) });
    const lastSeq = Math.max(...acks.map((a) => a.seq));
    await teacher.until(() => teacher.seq >= lastSeq);

    // Team t holds students t+1, t+6, ..., t+26: mean of k is t+13.5.
    const expected = {
      layers: [
        { activation: "relu", neurons: [0, 1, 2].map((t) => ({ ...entryOf(t + 1 + 12.5, 2) })) },
        { activation: "softmax", neurons: [3, 4].map((t) => ({ ...entryOf(t + 1 + 12.5, 3) })) },
      ],
    };
    teacher.state.network.layers.forEach((layer, l) =>
      layer.neurons.forEach((neuron, n) => {
        const want = expected.layers[l]!.neurons[n]!;
        neuron.weights.forEach((w, i) => expect(w).toBeCloseTo(want.weights[i]!, 12));
        expect(neuron.bias).toBeCloseTo(want.bias, 12);
      }),
    );
    const [reference] = pythonForward([{ network: expected, inputs: [0.9, 0.4] }]);
    const result = forward(teacher.state.network, teacher.state.inputs);
    result.layers.forEach((layer, l) =>
      layer.output.forEach((v, n) => expect(v).toBeCloseTo(reference!.layers[l]!.output[n]!, 12)),
    );
    // Every student's copy agrees with the teacher's.
    await Promise.all(students.map((s) => s.client.until(() => s.client.seq >= lastSeq)));
    for (const s of students) expect(s.client.state.network).toEqual(teacher.state.network);
  });

  it("sends each client at most one update per tick however many students move", async () => {
    const before = teacher.updates;
    const started = Date.now();
    const acks = await Promise.all(students.map((s, i) => s.client.send("neuron:set", { bias: (i % 7) / 10 })));
    // Acknowledged means stored; the broadcast follows within a tick.
    await teacher.until(() => teacher.seq >= Math.max(...acks.map((a) => a.seq)));
    const elapsedTicks = (Date.now() - started) / 25 + 2;
    expect(teacher.updates - before).toBeLessThanOrEqual(Math.ceil(elapsedTicks));
    expect(teacher.updates - before).toBeLessThan(30);
  });

  it("brings a student back to the same neuron and values with their token", async () => {
    const s = students[6]!;
    const seatBefore = teacher.state.students[s.id]!.seat;
    const entryBefore = teacher.state.students[s.id]!.entry;
    s.client.close();
    await teacher.until(() => !teacher.online.includes(s.id));
    s.client = await LiveClient.connect(server.url, { token: s.token });
    expect(s.client.you).toEqual({ role: "student", participantId: s.id });
    expect(s.client.state.students[s.id]!.seat).toEqual(seatBefore);
    expect(s.client.state.students[s.id]!.entry).toEqual(entryBefore);
    await teacher.until(() => teacher.online.includes(s.id));
  });

  it("refuses what students may not do, with codes, and carries on", async () => {
    const s = students[0]!.client;
    expect(await s.send("network:set-inputs", { inputs: [1, 1] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await s.send("room:lock", { locked: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // There is no way to name another student's neuron: extra fields are refused.
    const other = await s.send("neuron:set", { bias: 1, studentId: students[1]!.id });
    expect(other).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(await s.send("neuron:set", { bias: "big" })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    const outside = await s.send("neuron:set", { bias: 7 });
    expect(outside).toMatchObject({ ok: false, error: { code: "OUT_OF_RANGE", message: expect.stringMatching(/-5 to 5/) } });
    expect(await s.send("neuron:set", { bias: 0.25 })).toMatchObject({ ok: true });
  });

  it("refuses a wrong token, a wrong code, a taken name, a locked room and a locked layer", async () => {
    const wrong = await connect(server.url, { token: "x".repeat(32) }).catch((e) => e);
    expect(wrong.data).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await joinSession(server.url, "AAAAAA", "Zed")).status).toBe(404);
    const taken = await joinSession(server.url, host.code, "student 1");
    expect(taken).toMatchObject({ status: 409, body: { error: { code: "NAME_TAKEN" } } });
    expect((await teacher.send("room:lock", { locked: true })).ok).toBe(true);
    const locked = await joinSession(server.url, host.code, "Late Comer");
    expect(locked).toMatchObject({ status: 423, body: { error: { code: "ROOM_LOCKED" } } });
    expect((await teacher.send("room:lock", { locked: false })).ok).toBe(true);
    expect((await teacher.send("network:lock", { layer: 0, locked: true })).ok).toBe(true);
    expect(await students[0]!.client.send("neuron:set", { bias: 0.5 })).toMatchObject({ ok: false, error: { code: "LOCKED" } });
    expect(await students[3]!.client.send("neuron:set", { bias: 0.5 })).toMatchObject({ ok: true });
    expect((await teacher.send("network:lock", { layer: 0, locked: false })).ok).toBe(true);
  });

  it("removes a student (closing their phone) and lets them back in", async () => {
    const s = students[29]!;
    const removedNotice = new Promise((resolve) => s.client.socket.once("session:removed", resolve));
    expect((await teacher.send("student:remove", { studentId: s.id })).ok).toBe(true);
    expect(await removedNotice).toMatchObject({ message: expect.any(String) });
    const refused = await connect(server.url, { token: s.token }).catch((e) => e);
    expect(refused.data).toMatchObject({ code: "FORBIDDEN" });
    expect((await teacher.send("student:readmit", { studentId: s.id })).ok).toBe(true);
    s.client = await LiveClient.connect(server.url, { token: s.token });
    expect(s.client.state.students[s.id]!.removed).toBe(false);
    expect(s.client.state.students[s.id]!.seat).not.toBeNull();
  });

  it("restores the session and every value after a restart", async () => {
    // The server's own committed state, not the teacher's copy, which may be a tick behind.
    const { state: before, seq: seqBefore } = await teacher.send("session:sync", {});
    teacher.close();
    for (const s of students) s.client.close();
    expect(await server.stop()).toBe(0);
    server = await startServer(storage.env);
    teacher = await LiveClient.connect(server.url, { token: host.teacherToken });
    expect(teacher.seq).toBe(seqBefore);
    expect(teacher.state).toEqual(before);
    const again = await LiveClient.connect(server.url, { token: students[2]!.token });
    expect(again.you.participantId).toBe(students[2]!.id);
    again.close();
  });

  it("keeps every acknowledged change through kill -9", async () => {
    const s = await LiveClient.connect(server.url, { token: students[1]!.token });
    const ack = await s.send("neuron:set", { weights: [1.5, -2.25], bias: 0.75 });
    expect(ack.ok).toBe(true);
    await server.crash();
    server = await startServer(storage.env);
    teacher = await LiveClient.connect(server.url, { token: host.teacherToken });
    expect(teacher.seq).toBeGreaterThanOrEqual(ack.seq);
    expect(teacher.state.students[students[1]!.id]!.entry).toEqual({ weights: [1.5, -2.25], bias: 0.75 });
  });
});
