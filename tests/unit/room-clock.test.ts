/**
 * The room's clock, timers and jobs, driven by a fake clock (no test sleeps): the forward
 * pass plays on its own one column per step; jobs bring events back with a bound on how
 * many run at once; a commit whose reply was lost is re-read, not guessed; a database error
 * after a commit is logged, never an unhandled rejection.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pino } from "pino";
import { createState } from "../../lib/session/reducer";
import { PASS_STEP_MS } from "../../lib/session/state";
import type { Channel, RoomMessage } from "../../server/rooms/fanout";
import { CommitError, Room } from "../../server/rooms/room";
import { MemoryStorage } from "../helpers/memory-storage";
import { TEACHER, createdEvent } from "../helpers/session-fixtures";

const silent = pino({ level: "silent" });
const START = 1_700_000_000_000;

async function setup(storage = new MemoryStorage(), extra: { onIdle?: () => void; log?: typeof silent } = {}) {
  const created = createdEvent();
  await storage.createSession({ id: "sess-1", code: "K7QF3M" });
  await storage.append("sess-1", 1, [{ type: created.type, payload: created.payload, actor: null }]);
  const delivered: { channel: Channel; message: RoomMessage }[] = [];
  const room = new Room("sess-1", createState(created), 1, {
    storage,
    log: extra.log ?? silent,
    deliver: (channel, message) => delivered.push({ channel, message }),
    tickMs: 25,
    snapshotEvery: 1000,
    now: () => Date.now(),
    random: () => 0.5,
    onIdle: extra.onIdle,
  });
  return { room, storage, delivered };
}

/** Lets the fake clock run `ms` and every promise settle in between. */
async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"], now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("timers from the state", () => {
  it("plays the forward pass column by column on its own, then lights everything", async () => {
    const { room, storage } = await setup();
    const played = room.run(TEACHER, { name: "animation:play", payload: {} });
    await advance(25);
    await played;
    expect(room.committed.animation).toEqual({ column: 0, playing: true, at: START });
    // The default network has two layers: columns 0 (inputs), 1, 2, then the end.
    const seen: (number | null)[] = [];
    for (let step = 1; step <= 3; step++) {
      await advance(PASS_STEP_MS);
      await room.flushNow();
      seen.push(room.committed.animation.column);
    }
    expect(seen).toEqual([1, 2, null]);
    expect(room.committed.animation.playing).toBe(false);
    const logged = (await storage.read("sess-1", 1)).filter((e) => e.type === "animation.set");
    expect(logged.map((e) => (e.payload as { column: number | null }).column)).toEqual([0, 1, 2, null]);
    // Each step is stamped with the room's time, so a replay shows it when it happened.
    expect(logged.map((e) => (e.payload as { at: number }).at - START)).toEqual([0, 900, 1800, 2700]);
    await advance(5 * PASS_STEP_MS);
    expect((await storage.read("sess-1", 1)).filter((e) => e.type === "animation.set")).toHaveLength(4);
  });

  it("stops advancing when the teacher stops or steps by hand", async () => {
    const { room } = await setup();
    void room.run(TEACHER, { name: "animation:play", payload: {} });
    await advance(PASS_STEP_MS + 30);
    expect(room.committed.animation.column).toBe(1);
    void room.run(TEACHER, { name: "animation:step", payload: {} });
    await advance(30);
    expect(room.committed.animation).toMatchObject({ column: 2, playing: false });
    await advance(3 * PASS_STEP_MS);
    expect(room.committed.animation).toMatchObject({ column: 2, playing: false });
  });

  it("picks a playing animation back up after a restart, from the state alone", async () => {
    const { room, storage } = await setup();
    void room.run(TEACHER, { name: "animation:play", payload: {} });
    await advance(30);
    room.dispose();
    const again = new Room("sess-1", room.committed, room.seq, {
      storage,
      log: silent,
      deliver: () => {},
      tickMs: 25,
      snapshotEvery: 1000,
      now: () => Date.now(),
    });
    await advance(PASS_STEP_MS);
    await again.flushNow();
    expect(again.committed.animation.column).toBe(1);
    again.dispose();
  });
});

describe("commits that fail", () => {
  it("acknowledges a commit whose reply was lost but which did land, after re-reading the log", async () => {
    const storage = new MemoryStorage();
    const { room } = await setup(storage);
    const append = storage.append.bind(storage);
    storage.append = async (...args) => {
      await append(...args);
      throw new Error("connection reset after commit");
    };
    const done = room.run(TEACHER, { name: "network:set-inputs", payload: { inputs: [0.3, 0.7] } });
    await advance(30);
    await expect(done).resolves.toBe(2);
    expect(room.seq).toBe(2);
    expect(room.committed.inputs).toEqual([0.3, 0.7]);
    // The room did not freeze: the next command is stored at the next seq.
    storage.append = append;
    const next = room.run(TEACHER, { name: "network:set-inputs", payload: { inputs: [0.5, 0.5] } });
    await advance(30);
    await expect(next).resolves.toBe(3);
  });

  it("says it could not confirm when the database can be neither written nor read", async () => {
    const storage = new MemoryStorage();
    const { room } = await setup(storage);
    storage.append = async () => {
      throw new Error("down");
    };
    storage.read = async () => {
      throw new Error("down");
    };
    const done = room.run(TEACHER, { name: "network:set-inputs", payload: { inputs: [0.3, 0.7] } });
    const failed = done.catch((err: unknown) => err);
    await advance(30);
    const err = await failed;
    expect(err).toBeInstanceOf(CommitError);
    expect((err as CommitError).code).toBe("UNAVAILABLE");
    expect((err as CommitError).message).toMatch(/could not confirm/);
    expect(room.broken).toBe(true);
  });

  it("logs a database error while marking the session ended instead of leaving a floating promise", async () => {
    const storage = new MemoryStorage();
    const errors: unknown[] = [];
    const log = pino({ level: "error" }, { write: (line: string) => errors.push(JSON.parse(line)) });
    const { room } = await setup(storage, { log });
    storage.endSession = async () => {
      throw new Error("database went away");
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const done = room.run(TEACHER, { name: "room:end", payload: {} });
      await advance(30);
      await done;
      await advance(30);
      expect(room.committed.status).toBe("ended");
      expect(JSON.stringify(errors)).toMatch(/could not mark the session ended/);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});

describe("idle rooms", () => {
  it("says it is idle once its last client leaves and nothing is pending", async () => {
    const onIdle = vi.fn();
    const { room } = await setup(undefined, { onIdle });
    room.connect({ id: "c1", viewer: { role: "teacher", participantId: "t" }, send: () => {}, close: () => {} });
    await advance(30);
    expect(onIdle).not.toHaveBeenCalled();
    room.disconnect("c1");
    await advance(30);
    expect(onIdle).toHaveBeenCalled();
    expect(room.idle).toBe(true);
  });
});
