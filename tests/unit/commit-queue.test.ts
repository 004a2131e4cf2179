/**
 * The process's commit queue under real rooms: the appends of every room due together go in
 * one transaction and each room is acknowledged with its own seqs; one room's stale seqs are
 * refused to that room alone ("nothing was changed"), the others land; a request that waited
 * past the commit deadline is never sent; a database failure fails every room of the batch,
 * each of which re-reads the log.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { pino } from "pino";
import type { AppendRequest } from "../../db/storage";
import { createState } from "../../lib/session/reducer";
import { CommitQueue, NotSentError } from "../../server/rooms/commit-queue";
import { CommitError, Room } from "../../server/rooms/room";
import { MemoryStorage } from "../helpers/memory-storage";
import { TEACHER, createdEvent } from "../helpers/session-fixtures";

const silent = pino({ level: "silent" });
const outcome = (p: Promise<number>) => p.then((seq) => ({ seq }), (err: unknown) => ({ err: err as Error }));

/** A MemoryStorage that records each batch it is given (what one transaction would carry); a lone request goes to `append`. */
class CountingStorage extends MemoryStorage {
  batches: string[][] = [];
  override async appendBatch(requests: readonly AppendRequest[]) {
    this.batches.push(requests.map((r) => r.sessionId));
    return super.appendBatch(requests);
  }
}

async function rooms(n: number, storage: CountingStorage, queue: CommitQueue, timeline: string[] = []) {
  const created = createdEvent();
  const list: Room[] = [];
  for (let i = 1; i <= n; i++) {
    await storage.createSession({ id: `sess-${i}`, code: `CODE0${i}` });
    await storage.append(`sess-${i}`, 1, [{ type: created.type, payload: created.payload, actor: null }]);
    list.push(new Room(`sess-${i}`, createState(created), 1, { storage, commits: queue, log: silent, deliver: (_c, m) => void timeline.push(`${m.event} sess-${i}`), tickMs: 25, snapshotEvery: 1000, random: () => 0.5 }));
  }
  return list;
}

/** Every room's command at the same moment, so their ticks fall due together (as at a tick boundary). */
async function together(list: Room[], value: (i: number) => number) {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const acks = list.map((room, i) => outcome(setInputs(room, value(i))));
  vi.advanceTimersByTime(30);
  vi.useRealTimers();
  return Promise.all(acks);
}

afterEach(() => {
  vi.useRealTimers();
});

const setInputs = (room: Room, a: number) => room.run(TEACHER, { name: "network:set-inputs", payload: { inputs: [a, 0] } });
const inputsIn = async (storage: MemoryStorage, id: string) => (await storage.read(id, 2)).map((e) => (e.payload as { inputs: number[] }).inputs[0]);

describe("the process's commit queue", () => {
  it("commits the rooms due together in one transaction, each acknowledged with its own seq", async () => {
    const storage = new CountingStorage();
    const queue = new CommitQueue(storage);
    const list = await rooms(3, storage, queue);
    const acks = await together(list, (i) => 0.1 * (i + 1));
    expect(acks).toEqual([{ seq: 2 }, { seq: 2 }, { seq: 2 }]);
    expect(storage.batches).toEqual([["sess-1", "sess-2", "sess-3"]]);
    expect(await inputsIn(storage, "sess-1")).toEqual([0.1]);
    expect(await inputsIn(storage, "sess-3")).toEqual([0.30000000000000004]);
    expect(list.map((r) => r.seq)).toEqual([2, 2, 2]);
  });

  it("answers every room of a transaction before it broadcasts any of them", async () => {
    const storage = new CountingStorage();
    const timeline: string[] = [];
    const list = await rooms(3, storage, new CommitQueue(storage), timeline);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const acks = list.map((room, i) => setInputs(room, 0.5).then(() => void timeline.push(`ack sess-${i + 1}`)));
    vi.advanceTimersByTime(30);
    vi.useRealTimers();
    await Promise.all(acks);
    await new Promise((r) => setImmediate(r));
    expect(storage.batches).toEqual([["sess-1", "sess-2", "sess-3"]]);
    // Each room sends one update, which every kind of viewer (teacher, student, projector) shares.
    expect(timeline).toEqual(["ack sess-1", "ack sess-2", "ack sess-3", "session:update sess-1", "session:update sess-2", "session:update sess-3"]);
  });

  it("refuses one room's stale seqs to that room alone; the others in the same transaction land", async () => {
    const storage = new CountingStorage();
    const queue = new CommitQueue(storage);
    const list = await rooms(3, storage, queue);
    // Another writer takes sess-2's next seq: the room's append at seq 2 is stale.
    await storage.append("sess-2", 2, [{ type: "inputs.set", payload: { inputs: [0.9, 0.9] }, actor: null }]);
    const acks = await together(list, (i) => 0.1 * (i + 1));
    expect(storage.batches).toEqual([["sess-1", "sess-2", "sess-3"]]);
    expect(acks[0]).toEqual({ seq: 2 });
    expect(acks[2]).toEqual({ seq: 2 });
    const { err } = acks[1] as { err: CommitError };
    expect(err).toBeInstanceOf(CommitError);
    expect(err.message).toBe("Your change could not be saved; nothing was changed. Try again.");
    expect(await inputsIn(storage, "sess-1")).toEqual([0.1]);
    expect(await inputsIn(storage, "sess-2")).toEqual([0.9]);
    // The refused room took the log's state and goes on at the next seq.
    expect(list[1]!.committed.inputs).toEqual([0.9, 0.9]);
    expect(await outcome(setInputs(list[1]!, 0.5))).toEqual({ seq: 3 });
  });

  it("fails every room of a transaction the database fails; each re-reads the log and goes on", async () => {
    const storage = new CountingStorage();
    const queue = new CommitQueue(storage);
    const list = await rooms(2, storage, queue);
    const batch = storage.appendBatch.bind(storage);
    storage.appendBatch = async () => {
      throw new Error("connection reset");
    };
    const acks = await together(list, (i) => 0.1 * (i + 1));
    for (const a of acks) expect((a as { err: CommitError }).err.message).toMatch(/nothing was changed/);
    expect(await storage.headSeq("sess-1")).toBe(1);
    storage.appendBatch = batch;
    expect(await together(list, () => 0.7)).toEqual([{ seq: 2 }, { seq: 2 }]);
  });

  it("never sends a request that waited past its deadline, and the next transaction takes the rest", async () => {
    const storage = new CountingStorage();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const append = storage.append.bind(storage);
    storage.append = async (...args) => {
      await held;
      return append(...args);
    };
    const queue = new CommitQueue(storage, { staleAfterMs: 20 });
    await storage.createSession({ id: "a", code: "AAAAAA" });
    await storage.createSession({ id: "b", code: "BBBBBB" });
    const first = queue.append("a", 1, [{ type: "x", payload: {}, actor: null }]);
    await new Promise((r) => setImmediate(r));
    // Waits behind the held transaction longer than 20 ms.
    const stale = queue.append("b", 1, [{ type: "stale", payload: {}, actor: null }]).catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 40));
    const fresh = queue.append("a", 2, [{ type: "y", payload: {}, actor: null }]);
    release();
    expect((await first).map((e) => e.seq)).toEqual([1]);
    expect(await stale).toBeInstanceOf(NotSentError);
    expect((await fresh).map((e) => e.seq)).toEqual([2]);
    expect(await storage.headSeq("b")).toBe(0);
  });
});
