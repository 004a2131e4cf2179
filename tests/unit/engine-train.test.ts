/**
 * Training arithmetic (lib/engine/train.ts): loss values on hand-computed numbers, the gradient
 * against central finite differences on seeded random networks of every activation (relu and
 * step kept away from their kink at 0), and one gradient step worked by hand.
 */
import { describe, expect, it } from "vitest";
import {
  accuracy,
  datasetLoss,
  EngineError,
  evaluate,
  flatActivations,
  gradientStep,
  lossGradient,
  lossKind,
  predictionRight,
  type Activation,
  type Example,
  type Gradient,
  type Network,
  type NeuronActivation,
} from "../../lib/engine";
import { SPAM_EXAMPLES, SPAM_NETWORK } from "../../lib/lesson/presets";
import { seeded } from "../helpers/seeded";

type Layer = Network["layers"][number];
const dense = (activation: Activation, W: number[][], b: number[]): Layer => ({
  activation,
  neurons: W.map((weights, j) => ({ weights, bias: b[j]! })),
});

describe("loss values worked by hand", () => {
  it("mse: mean over examples and outputs of (y - t)²", () => {
    const net = { layers: [dense("linear", [[1]], [0])] };
    // outputs 2 and 0 against 1 and 0: ((2-1)² + 0²) / 2 = 0.5
    expect(lossKind(net)).toBe("mse");
    expect(datasetLoss(net, [{ inputs: [2], target: [1] }, { inputs: [0], target: [0] }])).toBe(0.5);
    // two outputs y = (x, -x) at x = 1 against (0, 0): (1 + 1) / 2 outputs = 1
    const two = { layers: [dense("linear", [[1], [-1]], [0, 0])] };
    expect(datasetLoss(two, [{ inputs: [1], target: [0, 0] }])).toBe(1);
  });

  it("cross-entropy: mean over examples of -Σ t·ln p, for a softmax output", () => {
    // zero weights, biases 0 and ln 3: p = (1/4, 3/4) whatever the input
    const net = { layers: [dense("softmax", [[0], [0]], [0, Math.log(3)])] };
    expect(lossKind(net)).toBe("cross-entropy");
    // -ln(3/4) = 0.28768207245178090, -ln(1/4) = 1.38629436111989061, mean 0.83698821678583575
    expect(datasetLoss(net, [{ inputs: [5], target: [0, 1] }])).toBeCloseTo(0.2876820724517809, 14);
    expect(datasetLoss(net, [{ inputs: [5], target: [0, 1] }, { inputs: [-2], target: [1, 0] }])).toBeCloseTo(0.8369882167858358, 14);
  });

  it("cross-entropy: a probability below 1e-12 counts as 1e-12 (-ln 1e-12 = 27.631021115928547)", () => {
    const net = { layers: [dense("softmax", [[0], [0]], [0, 100])] }; // p0 = e^-100 ≈ 3.7e-44
    expect(datasetLoss(net, [{ inputs: [0], target: [1, 0] }])).toBeCloseTo(27.631021115928547, 10);
    expect(Number.isFinite(lossGradient(net, [{ inputs: [0], target: [1, 0] }]).gradient.layers[0]!.bias[0])).toBe(true);
  });

  it("the spam network gets 8 of 10 at threshold 0.5, the last two wrong (SPEC)", () => {
    const examples: Example[] = SPAM_EXAMPLES.map((e) => ({ inputs: [...e.inputs], target: [e.label === "spam" ? 1 : 0] }));
    expect(accuracy(SPAM_NETWORK, examples, 0.5)).toBe(0.8);
    expect(accuracy(SPAM_NETWORK, examples.slice(0, 8), 0.5)).toBe(1);
    expect(accuracy(SPAM_NETWORK, examples.slice(8), 0.5)).toBe(0);
  });

  it("one pass gives the spam network's loss, outputs and verdicts: the last two wrong", () => {
    const examples: Example[] = SPAM_EXAMPLES.map((e) => ({ inputs: [...e.inputs], target: [e.label === "spam" ? 1 : 0] }));
    const scored = evaluate(SPAM_NETWORK, examples, 0.5);
    expect(scored.right).toEqual([true, true, true, true, true, true, true, true, false, false]);
    expect(scored.outputs[0]![0]).toBeCloseTo(0.99478, 5); // SPEC: (0.9, 0.8, 0) scores about 0.99478
    expect(scored.loss).toBe(datasetLoss(SPAM_NETWORK, examples));
  });

  it("judges one prediction by threshold for one output and by the largest for several", () => {
    expect(predictionRight([0.7], [1], 0.5)).toBe(true);
    expect(predictionRight([0.5], [1], 0.5)).toBe(false); // not strictly above
    expect(predictionRight([0.3], [0], 0.5)).toBe(true);
    expect(predictionRight([0.7], [0.2], 0.5)).toBe(false);
    expect(predictionRight([0.2, 0.8], [0, 1], 0.5)).toBe(true);
    expect(predictionRight([0.2, 0.8], [1, 0], 0.5)).toBe(false);
    expect(predictionRight([0.1, 0.2, 0.7], [0, 0, 1], 0.9)).toBe(true);
  });
});

describe("refusals", () => {
  const net = { layers: [dense("sigmoid", [[1, 2]], [0])] };
  const message = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(EngineError);
      return (error as Error).message;
    }
    return "no error";
  };
  it("names the example and the value that do not fit the network", () => {
    expect(message(() => datasetLoss(net, [{ inputs: [1, 2], target: [1] }, { inputs: [1], target: [1] }]))).toBe(
      "examples[1].inputs: expected 2 values (the first layer's weight count), got 1",
    );
    expect(message(() => lossGradient(net, [{ inputs: [1, 2], target: [1, 0] }]))).toBe(
      "examples[0].target: expected 1 values (one per output neuron), got 2",
    );
    expect(message(() => accuracy(net, [{ inputs: [1, NaN], target: [1] }], 0.5))).toBe("examples[0].inputs[1]: expected a finite number");
    expect(message(() => datasetLoss(net, []))).toBe("examples: expected at least one value");
    expect(message(() => datasetLoss({ layers: [] }, [{ inputs: [1], target: [1] }]))).toBe("layers: a network needs at least one layer");
    expect(message(() => gradientStep(net, { layers: [] }, 0.1))).toBe("gradient.layers[0]: expected 1 neurons, as the network's layers[0]");
  });
});

/** The loss's slope by central finite differences, one parameter at a time. */
function numericGradient(network: Network, examples: Example[], h = 1e-6): Gradient {
  const at = (i: number, j: number, k: number | "bias", delta: number): number => {
    const copy: Network = structuredClone(network);
    const neuron = copy.layers[i]!.neurons[j]!;
    if (k === "bias") neuron.bias += delta;
    else neuron.weights[k]! += delta;
    return datasetLoss(copy, examples);
  };
  const slope = (i: number, j: number, k: number | "bias") => (at(i, j, k, h) - at(i, j, k, -h)) / (2 * h);
  return {
    layers: network.layers.map((layer, i) => ({
      weights: layer.neurons.map((n, j) => n.weights.map((_, k) => slope(i, j, k))),
      bias: layer.neurons.map((_, j) => slope(i, j, "bias")),
    })),
  };
}

/** Whether any relu or step neuron's sum lies within `margin` of its kink on some example. */
function nearKink(network: Network, examples: Example[], margin: number): boolean {
  return examples.some((example) => {
    let signal = example.inputs;
    return network.layers.some((layer) => {
      const raw = layer.neurons.map((n) => n.weights.reduce((s, w, k) => s + w * signal[k]!, 0) + n.bias);
      const kinked = layer.neurons.some((n, j) => {
        const name = n.activation ?? layer.activation;
        return (name === "relu" || name === "step") && Math.abs(raw[j]!) < margin;
      });
      // The next layer's inputs, by the independent formulas (softmax over the layer's softmax users).
      const users = layer.neurons.map((n, j) => ((n.activation ?? layer.activation) === "softmax" ? j : -1)).filter((j) => j >= 0);
      const max = Math.max(...users.map((j) => raw[j]!));
      const total = users.reduce((s, j) => s + Math.exp(raw[j]! - max), 0);
      signal = layer.neurons.map((n, j) => {
        const x = raw[j]!;
        switch (n.activation ?? layer.activation) {
          case "relu": return Math.max(0, x);
          case "sigmoid": return 1 / (1 + Math.exp(-x));
          case "tanh": return Math.tanh(x);
          case "linear": return x;
          case "step": return x > 0 ? 1 : 0;
          case "softmax": return Math.exp(x - max) / total;
        }
      });
      return kinked;
    });
  });
}

interface Shape {
  hidden: Activation;
  output: Activation;
  overrides?: boolean;
  softTargets?: boolean;
}

/** A seeded random network (1-3 layers) and 1-6 examples, redrawn until no relu/step sum is near 0. */
function randomCase(rand: () => number, shape: Shape): { network: Network; examples: Example[] } {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const value = (scale: number) => (rand() * 2 - 1) * scale;
  const singles: NeuronActivation[] = ["relu", "sigmoid", "tanh", "linear", "step"];
  for (;;) {
    const inputs = int(1, 4);
    const depth = int(1, 3);
    const layers: Layer[] = [];
    let width = inputs;
    for (let i = 0; i < depth; i++) {
      const last = i === depth - 1;
      const activation = last ? shape.output : shape.hidden;
      const size = activation === "softmax" ? int(2, 4) : last ? int(1, 3) : int(1, 4);
      const neurons = Array.from({ length: size }, () => {
        const neuron: Layer["neurons"][number] = { weights: Array.from({ length: width }, () => value(1.5)), bias: value(1) };
        if (shape.overrides && rand() < 0.4) neuron.activation = singles[int(0, singles.length - 1)]!;
        return neuron;
      });
      if (activation === "softmax" && neurons.filter((n) => n.activation === undefined).length < 2) {
        for (const n of neurons) delete n.activation;
      }
      layers.push({ activation, neurons });
      width = size;
    }
    const outputs = width;
    const target = (): number[] => {
      if (shape.output !== "softmax") return Array.from({ length: outputs }, () => (shape.softTargets ? value(1) : int(0, 1)));
      if (shape.softTargets) {
        const raw = Array.from({ length: outputs }, () => rand());
        const sum = raw.reduce((s, v) => s + v, 0);
        return raw.map((v) => v / sum);
      }
      const hot = int(0, outputs - 1);
      return Array.from({ length: outputs }, (_, j) => (j === hot ? 1 : 0));
    };
    const examples = Array.from({ length: int(1, 6) }, () => ({ inputs: Array.from({ length: inputs }, () => value(2)), target: target() }));
    const network = { layers };
    if (!nearKink(network, examples, 1e-3)) return { network, examples };
  }
}

function expectClose(actual: Gradient, expected: Gradient, what: string): void {
  expected.layers.forEach((layer, i) => {
    const check = (got: number, want: number, where: string) => {
      if (Math.abs(got - want) > 1e-6 + 1e-5 * Math.abs(want)) expect.fail(`${what}: ${where}: backprop ${got}, finite differences ${want}`);
    };
    layer.bias.forEach((want, j) => check(actual.layers[i]!.bias[j]!, want, `layers[${i}].bias[${j}]`));
    layer.weights.forEach((row, j) => row.forEach((want, k) => check(actual.layers[i]!.weights[j]![k]!, want, `layers[${i}].weights[${j}][${k}]`)));
  });
}

const SHAPES: [string, Shape][] = [
  ["relu", { hidden: "relu", output: "relu" }],
  ["sigmoid", { hidden: "sigmoid", output: "sigmoid" }],
  ["tanh", { hidden: "tanh", output: "tanh", softTargets: true }],
  ["linear", { hidden: "linear", output: "linear", softTargets: true }],
  ["relu hidden, sigmoid output", { hidden: "relu", output: "sigmoid" }],
  ["softmax output with cross-entropy", { hidden: "tanh", output: "softmax" }],
  ["softmax output with cross-entropy, soft targets", { hidden: "sigmoid", output: "softmax", softTargets: true }],
  ["softmax hidden layer, sigmoid output (mse through the Jacobian)", { hidden: "softmax", output: "sigmoid" }],
  ["softmax in every layer", { hidden: "softmax", output: "softmax" }],
  ["per-neuron overrides, sigmoid layers", { hidden: "sigmoid", output: "sigmoid", overrides: true }],
  ["per-neuron overrides, softmax output", { hidden: "relu", output: "softmax", overrides: true }],
];

describe("the gradient against central finite differences on seeded random networks", () => {
  it.each(SHAPES)("%s", (name, shape) => {
    const rand = seeded(19_2026 + name.length);
    for (let c = 0; c < 40; c++) {
      const { network, examples } = randomCase(rand, shape);
      const { loss, gradient } = lossGradient(network, examples);
      expect(loss).toBe(datasetLoss(network, examples));
      expectClose(gradient, numericGradient(network, examples), `${name} case ${c}`);
    }
  });

  it("softmax with mse goes through the full Jacobian", () => {
    const rand = seeded(77);
    for (let c = 0; c < 40; c++) {
      const { network, examples } = randomCase(rand, { hidden: "tanh", output: "softmax" });
      // The same network scored with mse: a linear layer after the softmax with the identity weights.
      const width = network.layers.at(-1)!.neurons.length;
      const identity = dense("linear", Array.from({ length: width }, (_, j) => Array.from({ length: width }, (_, k) => (j === k ? 1 : 0))), Array(width).fill(0));
      const mse = { layers: [...network.layers, identity] };
      expect(lossKind(mse)).toBe("mse");
      expectClose(lossGradient(mse, examples).gradient, numericGradient(mse, examples), `softmax then mse case ${c}`);
    }
  });

  it("step: the gradient is exactly 0 for everything before and in a step layer, as finite differences find", () => {
    const rand = seeded(5);
    for (let c = 0; c < 40; c++) {
      const { network, examples } = randomCase(rand, { hidden: "step", output: "step" });
      const { gradient } = lossGradient(network, examples);
      for (const layer of gradient.layers) {
        expect([...layer.bias, ...layer.weights.flat()].every((g) => g === 0)).toBe(true);
      }
      expectClose(gradient, numericGradient(network, examples), `step case ${c}`);
    }
  });

  it("a step neuron among others: the others still get their slope", () => {
    const rand = seeded(11);
    for (let c = 0; c < 40; c++) {
      const { network, examples } = randomCase(rand, { hidden: "step", output: "sigmoid" });
      expectClose(lossGradient(network, examples).gradient, numericGradient(network, examples), `step then sigmoid case ${c}`);
    }
  });
});

describe("one gradient-descent step worked by hand", () => {
  it("a 1-1-1 linear network: loss 4 falls to 1.20824064 at learning rate 0.01", () => {
    /*
     * hidden h = 2·x + 0, output y = 3·h + 1; x = 1, target 5.
     * Forward: h = 2, y = 7, loss = (7 - 5)² = 4.
     * dL/dy = 2·(7 - 5) = 4 (linear: dL/dz2 = 4).
     * Output: dL/dw2 = 4·h = 8, dL/db2 = 4. Back to h: dL/dh = 4·w2 = 12 (linear: dL/dz1 = 12).
     * Hidden: dL/dw1 = 12·x = 12, dL/db1 = 12.
     * Step at lr 0.01: w1 = 2 - 0.12 = 1.88, b1 = 0 - 0.12 = -0.12, w2 = 3 - 0.08 = 2.92, b2 = 1 - 0.04 = 0.96.
     * Again: h = 1.88 - 0.12 = 1.76, y = 2.92·1.76 + 0.96 = 6.0992, loss = 1.0992² = 1.20824064.
     */
    const net: Network = { layers: [dense("linear", [[2]], [0]), dense("linear", [[3]], [1])] };
    const examples = [{ inputs: [1], target: [5] }];
    const { loss, gradient } = lossGradient(net, examples);
    expect(loss).toBe(4);
    expect(gradient).toEqual({ layers: [{ weights: [[12]], bias: [12] }, { weights: [[8]], bias: [4] }] });
    const next = gradientStep(net, gradient, 0.01);
    expect(next.layers[0]!.neurons[0]!.weights[0]).toBeCloseTo(1.88, 12);
    expect(next.layers[0]!.neurons[0]!.bias).toBeCloseTo(-0.12, 12);
    expect(next.layers[1]!.neurons[0]!.weights[0]).toBeCloseTo(2.92, 12);
    expect(next.layers[1]!.neurons[0]!.bias).toBeCloseTo(0.96, 12);
    expect(datasetLoss(next, examples)).toBeCloseTo(1.20824064, 12);
    expect(net.layers[0]!.neurons[0]!.weights[0]).toBe(2); // the old network is untouched
    expect(next).not.toBe(net);
  });

  it("one sigmoid neuron: loss 0.25 falls to 0.0332790717 at learning rate 2", () => {
    /*
     * w = (1, -1), b = 0, x = (1, 1), target 1: z = 0, y = 0.5, loss = (0.5 - 1)² = 0.25.
     * dL/dy = 2·(0.5 - 1) = -1; sigmoid' = y·(1 - y) = 0.25, so dL/dz = -0.25:
     * dL/dw = (-0.25, -0.25), dL/db = -0.25. At lr 2: w = (1.5, -0.5), b = 0.5.
     * Then z = 1.5 - 0.5 + 0.5 = 1.5, y = 1/(1 + e^-1.5) = 0.8175744762, loss = 0.1824255238² = 0.0332790717.
     */
    const net: Network = { layers: [{ activation: "sigmoid", neurons: [{ weights: [1, -1], bias: 0, activation: "sigmoid" }] }] };
    const examples = [{ inputs: [1, 1], target: [1] }];
    const { loss, gradient } = lossGradient(net, examples);
    expect(loss).toBe(0.25);
    expect(gradient).toEqual({ layers: [{ weights: [[-0.25, -0.25]], bias: [-0.25] }] });
    const next = gradientStep(net, gradient, 2);
    expect(next).toEqual({ layers: [{ activation: "sigmoid", neurons: [{ weights: [1.5, -0.5], bias: 0.5, activation: "sigmoid" }] }] });
    expect(datasetLoss(next, examples)).toBeCloseTo(0.033279071736023486, 12);
  });
});

describe("flat activations", () => {
  it("lists the neurons whose own or layer's activation is step", () => {
    const net: Network = {
      layers: [
        { activation: "step", neurons: [{ weights: [1], bias: 0 }, { weights: [1], bias: 0, activation: "sigmoid" }] },
        { activation: "sigmoid", neurons: [{ weights: [1, 1], bias: 0, activation: "step" }] },
      ],
    };
    expect(flatActivations(net)).toEqual([{ layer: 0, neuron: 0 }, { layer: 1, neuron: 0 }]);
    expect(flatActivations(SPAM_NETWORK)).toEqual([]);
  });
});
