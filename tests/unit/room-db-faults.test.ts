/**
 * The room when the database stalls or goes away, on a fake clock: a commit past its
 * deadline is "could not confirm" unless the log shows it; seqs taken by other events mean
 * "nothing was changed" for certain; a room that cannot re-read refuses at once and heals
 * itself; commit health (what /api/health reads) follows all of it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pino } from "pino";
import { createState } from "../../lib/session/reducer";
import { CommitHealth } from "../../server/rooms/commit-health";
import { CommitError, COMMIT_DEADLINE_MS, DatabaseUnavailableError, Room } from "../../server/rooms/room";
import { MemoryStorage } from "../helpers/memory-storage";
import { TEACHER, createdEvent } from "../helpers/session-fixtures";

const silent = pino({ level: "silent" });
const never = () => new Promise<never>(() => {});

async function setup() {
  const storage = new MemoryStorage();
  const health = new CommitHealth();
  const created = createdEvent();
  await storage.createSession({ id: "sess-1", code: "K7QF3M" });
  await storage.append("sess-1", 1, [{ type: created.type, payload: created.payload, actor: null }]);
  const room = new Room("sess-1", createState(created), 1, {
    storage,
    log: silent,
    deliver: () => {},
    tickMs: 25,
    snapshotEvery: 1000,
    random: () => 0.5,
    health,
  });
  const setInputs = (a: number) => room.run(TEACHER, { name: "network:set-inputs", payload: { inputs: [a, 0] } });
  return { room, storage, health, setInputs };
}

const outcome = (p: Promise<number>) => p.then((seq) => ({ seq }), (err: unknown) => ({ err }));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance", "Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("a commit past its deadline", () => {
  it("is 'could not confirm' when the log does not show it yet, and the room goes on", async () => {
    const { room, storage, health, setInputs } = await setup();
    const append = storage.append.bind(storage);
    storage.append = never;
    const done = outcome(setInputs(0.3));
    await vi.advanceTimersByTimeAsync(25 + COMMIT_DEADLINE_MS + 10);
    const { err } = (await done) as { err: CommitError };
    expect(err).toBeInstanceOf(CommitError);
    expect(err.code).toBe("UNAVAILABLE");
    expect(err.message).toMatch(/could not confirm/);
    expect(room.broken).toBe(false);
    // The re-read worked: the room is in step with the database again, so health has nothing to add.
    expect(health.problem()).toBeNull();
    storage.append = append;
    const next = outcome(setInputs(0.4));
    await vi.advanceTimersByTimeAsync(30);
    expect(await next).toEqual({ seq: 2 });
  });

  it("is acknowledged when the log shows it landed", async () => {
    const { storage, setInputs } = await setup();
    const append = storage.append.bind(storage);
    storage.append = async (...args) => {
      await append(...args);
      return never();
    };
    const done = outcome(setInputs(0.3));
    await vi.advanceTimersByTimeAsync(25 + COMMIT_DEADLINE_MS + 10);
    expect(await done).toEqual({ seq: 2 });
  });
});

describe("a commit whose seqs another writer took", () => {
  it("is 'nothing was changed', known from the log, and the room takes the log's state", async () => {
    const { room, storage, setInputs } = await setup();
    const append = storage.append.bind(storage);
    storage.append = async (id, _from, rows) => {
      await append(id, 2, [{ type: "inputs.set", payload: { inputs: [0.9, 0.9] }, actor: null }]);
      storage.append = append;
      return append(id, 2, rows);
    };
    const done = outcome(setInputs(0.3));
    await vi.advanceTimersByTimeAsync(30);
    const { err } = (await done) as { err: CommitError };
    expect(err.code).toBe("INTERNAL");
    expect(err.message).toMatch(/nothing was changed/);
    expect(room.committed.inputs).toEqual([0.9, 0.9]);
    expect(room.seq).toBe(2);
  });
});

describe("a room that cannot re-read the database", () => {
  it("refuses at once with 'try again', then re-reads by itself and takes commands again", async () => {
    const { room, storage, health, setInputs } = await setup();
    const append = storage.append.bind(storage);
    const read = storage.read.bind(storage);
    const settled = storage.settledHeadSeq.bind(storage);
    const down = async () => {
      throw new Error("connection refused");
    };
    storage.append = down;
    storage.read = down;
    storage.settledHeadSeq = down;
    const done = outcome(setInputs(0.3));
    await vi.advanceTimersByTimeAsync(30);
    expect(((await done) as { err: CommitError }).err.code).toBe("UNAVAILABLE");
    expect(room.broken).toBe(true);
    expect(() => setInputs(0.4)).toThrow(DatabaseUnavailableError);
    expect(health.problem()).toMatch(/could not be saved in 1 session/);

    storage.append = append;
    storage.read = read;
    storage.settledHeadSeq = settled;
    await vi.advanceTimersByTimeAsync(1000);
    expect(room.broken).toBe(false);
    expect(health.problem()).toBeNull();
    const next = outcome(setInputs(0.5));
    await vi.advanceTimersByTimeAsync(30);
    expect(await next).toEqual({ seq: 2 });
  });
});
