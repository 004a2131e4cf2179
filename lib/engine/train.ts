/**
 * Training on a tiny labelled data set: the loss (cross-entropy when the output layer is
 * softmax, mean squared error otherwise), the accuracy, the gradient of the loss with respect to
 * every weight and bias (backpropagation through every activation the engine has), and one
 * gradient-descent step. Pure arithmetic on the engine's compiled form: no zod, no Node or DOM.
 */
import { compiledOf } from "./compile";
import { MESSAGES, type Network } from "./network";
import { EngineError, inputCount } from "./validate";

/**
 * One labelled example: the network's inputs and the wanted outputs, one number per output neuron.
 * @example
 * const e: Example = { inputs: [3, 0.8, 0], target: [1] };
 */
export interface Example {
  inputs: number[];
  target: number[];
}

/**
 * Which loss a network is scored with.
 * @example
 * const k: LossKind = "mse";
 */
export type LossKind = "cross-entropy" | "mse";

/**
 * The loss's slope for every weight and bias, shaped like the network.
 * @example
 * const g: Gradient = { layers: [{ weights: [[0.1, -0.2]], bias: [0.05] }] };
 */
export interface Gradient {
  layers: { weights: number[][]; bias: number[] }[];
}

/** Probabilities below this count as this in ln(p), so a confident wrong answer costs a lot but not Infinity. */
const FLOOR = 1e-12;

/**
 * Cross-entropy when the last layer is softmax, else mean squared error.
 * @example
 * lossKind({ layers: [{ activation: "sigmoid", neurons: [{ weights: [1], bias: 0 }] }] }); // "mse"
 */
export function lossKind(network: Network): LossKind {
  return network.layers[network.layers.length - 1]?.activation === "softmax" ? "cross-entropy" : "mse";
}

/** The number of output neurons of a valid network. */
function outputCount(network: Network): number {
  return network.layers[network.layers.length - 1]?.neurons.length ?? 0;
}

/** Checks every example against a valid network; throws an EngineError naming the first bad value. */
function checkExamples(network: Network, examples: readonly Example[]): void {
  if (!Array.isArray(examples) || examples.length === 0) {
    throw new EngineError("examples", Array.isArray(examples) ? MESSAGES.noInputs : MESSAGES.array);
  }
  const inputs = inputCount(network);
  const outputs = outputCount(network);
  examples.forEach((example, e) => {
    const path = `examples[${e}]`;
    if (!Array.isArray(example?.inputs)) throw new EngineError(`${path}.inputs`, MESSAGES.array);
    if (example.inputs.length !== inputs) throw new EngineError(`${path}.inputs`, MESSAGES.inputCount(inputs, example.inputs.length));
    example.inputs.forEach((v: number, k: number) => {
      if (!Number.isFinite(v)) throw new EngineError(`${path}.inputs[${k}]`, MESSAGES.finite);
    });
    if (!Array.isArray(example.target)) throw new EngineError(`${path}.target`, MESSAGES.array);
    if (example.target.length !== outputs) {
      throw new EngineError(`${path}.target`, `expected ${outputs} values (one per output neuron), got ${example.target.length}`);
    }
    example.target.forEach((v: number, k: number) => {
      if (!Number.isFinite(v)) throw new EngineError(`${path}.target[${k}]`, MESSAGES.finite);
    });
  });
}

/** One example's loss term: Σ (y - t)² for mse (averaged later over outputs), -Σ t·ln(max(p, floor)) for cross-entropy. */
function exampleLoss(kind: LossKind, output: ArrayLike<number>, target: readonly number[]): number {
  let sum = 0;
  for (let j = 0; j < target.length; j++) {
    const y = output[j]!;
    const t = target[j]!;
    if (kind === "mse") sum += (y - t) * (y - t);
    else if (t !== 0) sum -= t * Math.log(Math.max(y, FLOOR));
  }
  return sum;
}

/** The mean of the example terms, as both the loss and its gradient report it. */
function meanLoss(kind: LossKind, total: number, examples: number, outputs: number): number {
  return kind === "mse" ? total / (examples * outputs) : total / examples;
}

/**
 * The network's loss on a data set: mse is the mean over examples and outputs of (y - t)²;
 * cross-entropy is the mean over examples of -Σ t·ln(max(p, 1e-12)). Throws an `EngineError`
 * for a bad network or an example that does not fit it.
 * @example
 * const net = { layers: [{ activation: "linear", neurons: [{ weights: [1], bias: 0 }] }] };
 * datasetLoss(net, [{ inputs: [2], target: [1] }, { inputs: [0], target: [0] }]); // (1² + 0²) / 2 = 0.5
 */
export function datasetLoss(network: Network, examples: readonly Example[]): number {
  const compiled = compiledOf(network);
  checkExamples(network, examples);
  const kind = lossKind(network);
  let total = 0;
  for (const example of examples) total += exampleLoss(kind, compiled.run(example.inputs), example.target);
  return meanLoss(kind, total, examples.length, outputCount(network));
}

/** Index of the largest value (the first of equals). */
function argmax(values: readonly number[]): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j]! > values[best]!) best = j;
  return best;
}

/**
 * Whether one prediction is right: with several outputs, the largest output is the target's
 * largest; with one output, it is above the threshold exactly when the target is above 0.5.
 * @example
 * predictionRight([0.7], [1], 0.5); // true
 * predictionRight([0.2, 0.8], [1, 0], 0.5); // false
 */
export function predictionRight(output: readonly number[], target: readonly number[], threshold: number): boolean {
  if (output.length > 1) return argmax(output) === argmax(target);
  return (output[0]! > threshold) === (target[0]! > 0.5);
}

/** What one pass over a data set gives: each example's output, whether it is right, and the loss. */
export interface Evaluation {
  loss: number;
  outputs: number[][];
  right: boolean[];
}

/**
 * One forward pass per example, read three ways: the loss (as `datasetLoss`), each output, and
 * whether it is right (as `predictionRight`). For screens that show all three.
 * @example
 * const { loss, right } = evaluate(SPAM_NETWORK, spamExamples, 0.5); // right.filter(Boolean).length === 8
 */
export function evaluate(network: Network, examples: readonly Example[], threshold: number): Evaluation {
  const compiled = compiledOf(network);
  checkExamples(network, examples);
  const kind = lossKind(network);
  let total = 0;
  const outputs: number[][] = [];
  const right: boolean[] = [];
  for (const example of examples) {
    const output = Array.from(compiled.run(example.inputs));
    total += exampleLoss(kind, output, example.target);
    outputs.push(output);
    right.push(predictionRight(output, example.target, threshold));
  }
  return { loss: meanLoss(kind, total, examples.length, outputCount(network)), outputs, right };
}

/**
 * The fraction of examples the network gets right (0..1), judged by `predictionRight`.
 * @example
 * accuracy(SPAM_NETWORK, spamExamples, 0.5); // 0.8 (8 of 10)
 */
export function accuracy(network: Network, examples: readonly Example[], threshold: number): number {
  return evaluate(network, examples, threshold).right.filter(Boolean).length / examples.length;
}

/** A gradient of zeros shaped like the network. */
function zeros(network: Network): Gradient {
  return {
    layers: network.layers.map((layer) => ({
      weights: layer.neurons.map((n) => n.weights.map(() => 0)),
      bias: layer.neurons.map(() => 0),
    })),
  };
}

/**
 * Turns the loss's slope with respect to one layer's outputs (`dy`) into its slope with respect
 * to the layer's weighted sums, through each neuron's activation; the neurons that share the
 * layer's softmax go through its full Jacobian: dz_i = y_i·(dy_i - Σ_j dy_j·y_j).
 */
function throughActivation(network: Network, i: number, raw: Float64Array, out: Float64Array, dy: Float64Array): Float64Array {
  const layer = network.layers[i]!;
  const dz = new Float64Array(dy.length);
  let shared = 0;
  const softmaxUsers: number[] = [];
  layer.neurons.forEach((neuron, j) => {
    const name = neuron.activation ?? layer.activation;
    const y = out[j]!;
    switch (name) {
      case "relu":
        dz[j] = raw[j]! > 0 ? dy[j]! : 0;
        break;
      case "sigmoid":
        dz[j] = dy[j]! * y * (1 - y);
        break;
      case "tanh":
        dz[j] = dy[j]! * (1 - y * y);
        break;
      case "linear":
        dz[j] = dy[j]!;
        break;
      case "step":
        dz[j] = 0;
        break;
      case "softmax":
        softmaxUsers.push(j);
        shared += dy[j]! * y;
        break;
    }
  });
  for (const j of softmaxUsers) dz[j] = out[j]! * (dy[j]! - shared);
  return dz;
}

/**
 * The last layer's slope with respect to its weighted sums for one example, already divided so
 * that adding it up over the examples gives the mean. Softmax with cross-entropy takes the short
 * form p·S - t (S: the target's total over the softmax's neurons, 1 for a one-hot target, so p - t),
 * which stays exact for tiny p; everything else goes through `throughActivation`.
 */
function outputSlope(network: Network, kind: LossKind, raw: Float64Array, out: Float64Array, target: readonly number[], scale: number): Float64Array {
  const last = network.layers.length - 1;
  const layer = network.layers[last]!;
  const dy = new Float64Array(target.length);
  for (let j = 0; j < target.length; j++) {
    const y = out[j]!;
    const t = target[j]!;
    if (kind === "mse") dy[j] = (2 * (y - t) * scale) / target.length;
    else dy[j] = y > FLOOR && t !== 0 ? (-t / y) * scale : 0;
  }
  if (kind === "mse") return throughActivation(network, last, raw, out, dy);
  const isSoftmax = (j: number) => (layer.neurons[j]!.activation ?? layer.activation) === "softmax";
  // The softmax neurons' part, in closed form; the others (own activations) keep -t/y through their own.
  const others = dy.map((v, j) => (isSoftmax(j) ? 0 : v));
  const dz = throughActivation(network, last, raw, out, others);
  let total = 0;
  for (let j = 0; j < target.length; j++) if (isSoftmax(j) && out[j]! > FLOOR) total += target[j]!;
  for (let j = 0; j < target.length; j++) {
    if (!isSoftmax(j)) continue;
    dz[j] = (out[j]! * total - (out[j]! > FLOOR ? target[j]! : 0)) * scale;
  }
  return dz;
}

/**
 * The loss and its gradient with respect to every weight and bias, by backpropagation, as the
 * mean over the examples. relu'(x) is 1 above 0, else 0; step has no useful slope (0); softmax
 * with cross-entropy gives p - t; softmax with mse goes through the full Jacobian; a neuron's own
 * activation is respected. Throws an `EngineError` for a bad network or example.
 * @example
 * const net = { layers: [{ activation: "linear", neurons: [{ weights: [1], bias: 0 }] }] };
 * lossGradient(net, [{ inputs: [2], target: [1] }]);
 * // { loss: 1, gradient: { layers: [{ weights: [[4]], bias: [2] }] } } (d(y-1)²/dw = 2·(2-1)·2)
 */
export function lossGradient(network: Network, examples: readonly Example[]): { loss: number; gradient: Gradient } {
  const compiled = compiledOf(network);
  checkExamples(network, examples);
  const kind = lossKind(network);
  const gradient = zeros(network);
  const scale = 1 / examples.length;
  let total = 0;
  for (const example of examples) {
    const result = compiled.run(example.inputs);
    total += exampleLoss(kind, result, example.target);
    let i = network.layers.length - 1;
    let dz = outputSlope(network, kind, compiled.raw[i]!, compiled.output[i]!, example.target, scale);
    for (; i >= 0; i--) {
      const input = i === 0 ? example.inputs : compiled.output[i - 1]!;
      const layer = network.layers[i]!;
      const g = gradient.layers[i]!;
      const dy = new Float64Array(input.length);
      layer.neurons.forEach((neuron, j) => {
        const d = dz[j]!;
        if (d === 0) return;
        g.bias[j]! += d;
        const row = g.weights[j]!;
        for (let k = 0; k < input.length; k++) {
          row[k]! += d * input[k]!;
          dy[k]! += d * neuron.weights[k]!;
        }
      });
      if (i > 0) dz = throughActivation(network, i - 1, compiled.raw[i - 1]!, compiled.output[i - 1]!, dy);
    }
  }
  return { loss: meanLoss(kind, total, examples.length, outputCount(network)), gradient };
}

/**
 * One step of gradient descent: every weight and bias minus learningRate × its slope, in a new
 * network object (activations kept). Throws an `EngineError` when the gradient's shape differs.
 * @example
 * gradientStep({ layers: [{ activation: "linear", neurons: [{ weights: [1], bias: 0 }] }] },
 *   { layers: [{ weights: [[4]], bias: [2] }] }, 0.1); // weights [[0.6]], bias -0.2
 */
export function gradientStep(network: Network, gradient: Gradient, learningRate: number): Network {
  if (!Number.isFinite(learningRate)) throw new EngineError("learningRate", MESSAGES.finite);
  return {
    layers: network.layers.map((layer, i) => {
      const g = gradient.layers[i];
      if (!g || g.weights.length !== layer.neurons.length || g.bias.length !== layer.neurons.length) {
        throw new EngineError(`gradient.layers[${i}]`, `expected ${layer.neurons.length} neurons, as the network's layers[${i}]`);
      }
      return {
        ...layer,
        neurons: layer.neurons.map((neuron, j) => {
          const gw = g.weights[j]!;
          if (gw.length !== neuron.weights.length) {
            throw new EngineError(`gradient.layers[${i}].weights[${j}]`, `expected ${neuron.weights.length} values, got ${gw.length}`);
          }
          const weights = neuron.weights.map((w, k) => w - learningRate * gw[k]!);
          const bias = neuron.bias - learningRate * g.bias[j]!;
          if (![...weights, bias].every(Number.isFinite)) throw new EngineError(`gradient.layers[${i}]`, MESSAGES.finite);
          return { ...neuron, weights, bias };
        }),
      };
    }),
  };
}

/**
 * The neurons whose activation is step (their own or their layer's): no slope flows through
 * them, so training cannot move what they read.
 * @example
 * flatActivations({ layers: [{ activation: "step", neurons: [{ weights: [1], bias: 0 }] }] }); // [{ layer: 0, neuron: 0 }]
 */
export function flatActivations(network: Network): { layer: number; neuron: number }[] {
  const flat: { layer: number; neuron: number }[] = [];
  network.layers.forEach((layer, i) => {
    layer.neurons.forEach((neuron, j) => {
      if ((neuron.activation ?? layer.activation) === "step") flat.push({ layer: i, neuron: j });
    });
  });
  return flat;
}
