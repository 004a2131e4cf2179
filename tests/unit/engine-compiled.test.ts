/**
 * The compiled form (lib/engine/compile.ts) against the validating `forward`: the same numbers
 * to the last bit (compared with Object.is, so even a -0 would show) on the lesson's networks
 * and on seeded random networks of every activation, huge sums included, and the same
 * refusals with the same messages.
 */
import { describe, expect, it } from "vitest";
import { compile, compiledOf, EngineError, forward, type Activation, type ForwardResult, type Network } from "../../lib/engine";
import { PRESETS, SPAM_EXAMPLES, SPAM_NETWORK } from "../../lib/lesson/presets";
import { errorCases } from "../helpers/engine-cases";
import { seeded } from "../helpers/seeded";

/** Every value of `actual` is the same double as in `expected` (a difference names its place). */
function expectSameBits(actual: ForwardResult, expected: ForwardResult, what: string): void {
  expect(actual.layers.length, what).toBe(expected.layers.length);
  expected.layers.forEach((layer, i) => {
    for (const key of ["raw", "output"] as const) {
      const got = actual.layers[i]![key];
      expect(Array.isArray(got), `${what}: layers[${i}].${key} is a plain array`).toBe(true);
      expect(got.length).toBe(layer[key].length);
      layer[key].forEach((want, j) => {
        if (!Object.is(got[j], want)) expect.fail(`${what}: layers[${i}].${key}[${j}]: compiled ${got[j]}, forward ${want}`);
      });
    }
  });
}

/** What the reusable buffers of the last run hold, as a ForwardResult. */
const buffers = (c: ReturnType<typeof compile>): ForwardResult => ({
  layers: c.raw.map((raw, i) => ({ raw: [...raw], output: [...c.output[i]!] })),
});

const dense = (activation: Activation, W: number[][], b: number[]): Network["layers"][number] => ({
  activation,
  neurons: W.map((weights, j) => ({ weights, bias: b[j]! })),
});

const LESSON: [string, Network, number[]][] = [
  ["bright and edgy neuron", { layers: [dense("relu", [[1.5, 2.0]], [-1.0])] }, [0.8, 0.6]],
  [
    "2-3-2 network",
    {
      layers: [
        dense("relu", [[1.5, -0.5], [0.2, 2.0], [-1.0, 1.2]], [0.0, -0.5, 0.1]),
        dense("relu", [[0.8, 0.3, -0.2], [0.1, -0.6, 1.5]], [0.1, 0.0]),
      ],
    },
    [0.8, 0.6],
  ],
  ["quiz neuron", { layers: [dense("relu", [[2.0, -1.5]], [0.5])] }, [0.5, 1.0]],
  ...PRESETS.map((p): [string, Network, number[]] => [`preset ${p.id}`, p.network, [...p.inputs]]),
  ...SPAM_EXAMPLES.map((e, k): [string, Network, number[]] => [`spam example ${k + 1}`, SPAM_NETWORK, [...e.inputs]]),
];

describe("the compiled form on the lesson's numbers", () => {
  it.each(LESSON)("%s: the same bits as forward, in fresh arrays and in the run's buffers", (name, network, inputs) => {
    const expected = forward(network, inputs);
    const c = compile(network);
    expectSameBits(c.forward(inputs), expected, name);
    const last = c.run(inputs);
    expectSameBits(buffers(c), expected, `${name} (buffers)`);
    expect([...last]).toEqual(expected.layers.at(-1)!.output);
  });

  it("prints the lesson's 2-3-2 outputs [1.074, 0]", () => {
    const [, network, inputs] = LESSON[1]!;
    expect([...compile(network).run(inputs)].map((v) => Number(v.toFixed(3)))).toEqual([1.074, 0]);
  });
});

const NAMES: Activation[] = ["relu", "sigmoid", "tanh", "linear", "step", "softmax"];
const SINGLE = NAMES.filter((n) => n !== "softmax");

/**
 * A random network (1-4 layers of 1-6 neurons, some with their own activation) and inputs.
 * Scales run from 0.5 to 1e3 (sums of thousands: sigmoid and softmax must stay finite) and now
 * and then to 1e160 (sums that overflow: both must refuse them alike).
 */
function randomCase(rand: () => number): { network: Network; inputs: number[] } {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  const scale = pick([0.5, 2, 5, 40, 1000, rand() < 0.1 ? 1e160 : 3]);
  const value = () => (rand() * 2 - 1) * scale * pick([0.5, 1, 2]);
  const inputCount = int(1, 5);
  const depth = int(1, 4);
  const layers: Network["layers"] = [];
  let width = inputCount;
  for (let i = 0; i < depth; i++) {
    const size = int(1, 6);
    const activation = size >= 2 && rand() < 0.35 ? "softmax" : pick(SINGLE);
    const neurons = Array.from({ length: size }, () => {
      const neuron: Network["layers"][number]["neurons"][number] = { weights: Array.from({ length: width }, value), bias: value() };
      if (rand() < 0.25) neuron.activation = pick(SINGLE);
      return neuron;
    });
    if (activation === "softmax" && neurons.filter((n) => n.activation === undefined).length < 2) {
      for (const n of neurons) delete n.activation;
    }
    layers.push({ activation, neurons });
    width = size;
  }
  return { network: { layers }, inputs: Array.from({ length: inputCount }, value) };
}

/** The message `run` throws, or null. */
function thrown(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    return (error as EngineError).message;
  }
}

describe("the compiled form on seeded random networks", () => {
  it("agrees with forward bit for bit on 3,000 networks, refusals included", () => {
    const rand = seeded(18_06_2026);
    const seen = { passes: 0, refused: 0, softmax: 0, saturated: 0, activations: new Set<string>() };
    for (let k = 0; k < 3000; k++) {
      const { network, inputs } = randomCase(rand);
      const c = compile(network);
      for (const layer of network.layers) {
        seen.activations.add(layer.activation);
        for (const n of layer.neurons) if (n.activation) seen.activations.add(n.activation);
      }
      let expected: ForwardResult;
      try {
        expected = forward(network, inputs);
      } catch (error) {
        seen.refused++;
        const message = (error as Error).message;
        expect(thrown(() => c.forward(inputs)), `case ${k}`).toBe(message);
        expect(thrown(() => c.run(inputs)), `case ${k}`).toBe(message);
        continue;
      }
      seen.passes++;
      expectSameBits(c.forward(inputs), expected, `case ${k}`);
      c.run(inputs);
      expectSameBits(buffers(c), expected, `case ${k} (buffers)`);
      if (network.layers.some((l) => l.activation === "softmax")) seen.softmax++;
      if (expected.layers.some((l) => l.raw.some((v) => Math.abs(v) > 745))) seen.saturated++;
    }
    // The generator reached what it is meant to reach.
    expect(seen.passes).toBeGreaterThan(2500);
    expect(seen.refused).toBeGreaterThan(20);
    expect(seen.softmax).toBeGreaterThan(500);
    expect(seen.saturated).toBeGreaterThan(200);
    expect([...seen.activations].sort()).toEqual([...NAMES].sort());
  });

  it("runs again on new inputs without the last run's values leaking in", () => {
    const rand = seeded(7);
    for (let k = 0; k < 200; k++) {
      const { network, inputs } = randomCase(rand);
      const c = compile(network);
      const other = inputs.map((v) => v * -0.5 + 0.25);
      if (thrown(() => forward(network, inputs)) !== null || thrown(() => forward(network, other)) !== null) continue;
      c.run(inputs);
      expectSameBits(c.forward(other), forward(network, other), `case ${k}`);
      expectSameBits(c.forward(inputs), forward(network, inputs), `case ${k} again`);
    }
  });
});

describe("the compiled form refuses what forward refuses, with the same messages", () => {
  it.each(errorCases)("%s", (_name, network, inputs, message) => {
    const got = thrown(() => compile(network).forward(inputs as number[]));
    expect(got).toBe(message);
    expect(thrown(() => compile(network).run(inputs as number[]))).toBe(message);
  });

  it("refuses a hole or a string among the inputs like forward", () => {
    const c = compile(LESSON[1]![1]);
    for (const inputs of [[0.8, ,], [0.8, "0.6"], [], [NaN, 1]] as unknown as number[][]) {
      expect(thrown(() => c.run(inputs))).toBe(thrown(() => forward(LESSON[1]![1], inputs)));
    }
  });
});

describe("compiledOf and withBias", () => {
  it("compiles a network object once and keeps a refusal", () => {
    const network = structuredClone(LESSON[1]![1]);
    expect(compiledOf(network)).toBe(compiledOf(network));
    expect(compiledOf(structuredClone(network))).not.toBe(compiledOf(network));
    const broken = { layers: [{ activation: "softmax", neurons: [{ weights: [1], bias: 0 }] }] } as Network;
    expect(thrown(() => compiledOf(broken))).toBe("layers[0].activation: softmax needs at least two neurons that use it");
    expect(thrown(() => compiledOf(broken))).toBe("layers[0].activation: softmax needs at least two neurons that use it");
  });

  it("withBias computes what forward computes on the changed network, and leaves the original alone", () => {
    const rand = seeded(99);
    for (let k = 0; k < 300; k++) {
      const { network, inputs } = randomCase(rand);
      const c = compile(network);
      const i = Math.floor(rand() * network.layers.length);
      const j = Math.floor(rand() * network.layers[i]!.neurons.length);
      const bias = network.layers[i]!.neurons[j]!.bias + 0.1;
      const changed = structuredClone(network);
      changed.layers[i]!.neurons[j]!.bias = bias;
      const want = thrown(() => forward(changed, inputs));
      if (want !== null) expect(thrown(() => c.withBias(i, j, bias).run(inputs))).toBe(want);
      else expectSameBits(c.withBias(i, j, bias).forward(inputs), forward(changed, inputs), `case ${k}`);
      if (thrown(() => forward(network, inputs)) === null) expectSameBits(c.forward(inputs), forward(network, inputs), `case ${k} original`);
    }
    expect(thrown(() => compile(LESSON[0]![1]).withBias(0, 0, Infinity))).toBe("layers[0].neurons[0].bias: expected a finite number");
    expect(thrown(() => compile(LESSON[0]![1]).withBias(1, 0, 0))).toBe("layers[1].neurons[0]: missing field");
  });
});
