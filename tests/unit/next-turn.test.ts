/** The shared line of rooms' broadcasts (server/rooms/next-turn.ts): later, in order, in slices that let other work in. */
import { describe, expect, it } from "vitest";
import { NextTurn, SLICE_MS } from "../../server/rooms/next-turn";

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // a room's broadcast writing to its sockets
  }
};

describe("NextTurn", () => {
  it("runs after the promise callbacks of the same turn, each room's work in order", async () => {
    const seen: string[] = [];
    const a = new NextTurn();
    const b = new NextTurn();
    a.later(() => seen.push("a1"));
    b.later(() => seen.push("b1"));
    a.later(() => seen.push("a2"));
    void Promise.resolve().then(() => seen.push("ack"));
    expect(seen).toEqual([]);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(["ack", "a1", "a2", "b1"]);
  });

  it("gives the event loop back between slices, so work queued meanwhile runs before the rest", async () => {
    const seen: string[] = [];
    const rooms = Array.from({ length: 6 }, () => new NextTurn());
    rooms.forEach((room, i) =>
      room.later(() => {
        busy(SLICE_MS / 2 + 1);
        seen.push(`room ${i}`);
        // A commit's acknowledgements, queued while the first room writes.
        if (i === 0) setImmediate(() => seen.push("commit"));
      }),
    );
    while (seen.length < 7) await new Promise((r) => setTimeout(r, 5));
    const commit = seen.indexOf("commit");
    expect(commit).toBeGreaterThan(0);
    expect(commit).toBeLessThan(6);
    expect(seen.filter((s) => s !== "commit")).toEqual(rooms.map((_, i) => `room ${i}`));
  });

  it("now() runs what is waiting at once, and only once", async () => {
    const seen: string[] = [];
    const a = new NextTurn();
    a.later(() => seen.push("a1"));
    a.now();
    expect(seen).toEqual(["a1"]);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(["a1"]);
  });
});
