/**
 * Seeking and the history pass over a log in the in-memory storage: the state at every seq
 * equals the fold up to it, from whichever snapshot is nearest (older-version snapshots are
 * skipped), whatever the page size, with runs of slider moves folded each student's last; the pass records who sat on a neuron and its changes.
 */
import { describe, expect, it } from "vitest";
import type { SessionEvent } from "../../lib/session/events";
import { applyEvent } from "../../lib/session/reducer";
import { STATE_VERSION, type SessionState } from "../../lib/session/state";
import { HistoryPass } from "../../server/replay/history";
import { foldRange, stateAt } from "../../server/replay/seek";
import { toSnapshot } from "../../server/rooms/load-state";
import { MemoryStorage } from "../helpers/memory-storage";
import { createdEvent, join, newSession, run, setMine } from "../helpers/session-fixtures";

/** A small class: three students join, move, one is moved to another neuron, the inputs change. */
async function classLog(): Promise<{ storage: MemoryStorage; states: SessionState[] }> {
  const storage = new MemoryStorage();
  await storage.createSession({ id: "sess-1", code: "K7QF3M" });
  const state = newSession();
  const events: SessionEvent[] = [createdEvent()];
  const states: SessionState[] = [structuredClone(state)];
  /** Decides on a scratch copy, then folds each event into `state`, recording the state after it. */
  const step = (decideOn: (scratch: SessionState) => SessionEvent[]) => {
    for (const e of decideOn(structuredClone(state))) {
      Object.assign(state, applyEvent(state, e));
      events.push(e);
      states.push(structuredClone(state));
    }
  };
  const teacher = { role: "teacher" as const, id: "t" };
  for (const id of ["p1", "p2", "p3"]) step((s) => join(s, id, `Name ${id}`));
  for (let round = 1; round <= 4; round++) step((s) => setMine(s, `p${(round % 3) + 1}`, { bias: round / 10 }));
  step((s) => run(s, teacher, { name: "student:move", payload: { studentId: "p1", seat: { layer: 0, neuron: 1 } } }));
  step((s) => run(s, teacher, { name: "network:set-inputs", payload: { inputs: [0.5, 0.25] } }));
  step((s) => setMine(s, "p2", { bias: -0.5 }));
  await storage.append("sess-1", 1, events.map((e) => ({ type: e.type, payload: e.payload, actor: null })));
  return { storage, states };
}

describe("seeking", () => {
  it("gives the fold up to every seq, from the nearest usable snapshot, in any page size", async () => {
    const { storage, states } = await classLog();
    await storage.saveSnapshot("sess-1", { seq: 4, state: toSnapshot(states[3]!) });
    // An older version's snapshot (nonsense inside) must be skipped, not used.
    await storage.saveSnapshot("sess-1", { seq: 8, state: { version: STATE_VERSION - 1, state: { inputs: [9, 9] } } });
    for (let seq = 1; seq <= states.length; seq++) {
      const found = await stateAt(storage, "sess-1", seq);
      expect(found?.seq).toBe(seq);
      expect(found?.state).toEqual(states[seq - 1]);
      expect(typeof found?.at).toBe("number");
    }
    const near = (await stateAt(storage, "sess-1", 6))!;
    expect((await stateAt(storage, "sess-1", 9, near))!.state).toEqual(states[8]);
    expect(await stateAt(storage, "sess-1", states.length + 1)).toBeNull();
    // Pages of 2 and 3 cut the runs of moves anywhere: every end state is still the fold's.
    for (let to = 1; to <= states.length; to++) {
      for (const pageSize of [2, 3]) {
        expect((await foldRange(storage, "sess-1", { seq: 0, state: null }, to, undefined, { pageSize })).state).toEqual(states[to - 1]);
        expect((await foldRange(storage, "sess-1", { seq: 0, state: null }, to, undefined, { pageSize, quick: true })).state).toEqual(states[to - 1]);
      }
    }
  });

  it("records who held a neuron and its changes in one pass", async () => {
    const { storage, states } = await classLog();
    const pass = new HistoryPass();
    await foldRange(storage, "sess-1", { seq: 0, state: null }, states.length, (event, after) => pass.add(event, event.at!, after), { quick: true });
    const end = states.at(-1)!;
    const seatOf = (id: string) => end.students[id]!.seat!;
    const p1 = seatOf("p1");
    const history = pass.neuron(p1.layer, p1.neuron, false)!;
    expect(history.holders.filter((h) => h.to === null).map((h) => h.studentId)).toContain("p1");
    const last = history.points.at(-1)!;
    const values = end.network.layers[p1.layer]!.neurons[p1.neuron]!;
    expect({ weights: last.weights, bias: last.bias }).toEqual({ weights: values.weights, bias: values.bias });
    expect(pass.neuron(p1.layer, p1.neuron, true)!.holders.every((h) => h.nickname === "")).toBe(true);
    expect(pass.neuron(9, 0, false)).toBeNull();
    expect(pass.prediction().labels).toEqual(end.outputLabels);
  });
});
