/**
 * Teams (SPEC.md feature 3): more students than neurons share a neuron, and the teacher picks
 * how the team's entries combine: the latest entry, or the average. Means are worked by hand.
 */
import { describe, expect, it } from "vitest";
import { averageEntries } from "../../lib/session/teams";
import type { NeuronValues } from "../../lib/session/state";
import { H1, H2, H3, O1, TEACHER, joinMany, neuronAt, newSession, run, setMine } from "../helpers/session-fixtures";

const average = (state: ReturnType<typeof newSession>) =>
  run(state, TEACHER, { name: "network:team-mode", payload: { mode: "average" } });
const latest = (state: ReturnType<typeof newSession>) =>
  run(state, TEACHER, { name: "network:team-mode", payload: { mode: "latest" } });

function expectValues(actual: NeuronValues, expected: NeuronValues) {
  expect(actual.weights).toHaveLength(expected.weights.length);
  expected.weights.forEach((w, k) => expect(actual.weights[k]).toBeCloseTo(w, 12));
  expect(actual.bias).toBeCloseTo(expected.bias, 12);
}

describe("averageEntries", () => {
  it("takes the element-wise mean", () => {
    expect(averageEntries([{ weights: [1, 2], bias: 0 }, { weights: [3, 4], bias: 1 }])).toEqual({ weights: [2, 3], bias: 0.5 });
    expect(averageEntries([{ weights: [5, -5, 1], bias: 2 }])).toEqual({ weights: [5, -5, 1], bias: 2 });
  });

  it("refuses to average nothing", () => {
    expect(() => averageEntries([])).toThrow(RangeError);
  });
});

describe("latest mode (the default)", () => {
  it("gives the neuron the last entry of any member", () => {
    const state = newSession();
    joinMany(state, 6); // p1 and p6 on hidden neuron 1
    setMine(state, "p1", { weights: [1, 1], bias: 0.5 });
    expect(neuronAt(state, H1)).toEqual({ weights: [1, 1], bias: 0.5 });
    setMine(state, "p6", { weights: [2, -2], bias: -1 });
    expect(neuronAt(state, H1)).toEqual({ weights: [2, -2], bias: -1 });
  });

  it("follows interleaved entries P, Q, P", () => {
    const state = newSession();
    joinMany(state, 6);
    setMine(state, "p1", { weights: [0.1, 0.2], bias: 0.3 });
    setMine(state, "p6", { weights: [0.4, 0.5], bias: 0.6 });
    setMine(state, "p1", { weights: [0.7, 0.8], bias: 0.9 });
    expect(neuronAt(state, H1)).toEqual({ weights: [0.7, 0.8], bias: 0.9 });
    expect(state.students.p1!.entry).toEqual({ weights: [0.7, 0.8], bias: 0.9 });
    expect(state.students.p6!.entry).toEqual({ weights: [0.4, 0.5], bias: 0.6 });
  });

  it("leaves other neurons alone", () => {
    const state = newSession();
    joinMany(state, 6);
    setMine(state, "p6", { weights: [4, 4], bias: 4 });
    expect(neuronAt(state, H2)).toEqual({ weights: [0.5, 1.8], bias: -0.2 });
    expect(neuronAt(state, O1)).toEqual({ weights: [1.0, 0.2, -0.5], bias: 0.1 });
  });

  it("keeps the neuron's last entry when the member who made it moves away", () => {
    const state = newSession();
    joinMany(state, 6);
    setMine(state, "p6", { weights: [3, 3], bias: 3 });
    run(state, TEACHER, { name: "student:move", payload: { studentId: "p6", seat: H3 } });
    expect(neuronAt(state, H1)).toEqual({ weights: [3, 3], bias: 3 });
    // p6 now starts from hidden neuron 3's values, and neuron 3 is unchanged by the move.
    expect(state.students.p6!.entry).toEqual({ weights: [-0.3, 0.9], bias: 0.1 });
    expect(neuronAt(state, H3)).toEqual({ weights: [-0.3, 0.9], bias: 0.1 });
  });
});

describe("average mode", () => {
  it("gives the neuron the mean of its members' entries", () => {
    const state = newSession();
    joinMany(state, 6);
    average(state);
    expect(state.teamMode).toBe("average");
    setMine(state, "p1", { weights: [1, 2], bias: 0 });
    // p1 [1, 2] b 0 and p6 still on the preset's [1.2, -0.4] b 0: mean [1.1, 0.8] b 0.
    expectValues(neuronAt(state, H1), { weights: [1.1, 0.8], bias: 0 });
    setMine(state, "p6", { weights: [3, -4], bias: 1 });
    // [1, 2] b 0 and [3, -4] b 1: mean [2, -1] b 0.5.
    expectValues(neuronAt(state, H1), { weights: [2, -1], bias: 0.5 });
  });

  it("averages a team of three", () => {
    const state = newSession();
    joinMany(state, 11); // p1, p6, p11 on hidden neuron 1
    average(state);
    setMine(state, "p1", { weights: [0.9, 0.3], bias: 0.6 });
    setMine(state, "p6", { weights: [-0.3, 0.6], bias: 0 });
    setMine(state, "p11", { weights: [0.3, 0.3], bias: -0.3 });
    // weights ((0.9 - 0.3 + 0.3) / 3, (0.3 + 0.6 + 0.3) / 3) = (0.3, 0.4); bias (0.6 + 0 - 0.3) / 3 = 0.1.
    expectValues(neuronAt(state, H1), { weights: [0.3, 0.4], bias: 0.1 });
  });

  it("lets a lone student set their neuron exactly", () => {
    const state = newSession();
    joinMany(state, 6);
    average(state);
    setMine(state, "p2", { weights: [-2.5, 0.75], bias: 1.25 });
    expect(neuronAt(state, H2)).toEqual({ weights: [-2.5, 0.75], bias: 1.25 });
  });

  it("is applied at once when the teacher switches to it", () => {
    const state = newSession();
    joinMany(state, 6);
    setMine(state, "p1", { weights: [1, 1], bias: 1 });
    setMine(state, "p6", { weights: [3, 5], bias: -1 });
    setMine(state, "p2", { weights: [0.5, 0.5], bias: 0.5 });
    expect(neuronAt(state, H1)).toEqual({ weights: [3, 5], bias: -1 });
    average(state);
    // ([1, 1] b 1 + [3, 5] b -1) / 2 = [2, 3] b 0.
    expectValues(neuronAt(state, H1), { weights: [2, 3], bias: 0 });
    expect(neuronAt(state, H2)).toEqual({ weights: [0.5, 0.5], bias: 0.5 });
    expect(neuronAt(state, H3)).toEqual({ weights: [-0.3, 0.9], bias: 0.1 });
  });

  it("keeps the average when switching back to latest, until the next entry", () => {
    const state = newSession();
    joinMany(state, 6);
    average(state);
    setMine(state, "p1", { weights: [1, 1], bias: 1 });
    setMine(state, "p6", { weights: [3, 3], bias: 3 });
    latest(state);
    expectValues(neuronAt(state, H1), { weights: [2, 2], bias: 2 });
    setMine(state, "p1", { weights: [0, 0], bias: 0 });
    expect(neuronAt(state, H1)).toEqual({ weights: [0, 0], bias: 0 });
  });

  it("recomputes the old team when a member is moved away", () => {
    const state = newSession();
    joinMany(state, 6);
    average(state);
    setMine(state, "p1", { weights: [1, 1], bias: 1 });
    setMine(state, "p6", { weights: [3, 3], bias: 3 });
    expectValues(neuronAt(state, H1), { weights: [2, 2], bias: 2 });
    run(state, TEACHER, { name: "student:move", payload: { studentId: "p6", seat: O1 } });
    expect(neuronAt(state, H1)).toEqual({ weights: [1, 1], bias: 1 });
    // p6 joins p4 on output neuron 1 from its current values, which do not change.
    expect(state.students.p6!.entry).toEqual({ weights: [1.0, 0.2, -0.5], bias: 0.1 });
    expectValues(neuronAt(state, O1), { weights: [1.0, 0.2, -0.5], bias: 0.1 });
  });

  it("recomputes the team when a member is removed", () => {
    const state = newSession();
    joinMany(state, 6);
    average(state);
    setMine(state, "p1", { weights: [1, 1], bias: 1 });
    setMine(state, "p6", { weights: [3, 3], bias: 3 });
    run(state, TEACHER, { name: "student:remove", payload: { studentId: "p1" } });
    expect(neuronAt(state, H1)).toEqual({ weights: [3, 3], bias: 3 });
  });
});

describe("the teacher setting a neuron", () => {
  it("sets the neuron and every member's entry", () => {
    const state = newSession();
    joinMany(state, 6);
    setMine(state, "p1", { weights: [1, 1], bias: 1 });
    run(state, TEACHER, { name: "network:set-neuron", payload: { layer: 0, neuron: 0, values: { weights: [0.5, -0.5], bias: 0.25 } } });
    expect(neuronAt(state, H1)).toEqual({ weights: [0.5, -0.5], bias: 0.25 });
    expect(state.students.p1!.entry).toEqual({ weights: [0.5, -0.5], bias: 0.25 });
    expect(state.students.p6!.entry).toEqual({ weights: [0.5, -0.5], bias: 0.25 });
    expect(state.students.p2!.entry).toEqual({ weights: [0.5, 1.8], bias: -0.2 });
  });

  it("is the starting point of the team's next average", () => {
    const state = newSession();
    joinMany(state, 6);
    average(state);
    run(state, TEACHER, { name: "network:set-neuron", payload: { layer: 0, neuron: 0, values: { weights: [0.5, -0.5], bias: 0.25 } } });
    setMine(state, "p1", { weights: [1.5, 0.5], bias: 0.75 });
    // ([0.5, -0.5] b 0.25 + [1.5, 0.5] b 0.75) / 2 = [1, 0] b 0.5.
    expectValues(neuronAt(state, H1), { weights: [1, 0], bias: 0.5 });
  });

  it("sets a neuron nobody sits on", () => {
    const state = newSession();
    joinMany(state, 2);
    run(state, TEACHER, { name: "network:set-neuron", payload: { layer: 1, neuron: 1, values: { weights: [0, 0, 0], bias: 0 } } });
    expect(neuronAt(state, { layer: 1, neuron: 1 })).toEqual({ weights: [0, 0, 0], bias: 0 });
  });
});
