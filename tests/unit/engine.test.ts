import { describe, it, expect } from "vitest";
import {
  EngineError,
  forward,
  layerInputs,
  linear,
  relu,
  sigmoid,
  softmax,
  step,
  tanh,
  type Activation,
  type ForwardResult,
} from "../../lib/engine";
import { pythonForward, type ReferenceCase, type ReferenceNetwork } from "../helpers/python-reference";
import { errorCases } from "../helpers/engine-cases";
import { seeded } from "../helpers/seeded";

/** Rounds to three decimals, as the lesson's `round(v, 3)` and `:.3f` show values. */
const r3 = (v: number | undefined): number => Number((v ?? NaN).toFixed(3));
const out = (result: ForwardResult, layer: number): number[] => result.layers[layer]?.output ?? [];
/** A layer written the lesson's way: a weight matrix (one row per neuron) and a bias list. */
const dense = (activation: string, W: number[][], b: number[]) => ({
  activation,
  neurons: W.map((weights, j) => ({ weights, bias: b[j] ?? NaN })),
});
const relu1 = (weights: number[], bias: number) => ({
  layers: [{ activation: "relu", neurons: [{ weights, bias }] }],
});

describe("the lesson's printed numbers", () => {
  it("bright and edgy neuron prints 1.400", () => {
    const result = forward(relu1([1.5, 2.0], -1.0), [0.8, 0.6]);
    expect(out(result, 0)[0]?.toFixed(3)).toBe("1.400");
    expect(result.layers[0]?.raw[0]).toBeCloseTo(1.4, 12);
  });

  it("2-3-2 network prints [0.9, 0.86, 0.02] then [1.074, 0]", () => {
    const network = {
      layers: [
        dense("relu", [[1.5, -0.5], [0.2, 2.0], [-1.0, 1.2]], [0.0, -0.5, 0.1]),
        dense("relu", [[0.8, 0.3, -0.2], [0.1, -0.6, 1.5]], [0.1, 0.0]),
      ],
    };
    const result = forward(network, [0.8, 0.6]);
    expect(out(result, 0).map(r3)).toEqual([0.9, 0.86, 0.02]);
    expect(out(result, 1).map(r3)).toEqual([1.074, 0]);
    expect(result.layers[1]?.raw[1]).toBeLessThan(0);
    expect(out(result, 1)[1]).toBe(0);
  });

  it("the softmax classifier reads Class A 60.1 %, Class B 39.9 %, prediction A", () => {
    const network = {
      layers: [
        dense("relu", [[1.2, -0.4], [0.5, 1.8], [-0.3, 0.9]], [0.0, -0.2, 0.1]),
        dense("softmax", [[1.0, 0.2, -0.5], [-0.3, 0.8, 1.1]], [0.1, 0.0]),
      ],
    };
    const result = forward(network, [0.9, 0.4]);
    expect(out(result, 0).map(r3)).toEqual([0.92, 0.97, 0.19]);
    const [a = NaN, b = NaN] = out(result, 1);
    expect((a * 100).toFixed(1)).toBe("60.1");
    expect((b * 100).toFixed(1)).toBe("39.9");
    expect(a).toBeGreaterThan(b);
    expect(a + b).toBeCloseTo(1, 12);
  });

  it("the quiz neuron ([0.5, 1.0], weights [2.0, -1.5], bias 0.5, ReLU) outputs 0", () => {
    expect(out(forward(relu1([2.0, -1.5], 0.5), [0.5, 1.0]), 0)).toEqual([0]);
  });

  it("the 'what does it print' neuron outputs 0.0", () => {
    const result = forward(relu1([0.5, -1.0], 1.5), [1.0, 2.0]);
    expect(out(result, 0)[0]?.toFixed(1)).toBe("0.0");
  });
});

describe("activations", () => {
  it("compute hand-checked values", () => {
    expect([relu(2.5), relu(-3), relu(0)]).toEqual([2.5, 0, 0]);
    expect(Object.is(relu(-0), 0)).toBe(true);
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2)).toBeCloseTo(0.8807970779778823, 15);
    expect(sigmoid(-2)).toBeCloseTo(0.11920292202211755, 15);
    expect(tanh(0.5)).toBeCloseTo(0.46211715726000974, 15);
    expect(tanh(-0.5)).toBeCloseTo(-0.46211715726000974, 15);
    expect([linear(-0.25), linear(3)]).toEqual([-0.25, 3]);
    expect([step(-1), step(0), step(1e-9), step(7)]).toEqual([0, 0, 1, 1]);
    const probs = softmax([1, 2, 3]);
    [0.09003057317038046, 0.24472847105479767, 0.6652409557748219].forEach((p, i) =>
      expect(probs[i]).toBeCloseTo(p, 15),
    );
  });

  it("stay finite on huge sums", () => {
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
    expect(softmax([1000, 0])).toEqual([1, 0]);
    expect(softmax([-1000, -1000])).toEqual([0.5, 0.5]);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(Number.isFinite(sigmoid(-745.2))).toBe(true);
  });

  it("apply through forward: per-neuron override and softmax over large sums", () => {
    const network = {
      layers: [
        {
          activation: "linear",
          neurons: [
            { weights: [1], bias: -2, activation: "step" },
            { weights: [1], bias: 0 },
            { weights: [-1], bias: 0, activation: "sigmoid" },
          ],
        },
        { activation: "softmax", neurons: [{ weights: [0, 500, 0], bias: 0 }, { weights: [0, 500, 0], bias: 0 }] },
      ],
    };
    const result = forward(network, [2]);
    expect(out(result, 0)).toEqual([0, 2, sigmoid(-2)]);
    expect(result.layers[1]?.raw).toEqual([1000, 1000]);
    expect(out(result, 1)).toEqual([0.5, 0.5]);
  });

  it("layerInputs shows what arrives at each layer", () => {
    const network = { layers: [{ activation: "relu", neurons: [{ weights: [1], bias: 1 }] }, { activation: "linear", neurons: [{ weights: [2], bias: 0 }] }] };
    const result = forward(network, [3]);
    expect(layerInputs(result, [3], 0)).toEqual([3]);
    expect(layerInputs(result, [3], 1)).toEqual([4]);
    expect(() => layerInputs(result, [3], 2)).toThrow(RangeError);
  });
});

describe("forward refuses bad networks and inputs, naming the path", () => {
  it.each(errorCases)("%s", (_name, network, inputs, message) => {
    let caught: unknown;
    try {
      forward(network, inputs);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect((caught as EngineError).message).toBe(message);
    expect(message.startsWith(`${(caught as EngineError).path}: `)).toBe(true);
  });
});


const NAMES: Activation[] = ["relu", "sigmoid", "tanh", "linear", "step", "softmax"];
const SINGLE = NAMES.filter((n) => n !== "softmax");

function randomCase(rand: () => number): ReferenceCase {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;
  const value = () => (rand() * 2 - 1) * pick([0.5, 2, 5]);
  const inputCount = int(1, 5);
  const depth = int(1, 4);
  const layers: ReferenceNetwork["layers"] = [];
  let width = inputCount;
  for (let i = 0; i < depth; i++) {
    const size = int(1, 6);
    const activation = size >= 2 && (i === depth - 1 ? rand() < 0.5 : rand() < 0.15) ? "softmax" : pick(SINGLE);
    const neurons: ReferenceNetwork["layers"][number]["neurons"] = Array.from({ length: size }, () => {
      const neuron: { weights: number[]; bias: number; activation?: string } = {
        weights: Array.from({ length: width }, value),
        bias: value(),
      };
      if (rand() < 0.25) neuron.activation = pick(SINGLE);
      return neuron;
    });
    if (activation === "softmax" && neurons.filter((n) => n.activation === undefined).length === 1) {
      for (const n of neurons) delete n.activation;
    }
    layers.push({ activation, neurons });
    width = size;
  }
  return { network: { layers }, inputs: Array.from({ length: inputCount }, value) };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) || Math.abs(a - b) <= 1e-12;

describe("agreement with the lesson's Python formula", () => {
  it("matches python3 on 200 random well-formed networks", () => {
    const rand = seeded(20240611);
    const cases = Array.from({ length: 200 }, () => randomCase(rand));
    const expected = pythonForward(cases);
    expect(expected).toHaveLength(200);
    let compared = 0;
    cases.forEach((c, k) => {
      const actual = forward(c.network, c.inputs);
      const reference = expected[k];
      expect(actual.layers.length).toBe(reference?.layers.length);
      actual.layers.forEach((layer, i) => {
        const ref = reference?.layers[i];
        (["raw", "output"] as const).forEach((key) => {
          expect(layer[key].length).toBe(ref?.[key].length);
          layer[key].forEach((v, j) => {
            const want = ref?.[key][j] ?? NaN;
            if (!close(v, want)) expect.fail(`case ${k} layers[${i}].${key}[${j}]: engine ${v}, python ${want}`);
            compared++;
          });
        });
      });
    });
    expect(compared).toBeGreaterThan(1000);
    const softmaxLayers = cases.flatMap((c) => c.network.layers).filter((l) => l.activation === "softmax");
    expect(softmaxLayers.length).toBeGreaterThan(20);
  });
});
