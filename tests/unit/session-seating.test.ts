/**
 * Seating (SPEC.md feature 3, "The default session", "The default seating order"): who sits on
 * which neuron, and which values they start from. Expected seats and numbers are written out
 * by hand from the spec and the lesson.
 */
import { describe, expect, it } from "vitest";
import { forward } from "../../lib/engine";
import { getPreset } from "../../lib/lesson/presets";
import { formatPercent, formatValue } from "../../lib/session/format";
import { nextSeat, seatOrder } from "../../lib/session/seating";
import {
  H1, H2, H3, O1, O2, SPEC_DEFAULT_NETWORK, TEACHER, idsOn, join, joinMany, newSession, outputAt, run, setMine,
} from "../helpers/session-fixtures";

const seatOf = (state: ReturnType<typeof newSession>, id: string) => state.students[id]!.seat;

describe("the default session", () => {
  it("is the lesson's full-forward-pass classifier from SPEC.md", () => {
    const state = newSession();
    expect(getPreset("classifier").network).toEqual(SPEC_DEFAULT_NETWORK);
    expect(state.network).toEqual(SPEC_DEFAULT_NETWORK);
    expect(state.inputs).toEqual([0.9, 0.4]);
    expect(state.outputLabels).toEqual(["Class A", "Class B"]);
    expect(state.status).toBe("live");
    expect(state.teamMode).toBe("latest");
    expect(state.range).toEqual({ min: -5, max: 5 });
    expect(state.locks).toEqual({ network: false, layers: [false, false] });
    expect(state.students).toEqual({});
  });

  it("reads Class A 60.1 %, Class B 39.9 %", () => {
    const state = newSession();
    const out = forward(state.network, state.inputs).layers[1]!.output;
    expect(out.map(formatPercent)).toEqual(["60.1 %", "39.9 %"]);
  });

  it("lists its neurons hidden layer top to bottom, then the output layer", () => {
    expect(seatOrder(newSession().network)).toEqual([H1, H2, H3, O1, O2]);
    expect(nextSeat(newSession())).toEqual(H1);
  });
});

describe("the default seating order", () => {
  it("seats the first five students hidden layer top to bottom, then the output layer", () => {
    const state = newSession();
    joinMany(state, 5);
    expect(["p1", "p2", "p3", "p4", "p5"].map((id) => seatOf(state, id))).toEqual([H1, H2, H3, O1, O2]);
  });

  it("sends the 6th student to hidden neuron 1 as a team, the 7th to hidden neuron 2, and so on round again", () => {
    const state = newSession();
    joinMany(state, 12);
    expect(["p6", "p7", "p8", "p9", "p10", "p11", "p12"].map((id) => seatOf(state, id))).toEqual([H1, H2, H3, O1, O2, H1, H2]);
    expect(idsOn(state, H1)).toEqual(["p1", "p11", "p6"]);
    expect(idsOn(state, O2)).toEqual(["p10", "p5"]);
  });

  it("gives each student a join order from 1", () => {
    const state = newSession();
    join(state, "zed");
    join(state, "amy");
    join(state, "mo");
    expect(["zed", "amy", "mo"].map((id) => state.students[id]!.joinIndex)).toEqual([1, 2, 3]);
  });

  it("starts each student from their neuron's current weights and bias", () => {
    const state = newSession();
    joinMany(state, 5);
    expect(state.students.p1!.entry).toEqual({ weights: [1.2, -0.4], bias: 0.0 });
    expect(state.students.p2!.entry).toEqual({ weights: [0.5, 1.8], bias: -0.2 });
    expect(state.students.p3!.entry).toEqual({ weights: [-0.3, 0.9], bias: 0.1 });
    expect(state.students.p4!.entry).toEqual({ weights: [1.0, 0.2, -0.5], bias: 0.1 });
    expect(state.students.p5!.entry).toEqual({ weights: [-0.3, 0.8, 1.1], bias: 0.0 });
  });

  it("starts a late joiner from what their team has already entered, not from the preset", () => {
    const state = newSession();
    joinMany(state, 5);
    setMine(state, "p1", { weights: [0.25, -1.5], bias: 2 });
    join(state, "p6");
    expect(seatOf(state, "p6")).toEqual(H1);
    expect(state.students.p6!.entry).toEqual({ weights: [0.25, -1.5], bias: 2 });
  });

  it("starts a student on a neuron the teacher set from the teacher's values", () => {
    const state = newSession();
    run(state, TEACHER, { name: "network:set-neuron", payload: { layer: 0, neuron: 0, values: { weights: [3, 4], bias: -1 } } });
    join(state, "p1");
    expect(state.students.p1!.entry).toEqual({ weights: [3, 4], bias: -1 });
  });

  it("gives the first three students the outputs 0.920, 0.970 and 0.190", () => {
    const state = newSession();
    joinMany(state, 3);
    const outputs = ["p1", "p2", "p3"].map((id) => outputAt(state, seatOf(state, id)!));
    expect(outputs.map(formatValue)).toEqual(["0.920", "0.970", "0.190"]);
    // By hand: relu(1.2*0.9 - 0.4*0.4 + 0) = 0.92; relu(0.5*0.9 + 1.8*0.4 - 0.2) = 0.97; relu(-0.27 + 0.36 + 0.1) = 0.19.
    expect(outputs[0]).toBeCloseTo(0.92, 12);
    expect(outputs[1]).toBeCloseTo(0.97, 12);
    expect(outputs[2]).toBeCloseTo(0.19, 12);
  });
});

describe("removing and readmitting", () => {
  it("frees the removed student's seat, and the next joiner takes it", () => {
    const state = newSession();
    joinMany(state, 5);
    run(state, TEACHER, { name: "student:remove", payload: { studentId: "p2" } });
    expect(state.students.p2!.removed).toBe(true);
    expect(state.students.p2!.seat).toBeNull();
    expect(idsOn(state, H2)).toEqual([]);
    join(state, "p6");
    expect(seatOf(state, "p6")).toEqual(H2);
    join(state, "p7");
    expect(seatOf(state, "p7")).toEqual(H1);
  });

  it("sends the next joiner to the emptiest neuron, the first in seating order among equals", () => {
    const state = newSession();
    joinMany(state, 6); // H1: p1 p6; H2 p2; H3 p3; O1 p4; O2 p5
    run(state, TEACHER, { name: "student:remove", payload: { studentId: "p3" } });
    join(state, "p7");
    expect(seatOf(state, "p7")).toEqual(H3);
    join(state, "p8");
    expect(seatOf(state, "p8")).toEqual(H2);
    join(state, "p9");
    expect(seatOf(state, "p9")).toEqual(H3);
  });

  it("counts a student the teacher moved where they sit now", () => {
    const state = newSession();
    joinMany(state, 4);
    run(state, TEACHER, { name: "student:move", payload: { studentId: "p1", seat: O2 } });
    expect(seatOf(state, "p1")).toEqual(O2);
    join(state, "p5");
    expect(seatOf(state, "p5")).toEqual(H1);
    // Every neuron now has one student (O2 has p1): round again from hidden neuron 1.
    join(state, "p6");
    expect(seatOf(state, "p6")).toEqual(H1);
  });

  it("seats a readmitted student again, from the neuron's current values", () => {
    const state = newSession();
    joinMany(state, 5);
    run(state, TEACHER, { name: "student:remove", payload: { studentId: "p2" } });
    run(state, TEACHER, { name: "network:set-neuron", payload: { layer: 0, neuron: 1, values: { weights: [-1, 1], bias: 0.5 } } });
    run(state, TEACHER, { name: "student:readmit", payload: { studentId: "p2" } });
    expect(state.students.p2!.removed).toBe(false);
    expect(seatOf(state, "p2")).toEqual(H2);
    expect(state.students.p2!.entry).toEqual({ weights: [-1, 1], bias: 0.5 });
  });

  it("keeps the readmitted student's name and join order", () => {
    const state = newSession();
    join(state, "p1", "Ada");
    join(state, "p2", "Grace");
    run(state, TEACHER, { name: "student:remove", payload: { studentId: "p1" } });
    run(state, TEACHER, { name: "student:readmit", payload: { studentId: "p1" } });
    expect(state.students.p1).toMatchObject({ nickname: "Ada", joinIndex: 1, seat: H1 });
  });
});

describe("loading a new network", () => {
  it("reseats everyone in join order on the new network, from its values", () => {
    const state = newSession();
    joinMany(state, 7);
    run(state, TEACHER, { name: "network:load-preset", payload: { presetId: "spam" } });
    // Spam detector: hidden [2.0, 1.5, -1.0] b -0.5 and [-0.5, -0.5, 2.0] b 0; output [2.5, -2.0] b -1.
    const S1 = { layer: 0, neuron: 0 }, S2 = { layer: 0, neuron: 1 }, SO = { layer: 1, neuron: 0 };
    expect(["p1", "p2", "p3", "p4", "p5", "p6", "p7"].map((id) => seatOf(state, id))).toEqual([S1, S2, SO, S1, S2, SO, S1]);
    expect(state.students.p1!.entry).toEqual({ weights: [2.0, 1.5, -1.0], bias: -0.5 });
    expect(state.students.p3!.entry).toEqual({ weights: [2.5, -2.0], bias: -1.0 });
    expect(state.students.p7!.entry).toEqual({ weights: [2.0, 1.5, -1.0], bias: -0.5 });
    expect(state.inputs).toEqual([0.9, 0.8, 0]);
    expect(state.presetId).toBe("spam");
  });

  it("reseats by join order, not by where students sat before", () => {
    const state = newSession();
    joinMany(state, 3);
    run(state, TEACHER, { name: "student:move", payload: { studentId: "p1", seat: O2 } });
    run(state, TEACHER, { name: "student:remove", payload: { studentId: "p2" } });
    run(state, TEACHER, { name: "student:readmit", payload: { studentId: "p2" } });
    join(state, "p4");
    run(state, TEACHER, { name: "network:load-preset", payload: { presetId: "two-layer" } });
    expect(["p1", "p2", "p3", "p4"].map((id) => seatOf(state, id))).toEqual([H1, H2, H3, O1]);
  });

  it("leaves removed students without a seat", () => {
    const state = newSession();
    joinMany(state, 3);
    run(state, TEACHER, { name: "student:remove", payload: { studentId: "p1" } });
    run(state, TEACHER, { name: "network:load-preset", payload: { presetId: "two-layer" } });
    expect(state.students.p1!.seat).toBeNull();
    expect(seatOf(state, "p2")).toEqual(H1);
    expect(seatOf(state, "p3")).toEqual(H2);
  });
});

describe("a single-layer network (bright and edgy)", () => {
  it("seats everyone on its one neuron as a team, each reading 1.400", () => {
    const state = newSession("bright-and-edgy");
    joinMany(state, 4);
    const only = { layer: 0, neuron: 0 };
    expect(idsOn(state, only)).toEqual(["p1", "p2", "p3", "p4"]);
    for (const id of ["p1", "p2", "p3", "p4"]) expect(state.students[id]!.entry).toEqual({ weights: [1.5, 2.0], bias: -1.0 });
    // 1.5*0.8 + 2.0*0.6 - 1.0 = 1.4, the lesson's printed 1.400.
    expect(formatValue(outputAt(state, only))).toBe("1.400");
  });

  it("seats everyone on the one neuron after loading it mid-session", () => {
    const state = newSession();
    joinMany(state, 3);
    run(state, TEACHER, { name: "network:load-preset", payload: { presetId: "bright-and-edgy" } });
    expect(idsOn(state, { layer: 0, neuron: 0 })).toEqual(["p1", "p2", "p3"]);
    expect(state.locks.layers).toEqual([false]);
  });
});
