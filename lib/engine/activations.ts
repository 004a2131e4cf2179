/**
 * Activation functions of the engine, looked up by name so that a name can travel through the
 * protocol, the database and a saved network unchanged. Pure arithmetic: no Node or DOM imports.
 */

/**
 * Every activation name a layer may carry, in the order menus show them.
 * @example
 * ACTIVATIONS.includes("relu"); // true
 */
export const ACTIVATIONS = ["relu", "sigmoid", "tanh", "linear", "step", "softmax"] as const;

/**
 * Activations that act on one neuron's own sum (softmax needs the whole layer, so it is not one).
 * @example
 * NEURON_ACTIVATIONS.length; // 5
 */
export const NEURON_ACTIVATIONS = ["relu", "sigmoid", "tanh", "linear", "step"] as const;

/**
 * Name of any activation, including the layer-wide softmax.
 * @example
 * const a: Activation = "softmax";
 */
export type Activation = (typeof ACTIVATIONS)[number];

/**
 * Name of an activation that maps one sum to one output.
 * @example
 * const a: NeuronActivation = "sigmoid";
 */
export type NeuronActivation = (typeof NEURON_ACTIVATIONS)[number];

/**
 * Rectified linear unit: the sum itself when positive, else 0 (never -0).
 * @example
 * relu(1.4); // 1.4
 * relu(-2); // 0
 */
export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/**
 * Logistic sigmoid. Each branch only ever exponentiates a non-positive number, so a huge sum of
 * either sign gives 0 or 1 instead of overflowing.
 * @example
 * sigmoid(0); // 0.5
 * sigmoid(-1000); // 0
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * Hyperbolic tangent, between -1 and 1.
 * @example
 * tanh(0); // 0
 */
export function tanh(x: number): number {
  return Math.tanh(x);
}

/**
 * Identity: the output is the sum.
 * @example
 * linear(-0.25); // -0.25
 */
export function linear(x: number): number {
  return x;
}

/**
 * Threshold unit: 1 when the sum is strictly above 0, else 0.
 * @example
 * step(0.001); // 1
 * step(0); // 0
 */
export function step(x: number): number {
  return x > 0 ? 1 : 0;
}

/**
 * The single-sum activations by name.
 * @example
 * ACTIVATION_FUNCTIONS["relu"](-3); // 0
 */
export const ACTIVATION_FUNCTIONS: Readonly<Record<NeuronActivation, (x: number) => number>> =
  Object.freeze({ relu, sigmoid, tanh, linear, step });

/**
 * Applies a single-sum activation by name.
 * @example
 * applyActivation("step", 2); // 1
 */
export function applyActivation(name: NeuronActivation, x: number): number {
  return ACTIVATION_FUNCTIONS[name](x);
}

/**
 * Softmax over a list of sums: exponentials divided by their total. The largest value is taken
 * away first so that no exponential exceeds 1; the result is unchanged mathematically and large
 * sums such as [1000, 1000] give [0.5, 0.5] rather than NaN.
 * @example
 * softmax([1000, 1000]); // [0.5, 0.5]
 * softmax([0, Math.log(3)]); // [0.25, 0.75] (up to rounding)
 */
export function softmax(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  const exps = values.map((v) => Math.exp(v - max));
  let total = 0;
  for (const e of exps) total += e;
  return exps.map((e) => e / total);
}

/**
 * Whether a value is the name of an activation (softmax included).
 * @example
 * isActivation("tanh"); // true
 * isActivation("Tanh"); // false
 */
export function isActivation(value: unknown): value is Activation {
  return typeof value === "string" && (ACTIVATIONS as readonly string[]).includes(value);
}

/**
 * Whether a value names a single-sum activation (softmax excluded).
 * @example
 * isNeuronActivation("softmax"); // false
 */
export function isNeuronActivation(value: unknown): value is NeuronActivation {
  return typeof value === "string" && (NEURON_ACTIVATIONS as readonly string[]).includes(value);
}
