/**
 * Reading a session back from its log: every row is parsed with its event's schema, a
 * corrupt row names its session and seq, and a snapshot written in an older state shape is
 * ignored in favour of the log.
 */
import { describe, expect, it } from "vitest";
import { CorruptEventError, parseStoredEvent } from "../../lib/session/event-schemas";
import { STATE_VERSION } from "../../lib/session/state";
import { loadSessionState, toSnapshot } from "../../server/rooms/load-state";
import { MemoryStorage } from "../helpers/memory-storage";
import { createdEvent } from "../helpers/session-fixtures";

async function sessionWithLog(rows: { type: string; payload: unknown }[]) {
  const storage = new MemoryStorage();
  const created = createdEvent();
  await storage.createSession({ id: "sess-1", code: "K7QF3M" });
  await storage.append("sess-1", 1, [{ type: created.type, payload: created.payload, actor: null }, ...rows.map((r) => ({ ...r, actor: "t" }))]);
  return storage;
}

describe("rows read from the log", () => {
  it("parses a well-formed row into a typed event with its time", () => {
    const at = new Date("2026-11-25T09:00:00Z");
    const e = parseStoredEvent("sess-1", { seq: 4, type: "inputs.set", payload: { inputs: [0.5, 1] }, actor: "t", at });
    expect(e).toEqual({ seq: 4, type: "inputs.set", payload: { inputs: [0.5, 1] }, actor: "t", at: at.getTime() });
  });

  it("names the session and seq of a corrupt row instead of crashing a fold", async () => {
    expect(() => parseStoredEvent("sess-1", { seq: 7, type: "inputs.set", payload: { inputs: ["x"] }, actor: null })).toThrow(
      /session sess-1, event 7: inputs\.set: inputs\.0/,
    );
    expect(() => parseStoredEvent("sess-1", { seq: 8, type: "made.up", payload: {}, actor: null })).toThrow(CorruptEventError);
    const storage = await sessionWithLog([{ type: "entry.set", payload: { studentId: "p1" } }]);
    await expect(loadSessionState(storage, "sess-1")).rejects.toThrow(/session sess-1, event 2: entry\.set/);
  });

  it("ignores a snapshot of an older state version and rebuilds from the log", async () => {
    const storage = await sessionWithLog([{ type: "inputs.set", payload: { inputs: [0.25, 0.75] } }]);
    await storage.saveSnapshot("sess-1", { seq: 2, state: { version: STATE_VERSION - 1, state: { inputs: [9, 9] } } });
    const loaded = await loadSessionState(storage, "sess-1");
    expect(loaded!.seq).toBe(2);
    expect(loaded!.state.inputs).toEqual([0.25, 0.75]);
    expect(loaded!.state.threshold).toBe(0.5);
  });

  it("starts from a snapshot of the current version", async () => {
    const storage = await sessionWithLog([{ type: "inputs.set", payload: { inputs: [0.25, 0.75] } }]);
    const fromLog = (await loadSessionState(storage, "sess-1"))!;
    // A snapshot whose inputs differ from the log shows that loading started from it.
    await storage.saveSnapshot("sess-1", { seq: 2, state: toSnapshot({ ...fromLog.state, inputs: [0.1, 0.2] }) });
    expect((await loadSessionState(storage, "sess-1"))!.state.inputs).toEqual([0.1, 0.2]);
  });
});
