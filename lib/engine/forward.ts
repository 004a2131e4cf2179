/**
 * The forward pass alone: what the phones, the dashboard and the replay run on every change.
 * It validates with the engine's own hand-written checks, so importing it loads no schema
 * library (the phone's page stays small); `index.ts` re-exports it with everything else.
 */
import { applyActivation, softmax } from "./activations";
import { MESSAGES, type ForwardResult, type Network } from "./network";
import { EngineError, validateInputs, validateNetwork } from "./validate";

/**
 * Weighted sum plus bias, added up in the order w1*x1 + w2*x2 + ... and then the bias, exactly as
 * the lesson's Python does, so the two agree to the last bit.
 * @example
 * weightedSum([1.5, 2.0], [0.8, 0.6], -1.0); // 1.4000000000000004
 */
export function weightedSum(weights: readonly number[], values: readonly number[], bias: number): number {
  let sum = 0;
  for (let k = 0; k < weights.length; k++) sum += (weights[k] ?? 0) * (values[k] ?? 0);
  return sum + bias;
}

/**
 * Runs the forward pass. Validates both arguments first (they may come straight off the wire)
 * and throws an `EngineError` naming the bad value's path; it never returns NaN or Infinity.
 * Each layer's `raw` holds the weighted sums plus bias, `output` the activations: a neuron's own
 * activation when it has one, else its layer's. A softmax layer normalises over the neurons that
 * use it (with no per-neuron override, that is the whole layer).
 * @example
 * const net = { layers: [{ activation: "relu", neurons: [{ weights: [1.5, 2.0], bias: -1.0 }] }] };
 * forward(net, [0.8, 0.6]).layers[0]?.output[0]; // 1.4000000000000004 (prints as 1.400)
 * forward(net, [0.8]); // throws "inputs: expected 2 values (the first layer's weight count), got 1"
 */
export function forward(network: unknown, inputs: unknown): ForwardResult {
  const net = validateNetwork(network);
  let signal = validateInputs(inputs, net);
  const layers: ForwardResult["layers"] = [];
  net.layers.forEach((layer, i) => {
    const raw = layer.neurons.map((neuron, j) => {
      const sum = weightedSum(neuron.weights, signal, neuron.bias);
      if (!Number.isFinite(sum)) throw new EngineError(`layers[${i}].neurons[${j}]`, "weighted sum is not finite");
      return sum;
    });
    const output = activateLayer(net, i, raw);
    output.forEach((value, j) => {
      if (!Number.isFinite(value)) throw new EngineError(`layers[${i}].neurons[${j}]`, "output is not finite");
    });
    layers.push({ raw, output });
    signal = output;
  });
  return { layers };
}

/** Applies each neuron's activation; softmax is shared by the layer's neurons that follow it. */
function activateLayer(net: Network, i: number, raw: number[]): number[] {
  const layer = net.layers[i];
  if (!layer) throw new EngineError(`layers[${i}]`, MESSAGES.missing);
  const output = new Array<number>(raw.length);
  const softmaxUsers: number[] = [];
  layer.neurons.forEach((neuron, j) => {
    const name = neuron.activation ?? layer.activation;
    if (name === "softmax") softmaxUsers.push(j);
    else output[j] = applyActivation(name, raw[j] ?? 0);
  });
  const shares = softmax(softmaxUsers.map((j) => raw[j] ?? 0));
  softmaxUsers.forEach((j, k) => {
    output[j] = shares[k] ?? 0;
  });
  return output;
}

/**
 * The values that arrive at the neurons of one layer: the network's inputs for layer 0, else
 * the previous layer's outputs. This is what a student's phone shows beside each weight.
 * @example
 * const result = forward(net, [0.8, 0.6]);
 * layerInputs(result, [0.8, 0.6], 0); // [0.8, 0.6]
 * layerInputs(result, [0.8, 0.6], 1); // result.layers[0].output
 */
export function layerInputs(result: ForwardResult, inputs: readonly number[], layerIndex: number): number[] {
  if (!Number.isInteger(layerIndex) || layerIndex < 0 || layerIndex >= result.layers.length) {
    throw new RangeError(`layerIndex ${layerIndex} is outside 0..${result.layers.length - 1}`);
  }
  if (layerIndex === 0) return [...inputs];
  return [...(result.layers[layerIndex - 1]?.output ?? [])];
}

/**
 * The network's final outputs (the last layer's activations).
 * @example
 * networkOutput(forward(net, [0.8, 0.6])); // [1.4000000000000004]
 */
export function networkOutput(result: ForwardResult): number[] {
  return [...(result.layers[result.layers.length - 1]?.output ?? [])];
}
