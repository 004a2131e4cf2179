/**
 * One derive module for every screen (lib/session/derive.ts): label fallbacks, what counts as
 * a softmax output, and one forward pass shared by every reader of the same state.
 */
import { describe, expect, it } from "vitest";
import { buildNeuronModel, networkWithPending, NUDGE } from "../../app/components/student/neuron-model";
import { forward, networkOutput } from "../../lib/engine";
import { forwardOf, inputLabel, isSoftmaxOutput, outputLabel } from "../../lib/session/derive";
import { applyEvent } from "../../lib/session/reducer";
import { TEACHER, joinMany, newSession, run } from "../helpers/session-fixtures";

describe("derive", () => {
  it("names unlabelled inputs and outputs the same way everywhere", () => {
    expect(inputLabel([], 0)).toBe("Input 1");
    expect(outputLabel(["Class A", " "], 1)).toBe("Output 2");
    expect(outputLabel(["Class A"], 0)).toBe("Class A");
  });

  it("calls an output layer softmax only when all its neurons share the softmax", () => {
    const neuron = { weights: [1], bias: 0 };
    expect(isSoftmaxOutput({ layers: [{ activation: "softmax", neurons: [neuron, neuron] }] })).toBe(true);
    expect(isSoftmaxOutput({ layers: [{ activation: "softmax", neurons: [neuron, { ...neuron, activation: "relu" }] }] })).toBe(false);
    expect(isSoftmaxOutput({ layers: [{ activation: "sigmoid", neurons: [neuron] }] })).toBe(false);
  });

  it("computes the forward pass once for the same network and inputs, and again when either changes", () => {
    const state = newSession();
    const first = forwardOf(state.network, state.inputs);
    expect(forwardOf(state.network, state.inputs)).toBe(first);
    // The default classifier (SPEC): Class A 60.1 %.
    expect(first!.layers[1]!.output[0]!.toFixed(3)).toBe("0.601");
    const moved = applyEvent(state, { type: "inputs.set", payload: { inputs: [0.5, 0.5] } });
    expect(moved.network).toBe(state.network);
    expect(forwardOf(moved.network, moved.inputs)).not.toBe(first);
  });

  it("previews a team member's drag as the server will compute it, in average mode", () => {
    const state = newSession();
    joinMany(state, 6); // p1 and p6 share the first hidden neuron
    run(state, TEACHER, { name: "network:team-mode", payload: { mode: "average" } });
    const model = buildNeuronModel(state, "p1", { weights: [2, 0], bias: 1 })!;
    // p6 still holds the neuron's starting values [1.2, -0.4], 0.0: the mean is [1.6, -0.2], 0.5.
    expect(model.used).toEqual({ weights: [1.6, -0.2], bias: 0.5 });
    // 1.6 × 0.9 − 0.2 × 0.4 + 0.5 = 1.86, through ReLU.
    expect(model.output.toFixed(3)).toBe("1.860");
  });

  it("computes with the compiled engine exactly what the validating forward computes", () => {
    const state = newSession();
    joinMany(state, 6);
    for (const inputs of [state.inputs, [0.5, 0.25], [-1, 3]]) {
      expect(forwardOf(state.network, inputs)).toEqual(forward(state.network, inputs));
    }
    // The phone's preview and its nudge ("if my bias went up by 0.1"), with values being dragged.
    const pending = { weights: [0.7, -1.1], bias: 0.3 };
    const model = buildNeuronModel(state, "p2", pending)!;
    const network = networkWithPending(state, state.students["p2"]!, pending);
    const expected = forward(network, state.inputs);
    expect(model.raw).toBe(expected.layers[model.seat.layer]!.raw[model.seat.neuron]);
    expect(model.prediction.items.map((i) => i.value)).toEqual(networkOutput(expected));
    const nudged = structuredClone(network);
    nudged.layers[model.seat.layer]!.neurons[model.seat.neuron]!.bias += NUDGE;
    const watched = model.prediction.best ?? 0;
    expect(model.nudge?.after).toBe(networkOutput(forward(nudged, state.inputs))[watched]);
    expect(model.nudge?.after).not.toBe(model.nudge?.before);
  });

  it("gives no pass for a network the engine refuses, every time it is asked", () => {
    const broken = { layers: [{ activation: "softmax" as const, neurons: [{ weights: [1], bias: 0 }] }] };
    expect(forwardOf(broken, [1])).toBeNull();
    expect(forwardOf(broken, [2])).toBeNull();
  });
});
