/**
 * The engine's own validator: a hand-written walk over untrusted JSON that stops at the first
 * problem and names its path. It mirrors the zod schemas in `schema.ts` (same rules, same
 * messages; a test checks that they agree) but is faster and needs no zod at run time.
 */
import { isActivation, isNeuronActivation } from "./activations";
import { crossFieldProblems, formatPath, MESSAGES, type Layer, type Network, type Neuron } from "./network";

/**
 * The error `forward` and the validators throw. `path` names the bad value
 * (`layers[1].neurons[2].weights[0]`, `inputs`, ...) and the message starts with it.
 * @example
 * try { validateNetwork({ layers: [] }); } catch (e) { if (e instanceof EngineError) e.path; } // "layers"
 */
export class EngineError extends Error {
  readonly path: string;
  /** The message as shown, without the path in front of it. */
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = "EngineError";
    this.path = path;
    this.reason = reason;
  }
}

type Key = string | number;

function fail(path: readonly Key[], reason: string, root = "network"): never {
  throw new EngineError(formatPath(path, root), reason);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks the object's keys: unknown ones first (so a typo names itself), then missing ones. */
function expectObject(
  value: unknown,
  path: readonly Key[],
  required: readonly string[],
  optional: readonly string[] = [],
): Record<string, unknown> {
  if (!isPlainObject(value)) fail(path, value === undefined ? MESSAGES.missing : MESSAGES.object);
  for (const key of Object.keys(value)) {
    if (!required.includes(key) && !optional.includes(key)) fail([...path, key], MESSAGES.unknownField);
  }
  for (const key of required) {
    if (value[key] === undefined) fail([...path, key], MESSAGES.missing);
  }
  return value;
}

/** Holes in a sparse array are visited too (as undefined), so they are refused like zod refuses them. */
function expectArray(value: unknown, path: readonly Key[], root?: string): unknown[] {
  if (!Array.isArray(value)) fail(path, value === undefined ? MESSAGES.missing : MESSAGES.array, root);
  return value;
}

function expectFinite(value: unknown, path: readonly Key[], root?: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(path, MESSAGES.finite, root);
  return value;
}

function expectNumbers(value: unknown, path: readonly Key[], empty: string, root?: string): number[] {
  const list = expectArray(value, path, root);
  if (list.length === 0) fail(path, empty, root);
  return Array.from(list, (item, k) => expectFinite(item, [...path, k], root));
}

function readNeuron(value: unknown, path: readonly Key[]): Neuron {
  const raw = expectObject(value, path, ["weights", "bias"], ["activation"]);
  const weights = expectNumbers(raw.weights, [...path, "weights"], MESSAGES.noWeights);
  const bias = expectFinite(raw.bias, [...path, "bias"]);
  if (raw.activation === undefined) return { weights, bias };
  const activation = raw.activation;
  if (activation === "softmax") fail([...path, "activation"], MESSAGES.neuronSoftmax);
  if (!isNeuronActivation(activation)) fail([...path, "activation"], MESSAGES.activation(activation));
  return { weights, bias, activation };
}

function readLayer(value: unknown, path: readonly Key[]): Layer {
  const raw = expectObject(value, path, ["activation", "neurons"]);
  if (!isActivation(raw.activation)) fail([...path, "activation"], MESSAGES.activation(raw.activation));
  const list = expectArray(raw.neurons, [...path, "neurons"]);
  if (list.length === 0) fail([...path, "neurons"], MESSAGES.noNeurons);
  const neurons = Array.from(list, (n, j) => readNeuron(n, [...path, "neurons", j]));
  return { activation: raw.activation, neurons };
}

/**
 * Checks untrusted JSON against the network rules and returns a fresh, typed copy (so later
 * changes to the caller's object cannot affect it). Throws an `EngineError` at the first problem.
 * @example
 * const net = validateNetwork(JSON.parse('{"layers":[{"activation":"relu","neurons":[{"weights":[1.5,2],"bias":-1}]}]}'));
 * validateNetwork({ layers: [{ activation: "relu", neurons: [] }] }); // throws "layers[0].neurons: a layer needs at least one neuron"
 */
export function validateNetwork(value: unknown): Network {
  const raw = expectObject(value, [], ["layers"]);
  const list = expectArray(raw.layers, ["layers"]);
  if (list.length === 0) fail(["layers"], MESSAGES.noLayers);
  const network: Network = { layers: Array.from(list, (layer, i) => readLayer(layer, ["layers", i])) };
  const [problem] = crossFieldProblems(network);
  if (problem) fail(problem.path, problem.message);
  return network;
}

/**
 * The number of inputs a valid network reads: its first layer's weight count.
 * @example
 * inputCount({ layers: [{ activation: "relu", neurons: [{ weights: [1.5, 2.0], bias: -1 }] }] }); // 2
 */
export function inputCount(network: Network): number {
  return network.layers[0]?.neurons[0]?.weights.length ?? 0;
}

/**
 * Checks untrusted input values against a valid network and returns a copy. Throws an
 * `EngineError` whose path starts with `inputs`.
 * @example
 * validateInputs([0.8, 0.6], net); // [0.8, 0.6]
 * validateInputs([0.8, 0.6, 1], net); // throws "inputs: expected 2 values (the first layer's weight count), got 3"
 */
export function validateInputs(value: unknown, network: Network): number[] {
  const inputs = expectNumbers(value, [], MESSAGES.noInputs, "inputs");
  const expected = inputCount(network);
  if (inputs.length !== expected) fail([], MESSAGES.inputCount(expected, inputs.length), "inputs");
  return inputs;
}
