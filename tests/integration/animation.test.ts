/**
 * The forward-pass animation on every screen at once: the teacher steps it column by
 * column and stops it; a phone and the projector view follow; a student cannot play it.
 */
import { expect, it } from "vitest";
import { openClass, type LiveClient } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { serverForSuite } from "../helpers/suite-server";

/** Resolves once every client shows `column` lit (null: the animation is off). */
async function allShowColumn(clients: LiveClient[], column: number | null): Promise<void> {
  await Promise.all(clients.map((c) => c.until(() => c.state.animation.column === column, undefined, `column ${column} lit`)));
}

describeEachDatabase("the forward-pass animation", (db) => {
  const server = serverForSuite(db);

  it("steps column 0 then 1 on a phone and on the projector view, and stops", async () => {
    const cls = await openClass(server, 1);
    const projector = await cls.openProjector();
    expect(projector.you).toEqual({ role: "viewer", participantId: null });
    const screens = [cls.students[0]!.client, projector];
    for (const screen of screens) expect(screen.state.animation.column).toBeNull();

    await cls.teacher.sendOk("animation:step", {});
    await allShowColumn(screens, 0);
    await cls.teacher.sendOk("animation:step", {});
    await allShowColumn(screens, 1);
    for (const screen of screens) expect(screen.state.animation.playing).toBe(false);

    await cls.teacher.sendOk("animation:stop", {});
    await allShowColumn(screens, null);
  });

  it("refuses animation:play from a student and from the projector view, and nothing moves", async () => {
    const cls = await openClass(server, 1);
    const projector = await cls.openProjector();
    const fromStudent = await cls.students[0]!.client.send("animation:play", {});
    expect(fromStudent).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.any(String) } });
    const fromProjector = await projector.send("animation:play", {});
    expect(fromProjector).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const now = await cls.teacher.sync();
    expect(now.state.animation).toEqual({ column: null, playing: false, at: null });
  });
});
