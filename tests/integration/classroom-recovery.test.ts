/**
 * A class survives its connections and its server: a student comes back with their token,
 * and a clean restart or a kill -9 keeps every acknowledged value. Each test opens its own
 * class; a test that restarts the server leaves it running on the same database.
 */
import { expect, it } from "vitest";
import { openClass } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { serverForSuite } from "../helpers/suite-server";

describeEachDatabase("a class through reconnects and restarts", (db) => {
  const server = serverForSuite(db);

  it("brings a student back to the same neuron and values with their token", async () => {
    const cls = await openClass(server, 2);
    const { teacher } = cls;
    const s = cls.students[1]!;
    const { seq } = await s.client.sendOk("neuron:set", { weights: [0.3, -0.7], bias: 0.2 });
    await teacher.untilSeq(seq);
    const seatBefore = teacher.state.students[s.id]!.seat;
    expect(seatBefore).toEqual({ layer: 0, neuron: 1 });
    s.client.close();
    await teacher.until(() => !teacher.online.includes(s.id), undefined, "the student going offline");
    const back = await cls.reconnect(s);
    expect(back.you).toEqual({ role: "student", participantId: s.id });
    expect(back.state.students[s.id]!.seat).toEqual(seatBefore);
    expect(back.state.students[s.id]!.entry).toEqual({ weights: [0.3, -0.7], bias: 0.2 });
    await teacher.until(() => teacher.online.includes(s.id), undefined, "the student back online");
  });

  it("restores the session and every value after a restart", async () => {
    // Six students: five neurons and one team of two, with entries, settings and a removal to replay.
    const cls = await openClass(server, 6);
    const { teacher, students } = cls;
    await teacher.sendOk("network:team-mode", { mode: "average" });
    await Promise.all(
      students.slice(0, 5).map((s, i) => s.client.sendOk("neuron:set", { bias: (i + 1) / 10 })),
    );
    await students[5]!.client.sendOk("neuron:set", { weights: [-1.5, 2.5], bias: -0.75 });
    await teacher.sendOk("network:set-inputs", { inputs: [0.5, -0.25] });
    await teacher.sendOk("network:lock", { layer: 1, locked: true });
    await teacher.sendOk("room:hide-names", { hidden: true });
    await teacher.sendOk("student:remove", { studentId: students[4]!.id });
    // The server's own committed state, not the teacher's copy, which may be a tick behind.
    const before = await teacher.sync();
    cls.close();
    expect(await server.restart()).toBe(0);
    const again = await cls.connectTeacher();
    expect(again.seq).toBe(before.seq);
    expect(again.state).toEqual(before.state);
    const third = await cls.connect({ token: students[2]!.token });
    expect(third.you).toEqual({ role: "student", participantId: students[2]!.id });
  });

  it("keeps every acknowledged change through kill -9", async () => {
    const cls = await openClass(server, 2);
    const s = cls.students[1]!;
    const ack = await s.client.sendOk("neuron:set", { weights: [1.5, -2.25], bias: 0.75 });
    await server.crashAndRestart();
    const teacher = await cls.connectTeacher();
    expect(teacher.seq).toBeGreaterThanOrEqual(ack.seq);
    expect(teacher.state.students[s.id]!.entry).toEqual({ weights: [1.5, -2.25], bias: 0.75 });
  });
});
