/**
 * The engine's network JSON: its types, its zod schemas (for the server and the browser), and the
 * rules that tie layers together, shared with the engine's own validator so the two cannot drift.
 */
import { z } from "zod";
import { ACTIVATIONS, NEURON_ACTIVATIONS, type Activation, type NeuronActivation } from "./activations";

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

const missingOr =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? MESSAGES.missing : message;

const finiteNumber = z.number({ error: missingOr(MESSAGES.finite) });
// An array element is never "missing", even when it is undefined.
const finiteElement = z.number({ error: MESSAGES.finite });

const strictObjectError = (issue: { code?: string; input?: unknown }): string | undefined => {
  if (issue.code === "unrecognized_keys") return MESSAGES.unknownField;
  if (issue.code === "invalid_type") return missingOr(MESSAGES.object)(issue);
  return undefined;
};

const activationSchema = z.enum(ACTIVATIONS, {
  error: (issue) => (issue.input === undefined ? MESSAGES.missing : MESSAGES.activation(issue.input)),
});

const neuronActivationSchema = z.enum(NEURON_ACTIVATIONS, {
  error: (issue) => (issue.input === "softmax" ? MESSAGES.neuronSoftmax : MESSAGES.activation(issue.input)),
});

/**
 * Zod schema of one neuron (unknown keys are errors).
 * @example
 * neuronSchema.parse({ weights: [1.5, 2.0], bias: -1.0 });
 */
export const neuronSchema = z.strictObject(
  {
    weights: z.array(finiteElement, { error: missingOr(MESSAGES.array) }).min(1, { error: MESSAGES.noWeights }),
    bias: finiteNumber,
    activation: neuronActivationSchema.optional(),
  },
  { error: strictObjectError },
);

/**
 * Zod schema of one layer (unknown keys are errors).
 * @example
 * layerSchema.parse({ activation: "relu", neurons: [{ weights: [1], bias: 0 }] });
 */
export const layerSchema = z.strictObject(
  {
    activation: activationSchema,
    neurons: z.array(neuronSchema, { error: missingOr(MESSAGES.array) }).min(1, { error: MESSAGES.noNeurons }),
  },
  { error: strictObjectError },
);

/**
 * Zod schema of a whole network, including the rules between layers. It accepts exactly the
 * networks that `forward` accepts (before any inputs are known).
 * @example
 * networkSchema.safeParse({ layers: [] }).success; // false
 */
export const networkSchema = z
  .strictObject(
    {
      layers: z.array(layerSchema, { error: missingOr(MESSAGES.array) }).min(1, { error: MESSAGES.noLayers }),
    },
    { error: strictObjectError },
  )
  .superRefine((network, ctx) => {
    for (const problem of crossFieldProblems(network)) {
      ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
    }
  });

/**
 * Zod schema of the input values: at least one, each finite.
 * @example
 * inputsSchema.parse([0.8, 0.6]);
 */
export const inputsSchema = z
  .array(finiteElement, { error: missingOr(MESSAGES.array) })
  .min(1, { error: MESSAGES.noInputs });

/**
 * Turns a zod error from these schemas into the engine's path-first messages, one per problem
 * (an unknown key is reported at the key itself).
 * @example
 * const r = networkSchema.safeParse({ layers: [], extra: 1 });
 * if (!r.success) zodErrorMessages(r.error); // ["layers: a network needs ...", "extra: unknown field"]
 */
export function zodErrorMessages(error: z.ZodError, root = "network"): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => `${formatPath([...issue.path, key], root)}: ${issue.message}`);
    }
    return [`${formatPath(issue.path, root)}: ${issue.message}`];
  });
}

// Compile-time check that the schema and the hand-written types describe the same JSON.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<z.infer<typeof networkSchema>, Network> = true;
void schemaMatchesTypes;
