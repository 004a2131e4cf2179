/**
 * The lesson flow against the real server (SPEC feature 6): the step reaches every screen,
 * a student who joins mid-lesson (and a phone that reconnects) lands in it, the step's
 * network loads with it, and a "read" step refuses phones' neuron changes with LOCKED.
 */
import { expect, it } from "vitest";
import { joinStudent, openClass } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { serverForSuite } from "../helpers/suite-server";

describeEachDatabase("the lesson flow", (db) => {
  const server = serverForSuite(db);

  it("moves every screen to the step, loads its network, and lands late joiners in it", async () => {
    const cls = await openClass(server, 1);
    const projector = await cls.openProjector();
    const { seq } = await cls.teacher.sendOk("lesson:go", { step: 0 });
    for (const client of [cls.teacher, cls.students[0]!.client, projector]) {
      await client.untilSeq(seq);
      expect(client.state.lesson).toEqual({ step: 0 });
      expect(client.state.presetId).toBe("bright-and-edgy");
    }
    // Everyone is seated again: Student 1 on the one neuron.
    expect(cls.teacher.state.students[cls.students[0]!.id]!.seat).toEqual({ layer: 0, neuron: 0 });

    const late = await joinStudent(server.url, cls.code, "Late Comer");
    const phone = await cls.connect({ token: late.token });
    expect(phone.state.lesson).toEqual({ step: 0 });
    expect(phone.state.presetId).toBe("bright-and-edgy");
  });

  it("refuses phones' neuron changes in a read step, and after a reconnect, until the class is back on the network", async () => {
    const cls = await openClass(server, 2);
    await cls.teacher.sendOk("lesson:go", { step: 2 });
    const s = cls.students[0]!;
    const refused = await s.client.send("neuron:set", { bias: 0.5 });
    expect(refused).toMatchObject({ ok: false, error: { code: "LOCKED", message: expect.stringMatching(/reading/) } });
    const back = await cls.reconnect(s);
    expect(back.state.lesson).toEqual({ step: 2 });
    expect(await back.send("neuron:set", { bias: 0.5 })).toMatchObject({ ok: false, error: { code: "LOCKED" } });
    await cls.teacher.sendOk("lesson:go", { step: 3 });
    expect(await back.send("neuron:set", { bias: 0.5 })).toMatchObject({ ok: true });
    expect(await cls.teacher.send("lesson:go", { step: 6 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
