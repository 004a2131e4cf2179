/**
 * The room without Socket.IO: in-memory clients and the in-memory storage double (which
 * passes the storage contract suite). Commits before acknowledgements and broadcasts,
 * one update per tick, slider folding, rollback when the database fails.
 */
import { describe, expect, it, vi } from "vitest";
import { pino } from "pino";
import type { SessionEvent } from "../../lib/session/events";
import { createState } from "../../lib/session/reducer";
import type { LoggedEvent } from "../../lib/session/events";
import { BroadcastGate } from "../../server/rooms/broadcast-gate";
import { PendingBatch } from "../../server/rooms/pending-batch";
import type { SessionUpdate } from "../../lib/protocol/server-events";
import type { Channel, RoomMessage } from "../../server/rooms/fanout";
import { CommitError, loadSessionState, Room, type RoomClient } from "../../server/rooms/room";
import { MemoryStorage } from "../helpers/memory-storage";
import { createdEvent } from "../helpers/session-fixtures";

const silent = pino({ level: "silent" });
const joined = (id: string): SessionEvent => ({ type: "student.joined", payload: { studentId: id, nickname: id } });
const entry = (id: string, bias: number): SessionEvent => ({
  type: "entry.set",
  payload: { studentId: id, values: { weights: [1, 1], bias } },
});

async function setup(storage = new MemoryStorage()) {
  const created = createdEvent();
  await storage.createSession({ id: "sess-1", code: "K7QF3M" });
  await storage.append("sess-1", 1, [{ type: created.type, payload: created.payload, actor: null }]);
  /** What the teacher kind's channel received, one entry per tick. */
  const broadcasts: SessionUpdate[] = [];
  const delivered: { channel: Channel; message: RoomMessage }[] = [];
  const room = new Room("sess-1", createState(created), 1, {
    storage,
    log: silent,
    deliver: (channel, message) => {
      delivered.push({ channel, message });
      const toTeacher = ("kind" in channel && channel.kind === "teacher") || ("kinds" in channel && channel.kinds.includes("teacher"));
      if (toTeacher && message.event === "session:update") broadcasts.push(message.payload);
    },
    tickMs: 5,
    snapshotEvery: 4,
  });
  return { room, storage, broadcasts, delivered };
}

function client(id: string, participantId: string | null, inbox: RoomMessage[]): RoomClient & { closed: boolean } {
  const c = {
    id,
    viewer: participantId ? { role: "student" as const, participantId } : { role: "viewer" as const, participantId: null },
    closed: false,
    send: (message: RoomMessage) => inbox.push(message),
    close: () => (c.closed = true),
  };
  return c;
}

describe("BroadcastGate", () => {
  it("sends at once after a quiet tick, then holds and merges what comes within the tick", () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
    const sent: number[][] = [];
    const gate = new BroadcastGate<LoggedEvent>((events) => sent.push(events.map((e) => e.seq)), 30);
    const ev = (seq: number) => ({ seq, type: "inputs.set", payload: { inputs: [] }, actor: null }) as LoggedEvent;
    gate.push([ev(1)], false);
    gate.push([ev(2)], false);
    gate.push([ev(3)], true);
    expect(sent).toEqual([[1]]);
    vi.advanceTimersByTime(29);
    expect(sent).toEqual([[1]]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([[1], [2, 3]]);
    vi.useRealTimers();
  });
});

describe("PendingBatch", () => {
  it("folds a student's entries between barriers into the last one, in arrival order", () => {
    const batch = new PendingBatch();
    batch.add({ event: entry("p", 1), actor: "p" });
    batch.add({ event: entry("q", 2), actor: "q" });
    batch.add({ event: entry("p", 3), actor: "p" });
    batch.add({ event: { type: "inputs.set", payload: { inputs: [0, 0] } }, actor: "t" });
    batch.add({ event: entry("p", 4), actor: "p" });
    const taken = batch.take().map((i) => (i.event.type === "entry.set" ? `${i.actor}:${i.event.payload.values.bias}` : i.event.type));
    expect(taken).toEqual(["q:2", "p:3", "inputs.set", "p:4"]);
    expect(batch.size).toBe(0);
  });
});

describe("Room", () => {
  it("decides on the working state at once but shows and acknowledges only what is stored", async () => {
    const { room, storage, broadcasts } = await setup();
    const done = room.submit([joined("p1")], "p1");
    expect(room.working.students.p1).toBeDefined();
    expect(room.committed.students.p1).toBeUndefined();
    expect(await storage.headSeq("sess-1")).toBe(1);
    expect(await done).toBe(2);
    expect(await storage.headSeq("sess-1")).toBe(2);
    await room.flushNow();
    expect(room.committed.students.p1!.seat).toEqual({ layer: 0, neuron: 0 });
    expect(broadcasts.at(-1)!.events.map((e) => [e.seq, e.type])).toEqual([[2, "student.joined"]]);
  });

  it("logs one event per student per tick for a burst of slider moves, and one broadcast", async () => {
    const { room, storage, broadcasts } = await setup();
    await room.submit([joined("p1"), joined("p2")], null);
    await room.flushNow();
    const before = broadcasts.length;
    const acks = [];
    for (let i = 1; i <= 20; i++) acks.push(room.submit([entry(i % 2 ? "p1" : "p2", i / 10)], null));
    await Promise.all(acks);
    await room.flushNow();
    expect(broadcasts.length - before).toBe(1);
    const stored = await storage.read("sess-1", 4);
    expect(stored.map((e) => (e.payload as { values: { bias: number } }).values.bias)).toEqual([1.9, 2]);
    expect(room.committed.students.p1!.entry!.bias).toBe(1.9);
  });

  it("sends a snapshot of the stored state on connect and presence with the next update", async () => {
    const { room, broadcasts } = await setup();
    const inbox: RoomMessage[] = [];
    void room.submit([joined("p1")], "p1");
    room.connect(client("c1", "p1", inbox));
    const first = inbox[0]!;
    if (first.event !== "session:snapshot") throw new Error(`expected a snapshot, got ${first.event}`);
    expect(first.payload.seq).toBe(1);
    expect(first.payload.state.students).toEqual({});
    await room.flushNow();
    expect(broadcasts.at(-1)).toMatchObject({ online: ["p1"], events: [{ seq: 2 }] });
  });

  it("refuses everything of a batch the database did not take, and rolls the working state back", async () => {
    const storage = new MemoryStorage();
    const { room } = await setup(storage);
    storage.append = async () => {
      throw new Error("disk full");
    };
    const done = room.submit([joined("p1")], "p1");
    await expect(done).rejects.toBeInstanceOf(CommitError);
    expect(room.working.students.p1).toBeUndefined();
    expect(room.seq).toBe(1);
  });

  it("closes a removed student's clients once the removal is stored", async () => {
    const { room, delivered } = await setup();
    await room.submit([joined("p1")], "p1");
    const phone = client("c1", "p1", []);
    room.connect(phone);
    await room.submit([{ type: "student.removed", payload: { studentId: "p1" } }], "t");
    // The fan-out (and what follows a commit) comes a turn after the acknowledgement.
    expect(phone.closed).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(phone.closed).toBe(true);
    expect(delivered.some((d) => "participant" in d.channel && d.channel.participant === "p1" && d.message.event === "session:removed")).toBe(true);
  });

  it("is rebuilt from a snapshot plus the events after it", async () => {
    const { room, storage } = await setup();
    await room.submit([joined("p1"), joined("p2"), joined("p3")], null);
    await room.submit([entry("p1", 0.5), entry("p2", -0.5)], null);
    await room.submit([{ type: "inputs.set", payload: { inputs: [0.1, 0.2] } }], null);
    expect((await storage.latestSnapshot("sess-1"))!.seq).toBeGreaterThan(1);
    const loaded = await loadSessionState(storage, "sess-1", 2);
    expect(loaded).toEqual({ seq: room.seq, state: room.committed });
  });
});
