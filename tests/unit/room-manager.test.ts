/**
 * The rooms of one process: a room whose last client left is dropped from memory after a
 * while (its state reloads from the log on demand), and a client coming back in time keeps it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pino } from "pino";
import { RoomManager } from "../../server/rooms/room-manager";
import { MemoryStorage } from "../helpers/memory-storage";
import { TEACHER } from "../helpers/session-fixtures";

const teacherClient = (id: string) => ({ id, viewer: { role: "teacher" as const, participantId: "t" }, send: () => {}, close: () => {} });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

function manager(storage = new MemoryStorage()) {
  return new RoomManager({ storage, log: pino({ level: "silent" }), deliverTo: () => () => {}, evictAfterMs: 60_000 });
}

describe("RoomManager", () => {
  it("drops a room some time after its last client left, and reloads the same state on demand", async () => {
    const rooms = manager();
    const { sessionId } = await rooms.create();
    const room = (await rooms.get(sessionId))!;
    room.connect(teacherClient("c1"));
    const done = room.run(TEACHER, { name: "network:set-inputs", payload: { inputs: [0.3, 0.6] } });
    await vi.advanceTimersByTimeAsync(50);
    await done;
    room.disconnect("c1");
    await vi.advanceTimersByTimeAsync(50);
    expect(rooms.loadedCount).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rooms.loadedCount).toBe(0);
    const again = (await rooms.get(sessionId))!;
    expect(again).not.toBe(room);
    expect(again.committed.inputs).toEqual([0.3, 0.6]);
    expect(again.seq).toBe(room.seq);
  });

  it("keeps a room whose client came back before the time was up", async () => {
    const rooms = manager();
    const { sessionId } = await rooms.create();
    const room = (await rooms.get(sessionId))!;
    room.connect(teacherClient("c1"));
    await vi.advanceTimersByTimeAsync(50);
    room.disconnect("c1");
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await rooms.get(sessionId)).toBe(room);
    room.connect(teacherClient("c2"));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(await rooms.get(sessionId)).toBe(room);
  });
});
