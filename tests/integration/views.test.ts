/**
 * Each viewer gets its own view, on real sockets (ENGINEERING.md, "Each viewer gets its own
 * view"): while the teacher hides names, the projector view's socket receives no name at all
 * (snapshots and updates alike), while the teacher and the students still do; and every
 * screen of the class follows the forward pass the teacher plays.
 */
import { expect, it } from "vitest";
import type { SessionUpdate } from "../../lib/protocol/server-events";
import { hostSession, joinSession, joinStudent, LiveClient } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { serverForSuite } from "../helpers/suite-server";

describeEachDatabase("views per viewer", (db) => {
  const server = serverForSuite(db);

  it("never sends names to the projector view while they are hidden", async () => {
    const { code, teacherToken } = await hostSession(server.url);
    for (const name of ["Ada", "Grace"]) expect((await joinSession(server.url, code, name)).status).toBe(201);
    const teacher = await LiveClient.connect(server.url, { token: teacherToken });
    await teacher.send("room:hide-names", { hidden: true });

    const projector = await LiveClient.connect(server.url, { watch: code });
    const received: string[] = [];
    projector.socket.onAny((event: string, payload: unknown) => received.push(`${event} ${JSON.stringify(payload)}`));
    const firstSnapshot = JSON.stringify(projector.state);
    expect(firstSnapshot).not.toMatch(/Ada|Grace/);
    expect(Object.keys(projector.state.students)).toHaveLength(2);

    // A student who joins while names are hidden: the projector learns of the seat, not the name.
    const linus = await joinStudent(server.url, code, "Linus");
    await projector.until(() => Object.keys(projector.state.students).length === 3);
    await teacher.until(() => Object.values(teacher.state.students).some((s) => s.nickname === "Linus"));
    const phone = await LiveClient.connect(server.url, { token: linus.token });
    expect(Object.values(phone.state.students).map((s) => s.nickname).sort()).toEqual(["Ada", "Grace", "Linus"]);
    expect(received.join("\n")).not.toMatch(/Ada|Grace|Linus/);
    expect(received.length).toBeGreaterThan(0);

    // Shown again: the projector gets a fresh snapshot with the names.
    await teacher.send("room:hide-names", { hidden: false });
    await projector.until(() => Object.values(projector.state.students).some((s) => s.nickname === "Linus"));
    expect(received.some((m) => m.startsWith("session:snapshot"))).toBe(true);
    for (const c of [teacher, projector, phone]) c.close();
  });

  it("plays the forward pass on every screen: the projector and a phone follow the teacher's play", async () => {
    const { code, teacherToken } = await hostSession(server.url);
    const joined = await joinStudent(server.url, code, "Ada");
    const teacher = await LiveClient.connect(server.url, { token: teacherToken });
    const projector = await LiveClient.connect(server.url, { watch: code });
    const phone = await LiveClient.connect(server.url, { token: joined.token });
    const columns = (c: LiveClient) => {
      const seen: (number | null)[] = [];
      c.socket.on("session:update", (update: SessionUpdate) => {
        for (const e of update.events) if (e.type === "animation.set") seen.push(e.payload.column);
      });
      return seen;
    };
    const onProjector = columns(projector);
    const onPhone = columns(phone);
    const played = await teacher.send("animation:play", {});
    if (!played.ok) throw new Error(played.error.message);
    const end = played.seq + 3;
    // The server moves the signal on by itself: inputs, hidden layer, output, then all lit.
    for (const c of [projector, phone]) await c.until(() => c.seq >= end && c.state.animation.column === null, 20_000);
    expect(onProjector).toEqual([0, 1, 2, null]);
    expect(onPhone).toEqual([0, 1, 2, null]);
    const refused = await phone.send("animation:play", {});
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    for (const c of [teacher, projector, phone]) c.close();
  });
});
