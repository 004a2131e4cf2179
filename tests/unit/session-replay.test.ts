/**
 * Replays (SPEC.md feature 9, "Nothing acknowledged is ever lost"): the state a live server
 * builds event by event must be the state any screen rebuilds from the log, from scratch or
 * from a snapshot. And the browser's copy folds ticks of events without gaps or repeats.
 */
import { describe, expect, it } from "vitest";
import { foldUpdate, type SessionCopy } from "../../app/realtime/session-store";
import type { PresetId } from "../../lib/lesson/presets";
import { decide, decideHandbackRequest, decideJoin, dueTimers, type Decision, type SessionCommand } from "../../lib/session/decide";
import type { LoggedEvent, SessionEvent, SessionEventType } from "../../lib/session/events";
import { suggestNickname } from "../../lib/session/names";
import { applyEvent, createState, foldEvents } from "../../lib/session/reducer";
import type { SessionState } from "../../lib/session/state";
import { H1, TEACHER, createdEvent, seeded, student } from "../helpers/session-fixtures";

const ALL_TYPES: SessionEventType[] = [
  "session.created", "session.ended", "student.joined", "student.renamed", "student.moved", "student.removed",
  "student.readmitted", "entry.set", "neuron.set", "inputs.set", "network.loaded", "weights.replaced", "lock.set",
  "team-mode.set", "range.set", "room.locked", "phones.paused", "names.hidden", "threshold.set", "animation.set",
  "handback.requested", "handback.resolved",
];
const PRESET_IDS: PresetId[] = ["bright-and-edgy", "two-layer", "classifier", "spam"];

/** A class at work: ~500 commands from students and the teacher, decided and applied live. */
function simulate(seed: number, steps = 500) {
  const rnd = seeded(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const value = () => Math.round((rnd() * 10 - 5) * 100) / 100;
  const values = (n: number) => Array.from({ length: n }, value);

  const created = createdEvent("classifier", `sess-${seed}`);
  const live = createState(created);
  const events: SessionEvent[] = [created];
  const asEmitted: string[] = [JSON.stringify(created)];
  let half: { state: SessionState; at: number } | null = null;
  let accepted = 0;
  let nextId = 1;

  const ids = () => Object.keys(live.students);
  const anyone = () => pick(ids());
  const anySeat = () => {
    const layer = int(live.network.layers.length);
    return { layer, neuron: int(live.network.layers[layer]!.neurons.length) };
  };
  const widthAt = (seat: { layer: number; neuron: number }) => live.network.layers[seat.layer]!.neurons[seat.neuron]!.weights.length;
  const randomNetworkLoad = (): SessionCommand => {
    const inputs = 1 + int(3), hidden = 1 + int(4);
    const neuron = (w: number) => ({ weights: values(w), bias: value() });
    return {
      name: "network:load",
      payload: {
        network: {
          layers: [
            { activation: pick(["relu", "sigmoid", "tanh"]), neurons: Array.from({ length: hidden }, () => neuron(inputs)) },
            { activation: "softmax", neurons: [neuron(hidden), neuron(hidden)] },
          ],
        },
        inputs: values(inputs),
        inputLabels: Array.from({ length: inputs }, (_, i) => `in ${i + 1}`),
        outputLabels: ["yes", "no"],
        presetId: null,
      },
    };
  };
  const teacherCommands: (() => SessionCommand)[] = [
    () => { const seat = anySeat(); return { name: "network:set-neuron", payload: { ...seat, values: { weights: values(widthAt(seat)), bias: value() } } }; },
    () => ({ name: "network:set-inputs", payload: { inputs: values(live.inputs.length) } }),
    () => ({ name: "network:load-preset", payload: { presetId: pick(PRESET_IDS) } }),
    randomNetworkLoad,
    () => ({ name: "network:reset", payload: {} }),
    () => ({ name: "network:randomize", payload: {} }),
    () => ({ name: "network:lock", payload: { layer: rnd() < 0.5 ? null : int(live.network.layers.length), locked: rnd() < 0.3 } }),
    () => ({ name: "network:team-mode", payload: { mode: pick(["latest", "average"] as const) } }),
    () => ({ name: "network:range", payload: { min: pick([-5, -10]), max: pick([5, 10]) } }),
    () => ({ name: "room:lock", payload: { locked: rnd() < 0.3 } }),
    () => ({ name: "room:pause", payload: { paused: rnd() < 0.25 } }),
    () => ({ name: "room:hide-names", payload: { hidden: rnd() < 0.5 } }),
    () => ({ name: "student:move", payload: { studentId: anyone(), seat: anySeat() } }),
    () => ({ name: "student:move", payload: { studentId: anyone(), seat: anySeat() } }),
    () => ({ name: "student:rename", payload: { studentId: anyone(), nickname: suggestNickname(Object.values(live.students).map((s) => s.nickname), int) } }),
    () => ({ name: "student:remove", payload: { studentId: anyone() } }),
    () => {
      const removed = Object.values(live.students).filter((s) => s.removed).map((s) => s.id);
      return { name: "student:readmit", payload: { studentId: removed.length > 0 ? pick(removed) : anyone() } };
    },
    () => ({ name: "network:threshold", payload: { threshold: pick([0.5, 0.8, 0.25]) } }),
    () => ({ name: pick(["animation:play", "animation:step", "animation:stop"] as const), payload: {} }),
    (): SessionCommand => {
      const open = Object.keys(live.handbacks);
      if (open.length === 0) return { name: "animation:step", payload: {} };
      return { name: "student:hand-back", payload: { requestId: pick(open), granted: rnd() < 0.5 } };
    },
  ];

  const apply = (d: Decision) => {
    if ("refusal" in d) return;
    accepted++;
    for (const e of d.events) {
      asEmitted.push(JSON.stringify(e));
      events.push(e);
      Object.assign(live, applyEvent(live, e));
    }
  };

  for (let step = 0; step < steps; step++) {
    if (step === steps / 2) half = { state: structuredClone(live), at: events.length };
    const roll = rnd();
    if (roll < 0.03 && ids().length > 0) {
      apply(decideHandbackRequest(live, `r${nextId++}`, live.students[anyone()]!.nickname, step));
    } else if (roll < 0.05) {
      for (const timer of dueTimers(live)) apply({ events: timer.fire(live, timer.at) });
    } else if (roll < 0.14 || ids().length < 3) {
      const names = Object.values(live.students).map((s) => s.nickname);
      const name = rnd() < 0.1 && names.length > 0 ? pick(names).toUpperCase() : suggestNickname(names, int);
      apply(decideJoin(live, `s${nextId++}`, name));
    } else if (roll < 0.6) {
      const me = live.students[anyone()]!;
      const width = me.seat ? widthAt(me.seat) : 2;
      const kind = int(3);
      const payload = kind === 0 ? { weights: values(width), bias: value() } : kind === 1 ? { bias: value() } : { weights: values(width) };
      apply(decide(live, student(me.id), { name: "neuron:set", payload }, { now: 1, random: rnd }));
    } else {
      apply(decide(live, TEACHER, pick(teacherCommands)(), { now: 1, random: rnd }));
    }
  }
  apply(decide(live, TEACHER, { name: "room:end", payload: {} }, { now: 1, random: rnd }));
  return { live, events, asEmitted, half: half!, accepted };
}

describe("replaying a class", () => {
  it.each([1, 2, 3])("rebuilds the live state from the log, from scratch and from a snapshot (seed %i)", (seed) => {
    const { live, events, asEmitted, half, accepted } = simulate(seed);

    // The simulation did exercise the session: most commands were accepted, every event type occurred.
    expect(accepted).toBeGreaterThan(300);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(ALL_TYPES));
    expect(Object.keys(live.students).length).toBeGreaterThan(20);
    expect(live.status).toBe("ended");

    // Nothing the live state did afterwards changed an event already emitted.
    expect(events.map((e) => JSON.stringify(e))).toEqual(asEmitted);

    expect(foldEvents(null, events)).toEqual(live);
    const fromSnapshot = foldEvents(half.state, events.slice(half.at));
    expect(fromSnapshot).toEqual(live);
    expect(half.at).toBeGreaterThan(100);
  });

  it("rebuilds the same state from the log as it travels, as JSON", () => {
    const { live, events } = simulate(4);
    const wire = JSON.parse(JSON.stringify(events)) as SessionEvent[];
    expect(JSON.parse(JSON.stringify(foldEvents(null, wire)))).toEqual(JSON.parse(JSON.stringify(live)));
  });

  it("needs session.created first, and at least one event", () => {
    expect(() => foldEvents(null, [{ type: "inputs.set", payload: { inputs: [1, 1] } }])).toThrow(/session\.created/);
    expect(() => foldEvents(null, [])).toThrow();
  });
});

describe("foldUpdate (the browser's copy)", () => {
  const logged = (seq: number, event: SessionEvent): LoggedEvent => ({ ...event, seq, actor: null }) as LoggedEvent;
  const first: LoggedEvent[] = [
    logged(1, createdEvent()),
    logged(2, { type: "student.joined", payload: { studentId: "p1", nickname: "Ada" } }),
    logged(3, { type: "student.joined", payload: { studentId: "p2", nickname: "Grace" } }),
  ];
  const e4 = logged(4, { type: "entry.set", payload: { studentId: "p1", values: { weights: [2, 2], bias: 1 } } });
  const e5 = logged(5, { type: "inputs.set", payload: { inputs: [1, 0] } });
  const e6 = logged(6, { type: "room.locked", payload: { locked: true } });
  const start = (): SessionCopy => ({ seq: 3, state: foldEvents(null, first) });

  it("applies consecutive events into a new copy and leaves the old one untouched", () => {
    const copy = start();
    const before = structuredClone(copy);
    const next = foldUpdate(copy, [e4, e5])!;
    expect(next.seq).toBe(5);
    expect(next.state.network.layers[0]!.neurons[0]).toEqual({ weights: [2, 2], bias: 1 });
    expect(next.state.inputs).toEqual([1, 0]);
    expect(copy).toEqual(before);
    expect(copy.state.network.layers[0]!.neurons[0]).toEqual({ weights: [1.2, -0.4], bias: 0 });
  });

  it("returns null on a gap, before or inside the tick, and changes nothing", () => {
    const copy = start();
    const before = structuredClone(copy);
    expect(foldUpdate(copy, [e5])).toBeNull();
    expect(foldUpdate(copy, [e4, e6])).toBeNull();
    expect(foldUpdate(copy, [e5, e4])).toBeNull();
    expect(copy).toEqual(before);
  });

  it("ignores events it has already seen", () => {
    const copy = start();
    const same = foldUpdate(copy, [first[1]!, first[2]!])!;
    expect(same.seq).toBe(3);
    expect(same.state).toEqual(copy.state);
    const next = foldUpdate(copy, [first[2]!, e4])!;
    expect(next.seq).toBe(4);
    expect(next.state.joinCount).toBe(2);
    expect(Object.values(next.state.students).map((s) => [s.id, s.joinIndex])).toEqual([["p1", 1], ["p2", 2]]);
    expect(next.state.students.p1!.seat).toEqual(H1);
  });

  it("keeps the copy when the tick is empty", () => {
    const copy = start();
    expect(foldUpdate(copy, [])).toEqual(copy);
  });
});
