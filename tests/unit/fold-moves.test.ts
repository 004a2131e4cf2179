/**
 * The hot path's folds of slider moves (lib/session/seat-ops `foldMoves`, the room's
 * `WorkingFold` and `foldCommitted`) against a plain model of what a move means, and against
 * each other: the same state, key order included (snapshots are JSON), and inputs untouched.
 */
import { describe, expect, it } from "vitest";
import type { LoggedEvent, SessionEvent } from "../../lib/session/events";
import { applyEvent } from "../../lib/session/reducer";
import { foldMoves, type Move } from "../../lib/session/seat-ops";
import type { SessionState } from "../../lib/session/state";
import { foldCommitted, WorkingFold } from "../../server/rooms/fold-working";
import { seeded } from "../helpers/seeded";
import { joinMany, newSession } from "../helpers/session-fixtures";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A class of 12 on the 2-3-2 classifier (teams of two or three), one student removed. */
function classOf(mode: "latest" | "average"): SessionState {
  const state = newSession("classifier");
  joinMany(state, 12);
  let next = applyEvent(state, { type: "team-mode.set", payload: { mode } });
  next = applyEvent(next, { type: "student.removed", payload: { studentId: "p4" } } as SessionEvent);
  return next;
}

function randomMoves(seed: number, count: number): Move[] {
  const r = seeded(seed);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return Array.from({ length: count }, () => {
    const pick = Math.floor(r() * 14); // p1…p12, plus one unknown id and "__proto__"
    const studentId = pick < 12 ? `p${pick + 1}` : pick === 12 ? "nobody" : "__proto__";
    const n = pick % 5 < 3 ? 2 : 3; // the wrong length for some seats: a move carries what the phone sent
    return { studentId, values: { weights: Array.from({ length: n }, () => round(r() * 4 - 2)), bias: round(r() * 2 - 1) } };
  });
}

/** The model: each move in turn, written out without the reducer's helpers. */
function model(state: SessionState, moves: readonly Move[]): SessionState {
  const s = structuredClone(state);
  for (const { studentId, values } of moves) {
    const st = Object.hasOwn(s.students, studentId) ? s.students[studentId] : undefined;
    if (!st || st.removed || !st.seat) continue;
    st.entry = { weights: [...values.weights], bias: values.bias };
    const neuron = s.network.layers[st.seat.layer]!.neurons[st.seat.neuron]!;
    if (s.teamMode === "latest") {
      neuron.weights = [...values.weights];
      neuron.bias = values.bias;
    } else {
      const team = Object.values(s.students).filter((o) => !o.removed && o.seat && o.seat.layer === st.seat!.layer && o.seat.neuron === st.seat!.neuron && o.entry);
      const n = team.length;
      neuron.weights = team[0]!.entry!.weights.map((_, i) => team.reduce((a, o) => a + (o.entry!.weights[i] ?? 0), 0) / n);
      neuron.bias = team.reduce((a, o) => a + o.entry!.bias, 0) / n;
    }
  }
  return s;
}

describe.each(["latest", "average"] as const)("slider moves in %s mode", (mode) => {
  it("one fold of a run gives what each move folded by itself gives, and the model", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const start = deepFreeze(classOf(mode));
      const moves = randomMoves(seed, 40);
      const oneByOne = moves.reduce((s, m) => applyEvent(s, { type: "entry.set", payload: m }), start);
      const atOnce = foldMoves(start, moves);
      expect(JSON.stringify(atOnce)).toBe(JSON.stringify(oneByOne));
      if (mode === "latest") expect(JSON.stringify(atOnce)).toBe(JSON.stringify(model(start, moves)));
      else expect(atOnce).toEqual(model(start, moves));
    }
  });

  it("the working fold writes only into the roster it copied: the committed state stays as it was", () => {
    const start = deepFreeze(classOf(mode));
    const before = JSON.stringify(start);
    const fold = new WorkingFold();
    let working = start;
    const events: SessionEvent[] = [];
    for (const [i, m] of randomMoves(7, 60).entries()) {
      // A non-move now and then, as a class mixes moves with other commands.
      const event: SessionEvent = i % 17 === 16 ? { type: "inputs.set", payload: { inputs: [i / 100, 0.5] } } : { type: "entry.set", payload: m };
      events.push(event);
      const previous = working;
      working = fold.apply(working, event);
      if (event.type === "entry.set" && working.students !== previous.students) expect(previous.students).not.toBe(working.students);
    }
    expect(JSON.stringify(start)).toBe(before);
    expect(JSON.stringify(working)).toBe(JSON.stringify(events.reduce(applyEvent, start)));
  });

  it("a tick's stored events fold to the same state, each with a state after it", () => {
    const start = deepFreeze(classOf(mode));
    const moves = randomMoves(11, 30);
    const events: LoggedEvent[] = moves.map((m, i) => ({ seq: i + 1, actor: m.studentId, type: "entry.set", payload: m }));
    events.splice(10, 0, { seq: 0, actor: "teacher", type: "threshold.set", payload: { threshold: 0.7 } });
    const items = foldCommitted(start, events);
    expect(items.map((i) => i.event)).toEqual(events);
    expect(JSON.stringify(items.at(-1)!.after)).toBe(JSON.stringify(events.reduce<SessionState>(applyEvent, start)));
    // The threshold's state after it holds the moves before it and none after.
    expect(items[10]!.after.threshold).toBe(0.7);
    expect(JSON.stringify(items[10]!.after)).toBe(JSON.stringify(events.slice(0, 11).reduce<SessionState>(applyEvent, start)));
  });
});
