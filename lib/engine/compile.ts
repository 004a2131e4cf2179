/**
 * The engine's compiled form: a network validated once, when it changes, then run on flat
 * `Float64Array`s for every recomputation (a slider move, new inputs, a replay's moment).
 * It does `forward`'s arithmetic in `forward`'s order with the same activation functions, so
 * the two agree to the last bit, and it throws `forward`'s errors (a test checks both on
 * seeded random networks). No zod, so the phone can load it.
 */
import { ACTIVATIONS, linear, relu, sigmoid, step, tanh } from "./activations";
import { MESSAGES, type ForwardResult, type Network } from "./network";
import { EngineError, inputCount, validateInputs, validateNetwork } from "./validate";

const SOFTMAX = ACTIVATIONS.indexOf("softmax");

/** One neuron's own activation, by its index in ACTIVATIONS (softmax is the layer's, later). */
function activate(code: number, x: number): number {
  switch (code) {
    case 0:
      return relu(x);
    case 1:
      return sigmoid(x);
    case 2:
      return tanh(x);
    case 3:
      return linear(x);
    case 4:
      return step(x);
    default:
      return 0;
  }
}

interface Plan {
  /** Values read by each neuron (the previous layer's size, or the input count). */
  width: number;
  /** One row of `width` weights per neuron. */
  weights: Float64Array;
  bias: Float64Array;
  /** Each neuron's activation as an index in ACTIVATIONS. */
  codes: Uint8Array;
  /** The neurons that share the layer's softmax, in order (null: none). */
  softmax: Int32Array | null;
}

function plan(network: Network): Plan[] {
  return network.layers.map((layer) => {
    const width = layer.neurons[0]!.weights.length;
    const weights = new Float64Array(layer.neurons.length * width);
    layer.neurons.forEach((n, j) => weights.set(n.weights, j * width));
    const codes = Uint8Array.from(layer.neurons, (n) => ACTIVATIONS.indexOf(n.activation ?? layer.activation));
    const users = [...codes.keys()].filter((j) => codes[j] === SOFTMAX);
    return { width, weights, bias: Float64Array.from(layer.neurons, (n) => n.bias), codes, softmax: users.length ? Int32Array.from(users) : null };
  });
}

/**
 * A validated network ready to run. `run` reuses its own buffers: `raw` and `output` hold the
 * last run's values until the next run (after a refused run, only partly). `forward` returns
 * fresh arrays shaped like `forward`'s.
 * @example
 * const c = compile(net); // throws forward's EngineError for a bad network
 * c.run([0.8, 0.6])[0]; // the first output, as forward(net, [0.8, 0.6]) computes it
 * c.output[0]; // the first layer's outputs of that run
 */
export class CompiledNetwork {
  /** Each layer's weighted sums plus bias, as of the last run. */
  readonly raw: Float64Array[];
  /** Each layer's activations, as of the last run. */
  readonly output: Float64Array[];
  readonly inputCount: number;
  private readonly input: Float64Array;

  constructor(
    private readonly network: Network,
    private readonly plans: Plan[],
  ) {
    this.raw = plans.map((p) => new Float64Array(p.bias.length));
    this.output = plans.map((p) => new Float64Array(p.bias.length));
    this.inputCount = inputCount(network);
    this.input = new Float64Array(this.inputCount);
  }

  /**
   * Runs the pass into this object's buffers and returns the last layer's outputs (a view,
   * overwritten by the next run). Throws `forward`'s EngineError for bad inputs or a sum that
   * is not finite.
   */
  run(inputs: readonly number[]): Float64Array {
    const n = this.inputCount;
    const input = this.input;
    if (!Array.isArray(inputs) || inputs.length !== n) validateInputs(inputs, this.network);
    for (let k = 0; k < n; k++) {
      const v = inputs[k]!;
      if (!Number.isFinite(v)) validateInputs(inputs, this.network);
      input[k] = v;
    }
    let signal = input;
    for (let i = 0; i < this.plans.length; i++) {
      const { width, weights, bias, codes, softmax } = this.plans[i]!;
      const raw = this.raw[i]!;
      const output = this.output[i]!;
      for (let j = 0, row = 0; j < raw.length; j++, row += width) {
        let sum = 0;
        for (let k = 0; k < width; k++) sum += weights[row + k]! * signal[k]!;
        sum += bias[j]!;
        if (!Number.isFinite(sum)) throw new EngineError(`layers[${i}].neurons[${j}]`, "weighted sum is not finite");
        raw[j] = sum;
        output[j] = activate(codes[j]!, sum);
      }
      if (softmax) softmaxInto(softmax, raw, output);
      for (let j = 0; j < output.length; j++) {
        if (!Number.isFinite(output[j]!)) throw new EngineError(`layers[${i}].neurons[${j}]`, "output is not finite");
      }
      signal = output;
    }
    return signal;
  }

  /**
   * The pass as `forward(network, inputs)` returns it, in fresh arrays.
   * @example
   * compile(net).forward([0.8, 0.6]); // deep-equal to forward(net, [0.8, 0.6]), bit for bit
   */
  forward(inputs: readonly number[]): ForwardResult {
    this.run(inputs);
    return { layers: this.raw.map((raw, i) => ({ raw: plain(raw), output: plain(this.output[i]!) })) };
  }

  /**
   * The same network with one neuron's bias changed, without validating it all again (the
   * phone's "if my bias went up" preview). Its buffers are its own.
   * @example
   * compile(net).withBias(0, 0, -0.9).run([0.8, 0.6]);
   */
  withBias(layer: number, neuron: number, bias: number): CompiledNetwork {
    const target = this.network.layers[layer]?.neurons[neuron];
    if (!target) throw new EngineError(`layers[${layer}].neurons[${neuron}]`, MESSAGES.missing);
    if (!Number.isFinite(bias)) throw new EngineError(`layers[${layer}].neurons[${neuron}].bias`, MESSAGES.finite);
    const layers = this.network.layers.map((l, i) =>
      i === layer ? { ...l, neurons: l.neurons.map((n, j) => (j === neuron ? { ...n, bias } : n)) } : l,
    );
    const plans = this.plans.map((p, i) => {
      if (i !== layer) return p;
      const copy = Float64Array.from(p.bias);
      copy[neuron] = bias;
      return { ...p, bias: copy };
    });
    return new CompiledNetwork({ layers }, plans);
  }
}

/** A plain array's copy (a loop: `Array.from` of a typed array is several times slower). */
function plain(values: Float64Array): number[] {
  const copy = new Array<number>(values.length);
  for (let j = 0; j < values.length; j++) copy[j] = values[j]!;
  return copy;
}

/** `softmax` of activations.ts over the neurons that use it, with the same operations in the same order. */
function softmaxInto(users: Int32Array, raw: Float64Array, output: Float64Array): void {
  let max = -Infinity;
  for (let u = 0; u < users.length; u++) if (raw[users[u]!]! > max) max = raw[users[u]!]!;
  let total = 0;
  for (let u = 0; u < users.length; u++) {
    const e = Math.exp(raw[users[u]!]! - max);
    output[users[u]!] = e;
    total += e;
  }
  for (let u = 0; u < users.length; u++) output[users[u]!] = output[users[u]!]! / total;
}

/**
 * Validates untrusted JSON once (throwing `forward`'s EngineError at the first problem) and
 * compiles a copy of it.
 * @example
 * compile({ layers: [{ activation: "relu", neurons: [{ weights: [1.5, 2.0], bias: -1.0 }] }] }).run([0.8, 0.6]); // [1.4000000000000004]
 */
export function compile(network: unknown): CompiledNetwork {
  const valid = validateNetwork(network);
  return new CompiledNetwork(valid, plan(valid));
}

const compiled = new WeakMap<object, CompiledNetwork | EngineError>();

/**
 * The compiled form of a network object, made on first use and kept while the object lives
 * (a refusal too, so a bad network is not validated again). Session networks are immutable
 * (the reducer returns a new object on change), so the object identifies its contents.
 * @example
 * compiledOf(state.network).forward(state.inputs);
 */
export function compiledOf(network: Network): CompiledNetwork {
  let found = compiled.get(network);
  if (!found) {
    try {
      found = compile(network);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      found = error;
    }
    compiled.set(network, found);
  }
  if (found instanceof EngineError) throw found;
  return found;
}
