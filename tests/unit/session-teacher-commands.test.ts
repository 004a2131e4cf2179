/**
 * The teacher's commands (SPEC.md features 3, 5 and 10) through `decide`: the events they
 * produce, what they refuse, and what the class sees afterwards.
 */
import { describe, expect, it } from "vitest";
import type { Network } from "../../lib/engine";
import type { SessionCommand } from "../../lib/session/decide";
import { formatValue } from "../../lib/session/format";
import {
  H1, H2, O1, SPEC_DEFAULT_NETWORK, TEACHER, join, joinMany, neuronAt, newSession, outputAt, queued, refusalOf, run, seeded, setMine,
} from "../helpers/session-fixtures";

describe("commands that set a flag", () => {
  const cases: [SessionCommand, unknown, (s: ReturnType<typeof newSession>) => unknown, unknown][] = [
    [{ name: "network:lock", payload: { layer: 1, locked: true } }, { type: "lock.set", payload: { layer: 1, locked: true } }, (s) => s.locks, { network: false, layers: [false, true] }],
    [{ name: "network:team-mode", payload: { mode: "average" } }, { type: "team-mode.set", payload: { mode: "average" } }, (s) => s.teamMode, "average"],
    [{ name: "network:range", payload: { min: -20, max: 8 } }, { type: "range.set", payload: { min: -20, max: 8 } }, (s) => s.range, { min: -20, max: 8 }],
    [{ name: "room:lock", payload: { locked: true } }, { type: "room.locked", payload: { locked: true } }, (s) => s.roomLocked, true],
    [{ name: "room:pause", payload: { paused: true } }, { type: "phones.paused", payload: { paused: true } }, (s) => s.paused, true],
    [{ name: "room:hide-names", payload: { hidden: true } }, { type: "names.hidden", payload: { hidden: true } }, (s) => s.hideNames, true],
    [{ name: "room:end", payload: {} }, { type: "session.ended", payload: {} }, (s) => s.status, "ended"],
  ];
  it.each(cases.map((c) => [c[0].name, ...c] as const))("%s produces its event", (_n, command, event, read, after) => {
    const state = newSession();
    expect(run(state, TEACHER, command)).toEqual([event]);
    expect(read(state)).toEqual(after);
  });
});

describe("inputs", () => {
  it("sets the inputs, and the class computes with them", () => {
    const state = newSession();
    joinMany(state, 3);
    expect(run(state, TEACHER, { name: "network:set-inputs", payload: { inputs: [1, 0] } })).toEqual([
      { type: "inputs.set", payload: { inputs: [1, 0] } },
    ]);
    // relu(1.2*1 - 0.4*0 + 0) = 1.2; relu(0.5 - 0.2) = 0.3; relu(-0.3 + 0.1) = 0.
    expect(["p1", "p2", "p3"].map((id) => formatValue(outputAt(state, state.students[id]!.seat!)))).toEqual(["1.200", "0.300", "0.000"]);
  });

  it("refuses the wrong number of inputs with BAD_REQUEST", () => {
    expect(refusalOf(newSession(), TEACHER, { name: "network:set-inputs", payload: { inputs: [1, 2, 3] } }).code).toBe("BAD_REQUEST");
  });
});

describe("setting a neuron", () => {
  it("produces neuron.set", () => {
    const state = newSession();
    const values = { weights: [0.1, 0.2, 0.3], bias: -0.4 };
    expect(run(state, TEACHER, { name: "network:set-neuron", payload: { layer: 1, neuron: 1, values } })).toEqual([
      { type: "neuron.set", payload: { layer: 1, neuron: 1, values } },
    ]);
    expect(neuronAt(state, { layer: 1, neuron: 1 })).toEqual(values);
  });

  it("refuses a neuron that does not exist with NOT_FOUND, and the wrong width with BAD_REQUEST", () => {
    const state = newSession();
    const values = { weights: [0, 0, 0], bias: 0 };
    expect(refusalOf(state, TEACHER, { name: "network:set-neuron", payload: { layer: 1, neuron: 2, values } }).code).toBe("NOT_FOUND");
    expect(refusalOf(state, TEACHER, { name: "network:set-neuron", payload: { layer: 2, neuron: 0, values } }).code).toBe("NOT_FOUND");
    expect(refusalOf(state, TEACHER, { name: "network:set-neuron", payload: { layer: 0, neuron: 0, values } }).code).toBe("BAD_REQUEST");
  });

  it("is not the teacher's neuron:set, which is the students' command", () => {
    expect(refusalOf(newSession(), TEACHER, { name: "neuron:set", payload: { bias: 1 } }).code).toBe("FORBIDDEN");
  });
});

describe("loading networks", () => {
  const tiny: Network = { layers: [{ activation: "sigmoid", neurons: [{ weights: [1, -1, 0.5], bias: 0 }] }] };

  it("loads a well-formed network with its labels, and reseats the class", () => {
    const state = newSession();
    joinMany(state, 2);
    const payload = { network: tiny, inputs: [0, 0, 1], inputLabels: ["x", "y", "z"], outputLabels: ["yes"], presetId: null };
    expect(run(state, TEACHER, { name: "network:load", payload })).toEqual([{ type: "network.loaded", payload }]);
    expect(state.network).toEqual(tiny);
    expect(state.initialNetwork).toEqual(tiny);
    expect(state).toMatchObject({ inputs: [0, 0, 1], inputLabels: ["x", "y", "z"], outputLabels: ["yes"], presetId: null });
    expect(state.students.p2!.seat).toEqual(H1);
    // sigmoid(0.5) = 1 / (1 + e^-0.5) = 0.6224593...
    expect(formatValue(outputAt(state, H1))).toBe("0.622");
  });

  it("keeps the loaded network safe from later edits of the command's object", () => {
    const state = newSession();
    const network = structuredClone(tiny);
    run(state, TEACHER, { name: "network:load", payload: { network, inputs: [0, 0, 1], inputLabels: ["x", "y", "z"], outputLabels: ["yes"], presetId: null } });
    network.layers[0]!.neurons[0]!.bias = 99;
    expect(neuronAt(state, H1).bias).toBe(0);
  });

  it.each([
    [{ layers: [{ activation: "relu", neurons: [{ weigths: [1, 2], bias: 0 }] }] }, [1, 2], "layers[0].neurons[0].weigths"],
    [{ layers: [{ activation: "relu", neurons: [{ weights: [1, 2], bias: 0 }] }, { activation: "relu", neurons: [{ weights: [1, 2], bias: 0 }] }] }, [1, 2], "layers[1].neurons[0].weights"],
    [{ layers: [{ activation: "softmax", neurons: [{ weights: [1, 2], bias: 0 }] }] }, [1, 2], "layers[0].activation"],
    [{ layers: [] }, [], "layers"],
    [{ layers: [{ activation: "relu", neurons: [{ weights: [1, 2], bias: 0 }] }] }, [1], "inputs"],
  ])("refuses a bad network with BAD_REQUEST and the engine's path (%#)", (network, inputs, path) => {
    const state = newSession();
    const before = structuredClone(state);
    const payload = { network, inputs, inputLabels: inputs.map(String), outputLabels: ["y"], presetId: null } as never;
    const r = refusalOf(state, TEACHER, { name: "network:load", payload });
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.message.startsWith(`${path}:`)).toBe(true);
    expect(state).toEqual(before);
  });

  it("refuses labels that do not match the network's shape", () => {
    const state = newSession();
    const base = { network: tiny, inputs: [0, 0, 1], inputLabels: ["x", "y", "z"], outputLabels: ["yes"], presetId: null };
    expect(refusalOf(state, TEACHER, { name: "network:load", payload: { ...base, inputLabels: ["x"] } }).message).toContain("inputLabels");
    expect(refusalOf(state, TEACHER, { name: "network:load", payload: { ...base, outputLabels: ["a", "b"] } }).message).toContain("outputLabels");
  });

  it("loads a preset by id", () => {
    const state = newSession();
    const [event] = run(state, TEACHER, { name: "network:load-preset", payload: { presetId: "bright-and-edgy" } });
    expect(event).toEqual({
      type: "network.loaded",
      payload: {
        network: { layers: [{ activation: "relu", neurons: [{ weights: [1.5, 2.0], bias: -1.0 }] }] },
        inputs: [0.8, 0.6],
        inputLabels: ["brightness", "edge strength"],
        outputLabels: ["bright and edgy"],
        presetId: "bright-and-edgy",
      },
    });
  });

  it("refuses an unknown preset with NOT_FOUND, naming it", () => {
    const r = refusalOf(newSession(), TEACHER, { name: "network:load-preset", payload: { presetId: "xor-gate" } });
    expect(r.code).toBe("NOT_FOUND");
    expect(r.message).toContain("xor-gate");
  });
});

describe("randomise and reset", () => {
  // 17 draws for the classifier: each neuron's weights, then its bias, layer by layer.
  // Each becomes round(2x - 1, 2 decimals): 0.5 -> 0, 0.75 -> 0.5, 0 -> -1, 0.999 -> 1 (0.998), 0.123 -> -0.75 (-0.754), …
  const draws = [0.5, 0.75, 0, 0.999, 0.123, 0.25, 0.6, 0.4, 0.9, 0.1, 0.2, 0.3, 0.35, 0.45, 0.55, 0.65, 0.875];
  const expected = {
    layers: [
      {
        activation: "relu",
        neurons: [
          { weights: [0, 0.5], bias: -1 },
          { weights: [1, -0.75], bias: -0.5 },
          { weights: [0.2, -0.2], bias: 0.8 },
        ],
      },
      {
        activation: "softmax",
        neurons: [
          { weights: [-0.8, -0.6, -0.4], bias: -0.3 },
          { weights: [-0.1, 0.1, 0.3], bias: 0.75 },
        ],
      },
    ],
  };

  it("draws every weight and bias from the injected random, rounded to 2 decimals", () => {
    const state = newSession();
    joinMany(state, 6);
    const events = run(state, TEACHER, { name: "network:randomize", payload: {} }, queued(draws));
    expect(events).toEqual([{ type: "weights.replaced", payload: { network: expected, reason: "randomize" } }]);
    expect(state.network).toEqual(expected);
    expect(state.students.p1!.entry).toEqual({ weights: [0, 0.5], bias: -1 });
    expect(state.students.p6!.entry).toEqual({ weights: [0, 0.5], bias: -1 });
    expect(state.students.p5!.entry).toEqual({ weights: [-0.1, 0.1, 0.3], bias: 0.75 });
  });

  it("stays within [-1, 1] with 2 decimals, whatever the draws", () => {
    const state = newSession();
    const random = seeded(20240611);
    const seen = new Set<number>();
    for (let round = 0; round < 40; round++) {
      run(state, TEACHER, { name: "network:randomize", payload: {} }, random);
      for (const layer of state.network.layers) {
        for (const n of layer.neurons) {
          for (const v of [...n.weights, n.bias]) {
            expect(v).toBeGreaterThanOrEqual(-1);
            expect(v).toBeLessThanOrEqual(1);
            expect(Math.abs(v * 100 - Math.round(v * 100))).toBeLessThan(1e-9);
            seen.add(v);
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThan(100);
    expect(state.network.layers.map((l) => l.activation)).toEqual(["relu", "softmax"]);
  });

  it("resets to the loaded network's values, and the students' entries follow", () => {
    const state = newSession();
    joinMany(state, 6);
    setMine(state, "p1", { weights: [3, 3], bias: 3 });
    setMine(state, "p4", { weights: [0, 0, 0], bias: 0 });
    run(state, TEACHER, { name: "network:set-neuron", payload: { layer: 0, neuron: 1, values: { weights: [1, 1], bias: 1 } } });
    run(state, TEACHER, { name: "network:randomize", payload: {} }, seeded(7));
    const [event] = run(state, TEACHER, { name: "network:reset", payload: {} });
    expect(event).toEqual({ type: "weights.replaced", payload: { network: SPEC_DEFAULT_NETWORK, reason: "reset" } });
    expect(state.network).toEqual(SPEC_DEFAULT_NETWORK);
    expect(state.students.p1!.entry).toEqual({ weights: [1.2, -0.4], bias: 0.0 });
    expect(state.students.p6!.entry).toEqual({ weights: [1.2, -0.4], bias: 0.0 });
    expect(state.students.p4!.entry).toEqual({ weights: [1.0, 0.2, -0.5], bias: 0.1 });
    expect(formatValue(outputAt(state, H2))).toBe("0.970");
  });

  it("resets to the most recently loaded network, not the session's first", () => {
    const state = newSession();
    joinMany(state, 2);
    run(state, TEACHER, { name: "network:load-preset", payload: { presetId: "bright-and-edgy" } });
    setMine(state, "p1", { weights: [0, 0], bias: 0 });
    run(state, TEACHER, { name: "network:reset", payload: {} });
    expect(neuronAt(state, H1)).toEqual({ weights: [1.5, 2.0], bias: -1.0 });
  });
});

describe("managing students", () => {
  it("moves a student to the neuron named, from its values", () => {
    const state = newSession();
    joinMany(state, 2);
    expect(run(state, TEACHER, { name: "student:move", payload: { studentId: "p1", seat: O1 } })).toEqual([
      { type: "student.moved", payload: { studentId: "p1", seat: O1 } },
    ]);
    expect(state.students.p1).toMatchObject({ seat: O1, entry: { weights: [1.0, 0.2, -0.5], bias: 0.1 } });
  });

  it("refuses moving an unknown or removed student, or to a neuron that does not exist, with NOT_FOUND", () => {
    const state = newSession();
    joinMany(state, 2);
    run(state, TEACHER, { name: "student:remove", payload: { studentId: "p2" } });
    const move = (studentId: string, seat: { layer: number; neuron: number }) =>
      refusalOf(state, TEACHER, { name: "student:move", payload: { studentId, seat } }).code;
    expect(move("ghost", H1)).toBe("NOT_FOUND");
    expect(move("p2", H1)).toBe("NOT_FOUND");
    expect(move("p1", { layer: 1, neuron: 2 })).toBe("NOT_FOUND");
    expect(move("p1", { layer: 2, neuron: 0 })).toBe("NOT_FOUND");
  });

  it("renames a student to a cleaned, unused name", () => {
    const state = newSession();
    join(state, "p1", "Ada");
    join(state, "p2", "Grace");
    expect(run(state, TEACHER, { name: "student:rename", payload: { studentId: "p1", nickname: "  Ada   Lovelace " } })).toEqual([
      { type: "student.renamed", payload: { studentId: "p1", nickname: "Ada Lovelace" } },
    ]);
    expect(state.students.p1!.nickname).toBe("Ada Lovelace");
    run(state, TEACHER, { name: "student:rename", payload: { studentId: "p2", nickname: "GRACE" } });
    expect(state.students.p2!.nickname).toBe("GRACE");
  });

  it("refuses a rename to a taken, refused, over-long or unknown student's name", () => {
    const state = newSession();
    join(state, "p1", "Ada");
    join(state, "p2", "Grace");
    const rename = (studentId: string, nickname: string) =>
      refusalOf(state, TEACHER, { name: "student:rename", payload: { studentId, nickname } }).code;
    expect(rename("p2", "ada")).toBe("NAME_TAKEN");
    expect(rename("p2", "Shithead")).toBe("NAME_REFUSED");
    expect(rename("p2", "x".repeat(21))).toBe("BAD_REQUEST");
    expect(rename("p2", "   ")).toBe("BAD_REQUEST");
    expect(rename("ghost", "Linus")).toBe("NOT_FOUND");
  });

  it("removes once and readmits only a removed student", () => {
    const state = newSession();
    joinMany(state, 2);
    expect(refusalOf(state, TEACHER, { name: "student:readmit", payload: { studentId: "p1" } }).code).toBe("NOT_FOUND");
    expect(run(state, TEACHER, { name: "student:remove", payload: { studentId: "p1" } })).toEqual([
      { type: "student.removed", payload: { studentId: "p1" } },
    ]);
    expect(refusalOf(state, TEACHER, { name: "student:remove", payload: { studentId: "p1" } }).code).toBe("NOT_FOUND");
    expect(run(state, TEACHER, { name: "student:readmit", payload: { studentId: "p1" } })).toEqual([
      { type: "student.readmitted", payload: { studentId: "p1" } },
    ]);
    expect(state.students.p1!.seat).toEqual(H1);
    expect(state.students.p2!.seat).toEqual(H2);
  });
});
