/**
 * The engine's network JSON without any library: its types, the texts of its validation
 * messages and the rules that tie layers together. The zod schemas (schema.ts) and the engine's
 * own validator (validate.ts) share these, so the two cannot drift, and a page that only runs
 * the forward pass loads no schema library.
 */
import { ACTIVATIONS, type Activation, type NeuronActivation } from "./activations";

/**
 * One neuron: a weight per value arriving at it, a bias, and optionally its own activation,
 * which then replaces the layer's.
 * @example
 * const n: Neuron = { weights: [1.5, 2.0], bias: -1.0 };
 */
export interface Neuron {
  weights: number[];
  bias: number;
  activation?: NeuronActivation | undefined;
}

/**
 * One layer: the neurons that all read the same values, and the activation they share.
 * @example
 * const l: Layer = { activation: "relu", neurons: [{ weights: [1.5, 2.0], bias: -1.0 }] };
 */
export interface Layer {
  activation: Activation;
  neurons: Neuron[];
}

/**
 * A whole network; the first layer's weight count is the number of inputs.
 * @example
 * const net: Network = { layers: [{ activation: "relu", neurons: [{ weights: [1.5, 2.0], bias: -1.0 }] }] };
 */
export interface Network {
  layers: Layer[];
}

/**
 * What `forward` returns: per layer, each neuron's weighted sum plus bias (`raw`) and its
 * activation (`output`), in neuron order.
 * @example
 * const r: ForwardResult = { layers: [{ raw: [1.4], output: [1.4] }] };
 */
export interface ForwardResult {
  layers: { raw: number[]; output: number[] }[];
}

/**
 * The texts of every validation message, used by both the zod schemas and the engine's own
 * validator so that both report a problem the same way.
 * @example
 * MESSAGES.finite; // "expected a finite number"
 */
export const MESSAGES = {
  missing: "missing field",
  unknownField: "unknown field",
  object: "expected an object",
  array: "expected an array",
  finite: "expected a finite number",
  noLayers: "a network needs at least one layer",
  noNeurons: "a layer needs at least one neuron",
  noWeights: "a neuron needs at least one weight",
  noInputs: "expected at least one value",
  activation: (value: unknown): string =>
    `unknown activation ${JSON.stringify(value) ?? String(value)}; expected one of ${ACTIVATIONS.join(", ")}`,
  neuronSoftmax: "softmax applies to a whole layer, not to one neuron",
  singleSoftmax: "softmax needs at least two neurons that use it",
  firstLayerWidth: (expected: number, got: number): string =>
    `expected ${expected} weights (as many as the layer's first neuron), got ${got}`,
  layerWidth: (expected: number, got: number, previous: number): string =>
    `expected ${expected} weights (one per neuron of layers[${previous}]), got ${got}`,
  inputCount: (expected: number, got: number): string =>
    `expected ${expected} values (the first layer's weight count), got ${got}`,
} as const;

/** A problem found in a network: where (as a path of keys) and what. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

/**
 * Writes a path of keys the way error messages show it; the empty path is the root's name.
 * @example
 * formatPath(["layers", 1, "neurons", 2, "weights", 0]); // "layers[1].neurons[2].weights[0]"
 * formatPath([], "inputs"); // "inputs"
 */
export function formatPath(path: readonly PropertyKey[], root = "network"): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  if (out === "") return root;
  return out.startsWith("[") ? root + out : out;
}

/**
 * The rules between fields that a per-field schema cannot express: weight counts that match the
 * previous layer, and softmax over at least two neurons. Assumes every field already has its
 * type; tolerates empty arrays (reported elsewhere) by skipping them.
 * @example
 * crossFieldProblems({ layers: [{ activation: "softmax", neurons: [{ weights: [1], bias: 0 }] }] });
 * // [{ path: ["layers", 0, "activation"], message: "softmax needs at least two neurons that use it" }]
 */
export function crossFieldProblems(network: Network): Problem[] {
  const problems: Problem[] = [];
  network.layers.forEach((layer, i) => {
    if (layer.activation === "softmax") {
      const users = layer.neurons.filter((n) => n.activation === undefined).length;
      if (users === 1) problems.push({ path: ["layers", i, "activation"], message: MESSAGES.singleSoftmax });
    }
    const previous = i > 0 ? network.layers[i - 1] : undefined;
    const expected = previous ? previous.neurons.length : layer.neurons[0]?.weights.length ?? 0;
    if (expected === 0) return;
    layer.neurons.forEach((neuron, j) => {
      const got = neuron.weights.length;
      if (got === expected || got === 0) return;
      const message = previous ? MESSAGES.layerWidth(expected, got, i - 1) : MESSAGES.firstLayerWidth(expected, got);
      problems.push({ path: ["layers", i, "neurons", j, "weights"], message });
    });
  });
  return problems;
}
