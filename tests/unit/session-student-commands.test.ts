/**
 * What a student may do (SPEC.md features 4 and 10, "A student can never act as the teacher or
 * as another student"): set their own neuron, inside the range, unless locked or paused.
 */
import { describe, expect, it } from "vitest";
import { decide, type SessionCommand } from "../../lib/session/decide";
import {
  H1, H2, O1, SPEC_DEFAULT_NETWORK, TEACHER, joinMany, neuronAt, newSession, noRandom, refusalOf, run, setMine, student,
} from "../helpers/session-fixtures";

const TEACHER_COMMANDS: SessionCommand[] = [
  { name: "network:set-neuron", payload: { layer: 0, neuron: 1, values: { weights: [0, 0], bias: 0 } } },
  { name: "network:set-inputs", payload: { inputs: [1, 1] } },
  { name: "network:load", payload: { network: { layers: [{ activation: "relu", neurons: [{ weights: [1, 1], bias: 0 }] }] }, inputs: [1, 1], inputLabels: ["a", "b"], outputLabels: ["y"], presetId: null } },
  { name: "network:load-preset", payload: { presetId: "spam" } },
  { name: "network:reset", payload: {} },
  { name: "network:randomize", payload: {} },
  { name: "network:lock", payload: { layer: null, locked: true } },
  { name: "network:team-mode", payload: { mode: "average" } },
  { name: "network:range", payload: { min: -100, max: 100 } },
  { name: "room:lock", payload: { locked: true } },
  { name: "room:pause", payload: { paused: true } },
  { name: "room:hide-names", payload: { hidden: true } },
  { name: "room:end", payload: {} },
  { name: "student:move", payload: { studentId: "p1", seat: { layer: 1, neuron: 1 } } },
  { name: "student:rename", payload: { studentId: "p2", nickname: "Hacked" } },
  { name: "student:remove", payload: { studentId: "p2" } },
  { name: "student:readmit", payload: { studentId: "p2" } },
];

describe("a student sending teacher commands", () => {
  it.each(TEACHER_COMMANDS.map((c) => [c.name, c] as const))("is refused %s with FORBIDDEN", (_name, command) => {
    const state = newSession();
    joinMany(state, 2);
    const before = structuredClone(state);
    expect(refusalOf(state, student("p1"), command).code).toBe("FORBIDDEN");
    expect(state).toEqual(before);
  });
});

describe("a student setting their neuron", () => {
  it("changes only their own neuron, and records their entry", () => {
    const state = newSession();
    joinMany(state, 5);
    const events = setMine(state, "p2", { weights: [-1, 2.5], bias: 0.3 });
    expect(events).toEqual([{ type: "entry.set", payload: { studentId: "p2", values: { weights: [-1, 2.5], bias: 0.3 } } }]);
    expect(state.network.layers[0]!.neurons).toEqual([
      SPEC_DEFAULT_NETWORK.layers[0]!.neurons[0],
      { weights: [-1, 2.5], bias: 0.3 },
      SPEC_DEFAULT_NETWORK.layers[0]!.neurons[2],
    ]);
    expect(state.network.layers[1]).toEqual(SPEC_DEFAULT_NETWORK.layers[1]);
    expect(state.students.p2!.entry).toEqual({ weights: [-1, 2.5], bias: 0.3 });
  });

  it("cannot name another neuron: a seat smuggled into the payload is ignored", () => {
    const state = newSession();
    joinMany(state, 5);
    const payload = { layer: 1, neuron: 0, studentId: "p4", bias: 1.5 } as unknown as { bias: number };
    run(state, student("p1"), { name: "neuron:set", payload });
    expect(neuronAt(state, H1)).toEqual({ weights: [1.2, -0.4], bias: 1.5 });
    expect(neuronAt(state, O1)).toEqual({ weights: [1.0, 0.2, -0.5], bias: 0.1 });
    expect(state.students.p4!.entry).toEqual({ weights: [1.0, 0.2, -0.5], bias: 0.1 });
  });

  it("keeps the weights when only the bias is sent, and the bias when only weights are sent", () => {
    const state = newSession();
    joinMany(state, 1);
    setMine(state, "p1", { bias: -0.75 });
    expect(neuronAt(state, H1)).toEqual({ weights: [1.2, -0.4], bias: -0.75 });
    setMine(state, "p1", { weights: [0.01, -0.01] });
    expect(neuronAt(state, H1)).toEqual({ weights: [0.01, -0.01], bias: -0.75 });
  });

  it("sets an output neuron's three weights", () => {
    const state = newSession();
    joinMany(state, 4);
    setMine(state, "p4", { weights: [0, 0, 1], bias: 0 });
    expect(neuronAt(state, O1)).toEqual({ weights: [0, 0, 1], bias: 0 });
  });

  it("is refused BAD_REQUEST with the wrong number of weights", () => {
    const state = newSession();
    joinMany(state, 4);
    const r = refusalOf(state, student("p1"), { name: "neuron:set", payload: { weights: [1, 2, 3] } });
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.message).toContain("2");
    expect(refusalOf(state, student("p4"), { name: "neuron:set", payload: { weights: [1, 2] } }).code).toBe("BAD_REQUEST");
  });
});

describe("the range", () => {
  it("refuses 7 with the default range -5 to 5, naming the range, and changes nothing", () => {
    const state = newSession();
    joinMany(state, 1);
    const r = refusalOf(state, student("p1"), { name: "neuron:set", payload: { weights: [7, 0] } });
    expect(r.code).toBe("OUT_OF_RANGE");
    expect(r.message).toMatch(/-5\b/);
    expect(r.message).toMatch(/(^|[^-\d.])5\b/);
    expect(r.message).toContain("7");
    expect(neuronAt(state, H1)).toEqual({ weights: [1.2, -0.4], bias: 0 });
  });

  it("refuses a bias just outside, and accepts the ends of the range", () => {
    const state = newSession();
    joinMany(state, 1);
    expect(refusalOf(state, student("p1"), { name: "neuron:set", payload: { bias: -5.01 } }).code).toBe("OUT_OF_RANGE");
    expect(refusalOf(state, student("p1"), { name: "neuron:set", payload: { bias: 5.01 } }).code).toBe("OUT_OF_RANGE");
    setMine(state, "p1", { weights: [-5, 5], bias: 5 });
    expect(neuronAt(state, H1)).toEqual({ weights: [-5, 5], bias: 5 });
  });

  it("follows the teacher's wider range, and names it", () => {
    const state = newSession();
    joinMany(state, 1);
    run(state, TEACHER, { name: "network:range", payload: { min: -10, max: 10 } });
    expect(state.range).toEqual({ min: -10, max: 10 });
    setMine(state, "p1", { weights: [7, -9.5], bias: 10 });
    expect(neuronAt(state, H1)).toEqual({ weights: [7, -9.5], bias: 10 });
    const r = refusalOf(state, student("p1"), { name: "neuron:set", payload: { bias: 12 } });
    expect(r.code).toBe("OUT_OF_RANGE");
    expect(r.message).toMatch(/-10\b/);
    expect(r.message).toMatch(/(^|[^-\d.])10\b/);
  });

  it("also bounds the teacher's set-neuron", () => {
    const state = newSession();
    const r = refusalOf(state, TEACHER, { name: "network:set-neuron", payload: { layer: 0, neuron: 0, values: { weights: [0, 6], bias: 0 } } });
    expect(r.code).toBe("OUT_OF_RANGE");
  });
});

describe("locks", () => {
  it("refuses every student with LOCKED while the network is locked, and lets them in again after", () => {
    const state = newSession();
    joinMany(state, 5);
    run(state, TEACHER, { name: "network:lock", payload: { layer: null, locked: true } });
    expect(state.locks.network).toBe(true);
    for (const id of ["p1", "p4"]) {
      expect(refusalOf(state, student(id), { name: "neuron:set", payload: { bias: 1 } }).code).toBe("LOCKED");
    }
    run(state, TEACHER, { name: "network:lock", payload: { layer: null, locked: false } });
    setMine(state, "p1", { bias: 1 });
    expect(neuronAt(state, H1).bias).toBe(1);
  });

  it("locks one layer only", () => {
    const state = newSession();
    joinMany(state, 5);
    run(state, TEACHER, { name: "network:lock", payload: { layer: 1, locked: true } });
    expect(state.locks.layers).toEqual([false, true]);
    expect(refusalOf(state, student("p4"), { name: "neuron:set", payload: { bias: 1 } }).code).toBe("LOCKED");
    setMine(state, "p2", { bias: 1 });
    expect(neuronAt(state, H2).bias).toBe(1);
  });

  it("does not stop the teacher setting a locked neuron", () => {
    const state = newSession();
    run(state, TEACHER, { name: "network:lock", payload: { layer: null, locked: true } });
    run(state, TEACHER, { name: "network:set-neuron", payload: { layer: 0, neuron: 0, values: { weights: [1, 1], bias: 1 } } });
    expect(neuronAt(state, H1)).toEqual({ weights: [1, 1], bias: 1 });
  });

  it("refuses a lock on a layer that does not exist with NOT_FOUND", () => {
    expect(refusalOf(newSession(), TEACHER, { name: "network:lock", payload: { layer: 2, locked: true } }).code).toBe("NOT_FOUND");
  });
});

describe("pausing, removal and the end of the session", () => {
  it("refuses students with PAUSED while the phones are paused", () => {
    const state = newSession();
    joinMany(state, 2);
    run(state, TEACHER, { name: "room:pause", payload: { paused: true } });
    expect(state.paused).toBe(true);
    expect(refusalOf(state, student("p1"), { name: "neuron:set", payload: { bias: 1 } }).code).toBe("PAUSED");
    run(state, TEACHER, { name: "room:pause", payload: { paused: false } });
    setMine(state, "p1", { bias: 1 });
    expect(neuronAt(state, H1).bias).toBe(1);
  });

  it("refuses a removed student with FORBIDDEN, and an unknown one too", () => {
    const state = newSession();
    joinMany(state, 2);
    run(state, TEACHER, { name: "student:remove", payload: { studentId: "p1" } });
    expect(refusalOf(state, student("p1"), { name: "neuron:set", payload: { bias: 1 } }).code).toBe("FORBIDDEN");
    expect(refusalOf(state, student("nobody"), { name: "neuron:set", payload: { bias: 1 } }).code).toBe("FORBIDDEN");
    expect(neuronAt(state, H1).bias).toBe(0);
  });

  it("refuses everyone with SESSION_ENDED once the session has ended", () => {
    const state = newSession();
    joinMany(state, 2);
    expect(run(state, TEACHER, { name: "room:end", payload: {} })).toEqual([{ type: "session.ended", payload: {} }]);
    expect(state.status).toBe("ended");
    expect(refusalOf(state, student("p1"), { name: "neuron:set", payload: { bias: 1 } }).code).toBe("SESSION_ENDED");
    expect(refusalOf(state, TEACHER, { name: "room:pause", payload: { paused: true } }).code).toBe("SESSION_ENDED");
    expect(refusalOf(state, TEACHER, { name: "room:end", payload: {} }).code).toBe("SESSION_ENDED");
  });

  it("decides without changing the state", () => {
    const state = newSession();
    joinMany(state, 2);
    const before = structuredClone(state);
    decide(state, student("p1"), { name: "neuron:set", payload: { weights: [1, 1], bias: 1 } }, { now: 1, random: noRandom });
    decide(state, TEACHER, { name: "network:load-preset", payload: { presetId: "spam" } }, { now: 1, random: noRandom });
    expect(state).toEqual(before);
  });
});
