/**
 * Who may do what in a class, against the real server: students refused the teacher's
 * controls and anything malformed, wrong tokens and codes, taken names, locks, and a
 * student removed and let back in. Each test opens its own class.
 */
import { expect, it } from "vitest";
import { joinSession, openClass } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { connectRefused, nextEvent, sendUnchecked } from "../helpers/socket-client";
import { serverForSuite } from "../helpers/suite-server";

describeEachDatabase("a class's rules", (db) => {
  const server = serverForSuite(db);

  it("refuses what students may not do, with codes, and carries on", async () => {
    const { students } = await openClass(server, 2);
    const s = students[0]!.client;
    expect(await s.send("network:set-inputs", { inputs: [1, 1] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await s.send("room:lock", { locked: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // There is no way to name another student's neuron: extra fields are refused.
    const other = await sendUnchecked(s.socket, "neuron:set", { bias: 1, studentId: students[1]!.id });
    expect(other).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(await sendUnchecked(s.socket, "neuron:set", { bias: "big" })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    const outside = await s.send("neuron:set", { bias: 7 });
    expect(outside).toMatchObject({ ok: false, error: { code: "OUT_OF_RANGE", message: expect.stringMatching(/-5 to 5/) } });
    expect(await s.send("neuron:set", { bias: 0.25 })).toMatchObject({ ok: true });
  });

  it("refuses a wrong token, a wrong code, a taken name, a locked room and a locked layer", async () => {
    // Students 1-3 sit in the hidden layer (layer 0), student 4 in the output layer.
    const { host, teacher, students } = await openClass(server, 4);
    const wrong = await connectRefused(server.url, { token: "x".repeat(32) });
    expect(wrong.data).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await joinSession(server.url, "AAAAAA", "Zed")).status).toBe(404);
    const taken = await joinSession(server.url, host.code, "student 1");
    expect(taken).toMatchObject({ status: 409, body: { error: { code: "NAME_TAKEN" } } });
    await teacher.sendOk("room:lock", { locked: true });
    const locked = await joinSession(server.url, host.code, "Late Comer");
    expect(locked).toMatchObject({ status: 423, body: { error: { code: "ROOM_LOCKED" } } });
    await teacher.sendOk("room:lock", { locked: false });
    await teacher.sendOk("network:lock", { layer: 0, locked: true });
    expect(await students[0]!.client.send("neuron:set", { bias: 0.5 })).toMatchObject({ ok: false, error: { code: "LOCKED" } });
    expect(await students[3]!.client.send("neuron:set", { bias: 0.5 })).toMatchObject({ ok: true });
  });

  it("removes a student (closing their phone) and lets them back in", async () => {
    const cls = await openClass(server, 2);
    const s = cls.students[1]!;
    const removedNotice = nextEvent(s.client.socket, "session:removed");
    await cls.teacher.sendOk("student:remove", { studentId: s.id });
    expect(await removedNotice).toMatchObject({ message: expect.any(String) });
    const refused = await connectRefused(server.url, { token: s.token });
    expect(refused.data).toMatchObject({ code: "FORBIDDEN" });
    await cls.teacher.sendOk("student:readmit", { studentId: s.id });
    const back = await cls.reconnect(s);
    expect(back.state.students[s.id]!.removed).toBe(false);
    expect(back.state.students[s.id]!.seat).not.toBeNull();
  });
});
