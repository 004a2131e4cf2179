/**
 * Training mode's rules and folds (lib/session/domains/training): starting on a built-in data set
 * loads its network when the class's does not fit, the teacher's own table is parsed and must
 * fit, rounds open and close with the loss, an automatic step replaces the weights and every
 * student's entry follows, and each refusal has its code. Losses are worked out by hand or by
 * a reference formula written here.
 */
import { describe, expect, it } from "vitest";
import type { Network } from "../../lib/engine";
import { parseStoredEvent } from "../../lib/session/event-schemas";
import type { SessionEvent } from "../../lib/session/events";
import { applyEvent, foldEvents } from "../../lib/session/reducer";
import type { SessionState } from "../../lib/session/state";
import { projectState, VIEWER_KINDS } from "../../lib/session/views";
import { FIXED_NOW, H1, TEACHER, createdEvent, joinMany, neuronAt, newSession, refusalOf, run, setMine, student } from "../helpers/session-fixtures";

const start = (id: "spam" | "bright-and-edgy" | "and" | "or" | "xor", learningRate?: number) =>
  ({ name: "training:start", payload: { dataset: { id }, ...(learningRate === undefined ? {} : { learningRate }) } }) as const;
const custom = (csv: string) => ({ name: "training:start", payload: { dataset: { id: "custom", csv } } }) as const;
const round = (action: "start" | "end") => ({ name: "training:round", payload: { action } }) as const;
const applyStep = { name: "training:apply-step", payload: {} } as const;
const stop = { name: "training:stop", payload: {} } as const;

/** The AND set's four rows (inputs, target), as SPEC-free truth: 1 only for (1, 1). */
const AND_ROWS: [number, number, number][] = [
  [0, 0, 0],
  [0, 1, 0],
  [1, 0, 0],
  [1, 1, 1],
];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * A reference for one sigmoid neuron on AND, written apart from the engine: the mse
 * (1/4)·Σ (y - t)² and its slopes dL/dw_k = (1/4)·Σ 2(y - t)·y(1 - y)·x_k, dL/db likewise with 1.
 */
function andReference(w: [number, number], b: number): { loss: number; gw: [number, number]; gb: number } {
  let loss = 0;
  const gw: [number, number] = [0, 0];
  let gb = 0;
  for (const [x1, x2, t] of AND_ROWS) {
    const y = sigmoid(w[0] * x1 + w[1] * x2 + b);
    loss += (y - t) ** 2 / 4;
    const dz = (2 * (y - t) * y * (1 - y)) / 4;
    gw[0] += dz * x1;
    gw[1] += dz * x2;
    gb += dz;
  }
  return { loss, gw, gb };
}

describe("training:start", () => {
  it("a new session has training off at learning rate 0.5", () => {
    expect(newSession().training).toEqual({ on: false, dataset: null, learningRate: 0.5, rounds: [], steps: [] });
  });

  it("is the teacher's: a student is refused", () => {
    const state = newSession();
    joinMany(state, 1);
    expect(refusalOf(state, student("p1"), start("xor")).code).toBe("FORBIDDEN");
  });

  it("a built-in set whose network does not fit loads its own first, and everyone is seated again on it", () => {
    const state = newSession(); // the classifier: 2 inputs, 2 softmax outputs; XOR has 1 output
    joinMany(state, 3);
    const events = run(state, TEACHER, start("xor"));
    expect(events.map((e) => e.type)).toEqual(["network.loaded", "training.started"]);
    expect(state.network.layers.map((l) => l.neurons.length)).toEqual([2, 1]);
    expect(state.outputLabels).toEqual(["A XOR B"]);
    expect(state.students.p3!.seat).toEqual({ layer: 1, neuron: 0 });
    expect(state.training.on).toBe(true);
    expect(state.training.learningRate).toBe(0.5);
    expect(state.training.dataset?.id).toBe("xor");
    expect(state.training.dataset?.examples).toEqual([
      { inputs: [0, 0], target: [0] },
      { inputs: [0, 1], target: [1] },
      { inputs: [1, 0], target: [1] },
      { inputs: [1, 1], target: [0] },
    ]);
  });

  it("a built-in set that fits the class's network keeps it and the students' entries", () => {
    const state = newSession("spam");
    joinMany(state, 1);
    setMine(state, "p1", { bias: -0.25 });
    expect(run(state, TEACHER, start("spam", 2)).map((e) => e.type)).toEqual(["training.started"]);
    expect(neuronAt(state, H1).bias).toBe(-0.25);
    expect(state.training.learningRate).toBe(2);
    expect(state.training.dataset?.exampleLabels?.[0]).toBe("spam");
  });

  it("the teacher's own table is parsed on the server: its error names the line", () => {
    const state = newSession();
    const refusal = refusalOf(state, TEACHER, custom("x,y,class\n1,0,Class A\n1,abc,Class B"));
    expect(refusal.code).toBe("BAD_REQUEST");
    expect(refusal.message).toBe('Line 3: "abc" is not a number.');
  });

  it("the teacher's own table must fit the class's network (it loads none)", () => {
    const state = newSession();
    const refusal = refusalOf(state, TEACHER, custom("1,2,3,Class A"));
    expect(refusal.code).toBe("INVALID");
    expect(refusal.message).toBe("This table has 3 inputs, but the network reads 2.");
  });

  it("a fitting table of class names becomes the data set, one-hot per the network's output labels", () => {
    const state = newSession(); // outputs "Class A", "Class B"
    expect(run(state, TEACHER, custom("size,speed,kind\n0.9,0.4,Class A\n0.1,0.8,class b")).map((e) => e.type)).toEqual(["training.started"]);
    expect(state.training.dataset).toEqual({
      id: "custom",
      title: "My own table",
      inputLabels: ["size", "speed"],
      outputLabels: ["Class A", "Class B"],
      examples: [
        { inputs: [0.9, 0.4], target: [1, 0] },
        { inputs: [0.1, 0.8], target: [0, 1] },
      ],
      exampleLabels: ["Class A", "Class B"],
    });
  });

  it("starting again on another set begins a new list of rounds", () => {
    const state = newSession();
    run(state, TEACHER, start("and"));
    run(state, TEACHER, round("start"));
    run(state, TEACHER, round("end"));
    expect(state.training.rounds).toHaveLength(1);
    run(state, TEACHER, start("or"));
    expect(state.training.rounds).toEqual([]);
    expect(state.training.dataset?.id).toBe("or");
  });
});

describe("training:round", () => {
  it("is refused while training is off, and an end with no round open", () => {
    const state = newSession();
    expect(refusalOf(state, TEACHER, round("start"))).toMatchObject({ code: "INVALID", message: "Training mode is off: start training first." });
    run(state, TEACHER, start("and"));
    expect(refusalOf(state, TEACHER, round("end"))).toMatchObject({ code: "INVALID", message: "No round is running: start one first." });
  });

  it("opens a round with the loss then, refuses a second start, and closes with the loss after the class's moves", () => {
    const state = newSession();
    joinMany(state, 1);
    run(state, TEACHER, start("and")); // one sigmoid neuron, weights (0.5, -0.5), bias 0.2
    // y = σ(0.2), σ(-0.3), σ(0.7), σ(0.2) = 0.549834, 0.425557, 0.668188, 0.549834 against 0, 0, 0, 1:
    // (0.549834² + 0.425557² + 0.668188² + 0.450166²) / 4 = 0.2831352312
    const [opened] = run(state, TEACHER, round("start"));
    expect(opened).toMatchObject({ type: "training.round-started", payload: { round: 1, at: FIXED_NOW } });
    const lossBefore = (opened as Extract<SessionEvent, { type: "training.round-started" }>).payload.lossBefore;
    expect(lossBefore).toBeCloseTo(0.2831352312372331, 12);
    expect(state.training.rounds[0]).toMatchObject({ round: 1, startedAt: FIXED_NOW, endedAt: null, lossBefore, lossAfter: null });
    expect(state.training.rounds[0]!.startNetwork.layers[0]!.neurons[0]).toEqual({ weights: [0.5, -0.5], bias: 0.2 });
    expect(refusalOf(state, TEACHER, round("start"))).toMatchObject({ code: "INVALID", message: "Round 1 is still running: end it first." });

    setMine(state, "p1", { weights: [1, 1], bias: -1.5 }); // y = σ(-1.5), σ(-0.5), σ(-0.5), σ(0.5)
    const [closed] = run(state, TEACHER, round("end"));
    const expected = (sigmoid(-1.5) ** 2 + 2 * sigmoid(-0.5) ** 2 + (1 - sigmoid(0.5)) ** 2) / 4; // 0.1329…
    expect(closed).toEqual({ type: "training.round-ended", payload: { round: 1, at: FIXED_NOW, lossAfter: expect.closeTo(expected, 12) } });
    expect(state.training.rounds[0]).toMatchObject({ endedAt: FIXED_NOW, lossAfter: expect.closeTo(expected, 12) });
    expect(run(state, TEACHER, round("start"))[0]).toMatchObject({ payload: { round: 2, lossBefore: expect.closeTo(expected, 12) } });
  });

  it("refuses a round when the class's network no longer fits the data set", () => {
    const state = newSession();
    run(state, TEACHER, start("xor"));
    run(state, TEACHER, { name: "network:load-preset", payload: { presetId: "spam" } });
    expect(refusalOf(state, TEACHER, round("start"))).toMatchObject({
      code: "INVALID",
      message: "This table has 2 inputs, but the network reads 3. Start training again to load a network that fits.",
    });
  });
});

describe("training:apply-step", () => {
  it("is refused while training is off", () => {
    expect(refusalOf(newSession(), TEACHER, applyStep).code).toBe("INVALID");
  });

  it("moves every weight and bias down the gradient; the students' entries follow (training.stepped)", () => {
    const state = newSession();
    joinMany(state, 2);
    run(state, TEACHER, start("and", 2));
    const ref = andReference([0.5, -0.5], 0.2);
    const [event] = run(state, TEACHER, applyStep);
    const stepped = event as Extract<SessionEvent, { type: "training.stepped" }>;
    expect(stepped.type).toBe("training.stepped");
    expect(stepped.payload.learningRate).toBe(2);
    expect(stepped.payload.at).toBe(FIXED_NOW);
    expect(stepped.payload.lossBefore).toBeCloseTo(ref.loss, 12);
    const neuron = stepped.payload.network.layers[0]!.neurons[0]!;
    expect(neuron.weights[0]).toBeCloseTo(0.5 - 2 * ref.gw[0], 12);
    expect(neuron.weights[1]).toBeCloseTo(-0.5 - 2 * ref.gw[1], 12);
    expect(neuron.bias).toBeCloseTo(0.2 - 2 * ref.gb, 12);
    const after = andReference([neuron.weights[0]!, neuron.weights[1]!], neuron.bias);
    expect(stepped.payload.lossAfter).toBeCloseTo(after.loss, 12);
    expect(stepped.payload.lossAfter).toBeLessThan(stepped.payload.lossBefore);
    // Both students sit on the one neuron: their entries are the stepped values.
    for (const id of ["p1", "p2"]) expect(state.students[id]!.entry).toEqual({ weights: neuron.weights, bias: neuron.bias });
    expect(neuronAt(state, H1)).toMatchObject({ weights: neuron.weights, bias: neuron.bias });
    expect(state.training.steps).toEqual([{ learningRate: 2, lossBefore: stepped.payload.lossBefore, lossAfter: stepped.payload.lossAfter, at: FIXED_NOW }]);
  });

  it("still runs on a step network, whose gradient is 0: nothing moves", () => {
    const state = newSession();
    const network: Network = { layers: [{ activation: "step", neurons: [{ weights: [1, 1], bias: -1.5 }] }] };
    run(state, TEACHER, { name: "network:load", payload: { network, inputs: [1, 1], inputLabels: ["a", "b"], outputLabels: ["y"], presetId: null } });
    run(state, TEACHER, custom("0,0,0\n1,1,1\n1,0,1"));
    const [event] = run(state, TEACHER, applyStep);
    const payload = (event as Extract<SessionEvent, { type: "training.stepped" }>).payload;
    // step(-1.5), step(0.5), step(-0.5) = 0, 1, 0 against 0, 1, 1: loss 1/3, before and after
    expect(payload.lossBefore).toBeCloseTo(1 / 3, 12);
    expect(payload.lossAfter).toBe(payload.lossBefore);
    expect(payload.network).toEqual(network);
  });
});

describe("a loss too large for an event", () => {
  it("is refused rather than logged (JSON has no Infinity)", () => {
    const state = newSession();
    // A linear neuron reading 1e200: the output 1e200, its square overflows to Infinity.
    const network: Network = { layers: [{ activation: "linear", neurons: [{ weights: [1], bias: 0 }] }] };
    run(state, TEACHER, { name: "network:load", payload: { network, inputs: [1], inputLabels: ["x"], outputLabels: ["y"], presetId: null } });
    expect(refusalOf(state, TEACHER, custom("1e200,0"))).toMatchObject({
      code: "INVALID",
      message: "The loss is too large to compute: bring the weights back to smaller values first.",
    });
    run(state, TEACHER, custom("1,0"));
    run(state, TEACHER, { name: "network:set-neuron", payload: { layer: 0, neuron: 0, values: { weights: [1], bias: 5 } } });
    expect(run(state, TEACHER, round("start"))[0]).toMatchObject({ payload: { lossBefore: 36 } }); // (1 + 5 - 0)²
  });
});

describe("training:learning-rate and training:stop", () => {
  it("sets the learning rate", () => {
    const state = newSession();
    expect(run(state, TEACHER, { name: "training:learning-rate", payload: { learningRate: 0.05 } })).toEqual([
      { type: "training.learning-rate-set", payload: { learningRate: 0.05 } },
    ]);
    expect(state.training.learningRate).toBe(0.05);
  });

  it("stop closes an open round first, keeps the rounds and steps, and is refused when already off", () => {
    const state = newSession();
    run(state, TEACHER, start("and"));
    run(state, TEACHER, applyStep);
    run(state, TEACHER, round("start"));
    expect(run(state, TEACHER, stop).map((e) => e.type)).toEqual(["training.round-ended", "training.stopped"]);
    expect(state.training.on).toBe(false);
    expect(state.training.rounds[0]!.endedAt).toBe(FIXED_NOW);
    expect(state.training.steps).toHaveLength(1);
    expect(state.training.dataset?.id).toBe("and");
    expect(refusalOf(state, TEACHER, stop)).toMatchObject({ code: "INVALID", message: "Training mode is already off." });
  });
});

describe("training's events in the log and on every screen", () => {
  function trainedSession(): { state: SessionState; events: SessionEvent[] } {
    const state = newSession();
    const events: SessionEvent[] = [createdEvent()];
    const record = (command: Parameters<typeof run>[2]) => events.push(...run(state, TEACHER, command));
    record(start("xor"));
    record(round("start"));
    record(round("end"));
    record({ name: "training:learning-rate", payload: { learningRate: 3 } });
    record(applyStep);
    record(stop);
    return { state, events };
  }

  it("every event passes its stored schema, and folding the log again gives the same state", () => {
    const { state, events } = trainedSession();
    const parsed = events.map((e, i) => parseStoredEvent("sess-1", { seq: i + 1, type: e.type, payload: JSON.parse(JSON.stringify(e.payload)), actor: "teacher" }));
    expect(foldEvents(null, parsed)).toEqual(state);
  });

  it("goes to every viewer whole", () => {
    const { state } = trainedSession();
    for (const kind of VIEWER_KINDS) expect(projectState(state, kind).training).toEqual(state.training);
  });

  it("keeps the last 200 rounds", () => {
    let state = newSession();
    const network = state.network;
    for (let r = 1; r <= 201; r++) {
      state = applyEvent(state, { type: "training.round-started", payload: { round: r, at: r, lossBefore: 1, startNetwork: network } });
      state = applyEvent(state, { type: "training.round-ended", payload: { round: r, at: r + 0.5, lossAfter: 0.5 } });
    }
    expect(state.training.rounds).toHaveLength(200);
    expect(state.training.rounds[0]!.round).toBe(2);
    expect(state.training.rounds[199]).toMatchObject({ round: 201, endedAt: 201.5, lossAfter: 0.5 });
  });
});
