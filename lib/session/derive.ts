/**
 * What every screen reads off a session besides the raw state: names with their fallbacks,
 * whether the output is a set of classes or a yes/no score, the verdict against the
 * threshold, and the forward pass itself. One module for the diagram, the phone and the
 * outputs, so they cannot disagree; no zod, so the phone can load it.
 */
import { compiledOf } from "../engine/compile";
import type { ForwardResult, Network } from "../engine/network";

/**
 * The label of input k, with a fallback for networks loaded without labels.
 * @example
 * inputLabel([], 0); // "Input 1"
 */
export function inputLabel(labels: readonly string[], k: number): string {
  return labels[k]?.trim() || `Input ${k + 1}`;
}

/**
 * The label of output j, with a fallback for networks loaded without labels.
 * @example
 * outputLabel(["Class A"], 1); // "Output 2"
 */
export function outputLabel(labels: readonly string[], j: number): string {
  return labels[j]?.trim() || `Output ${j + 1}`;
}

/**
 * Whether the output layer is one softmax over all its neurons: its outputs are the shares
 * of classes. A layer where some neurons carry their own activation is not (its softmax
 * covers only the neurons that use it, so the outputs do not add up to one).
 */
export function isSoftmaxOutput(network: Network): boolean {
  const last = network.layers[network.layers.length - 1];
  return last?.activation === "softmax" && last.neurons.every((n) => n.activation === undefined);
}

/** True when the network ends in one sigmoid neuron: its output is a score for a yes/no answer. */
export function endsInOneSigmoid(network: Network): boolean {
  const last = network.layers[network.layers.length - 1];
  const only = last?.neurons.length === 1 ? last.neurons[0] : undefined;
  return !!only && (only.activation ?? last?.activation) === "sigmoid";
}

export interface Verdict {
  score: number;
  threshold: number;
  /** SPEC's rule: strictly above the threshold. */
  above: boolean;
  /** What the verdict reads: "spam" / "not spam" for the spam detector. */
  text: string;
  /** What a score above the threshold reads ("spam" or "above the threshold"). */
  positiveText: string;
  /** The network is the spam detector (its preset, or an output labelled as a spam score). */
  spam: boolean;
}

/**
 * The class's yes/no answer, or null when the network does not end in one sigmoid neuron.
 * @example
 * thresholdVerdict(spamNetwork, [0.73106], 0.5, "spam score", "spam")?.text; // "spam"
 * thresholdVerdict(spamNetwork, [0.5], 0.5, "spam score", "spam")?.text; // "not spam": not strictly above
 */
export function thresholdVerdict(
  network: Network,
  outputs: readonly number[],
  threshold: number,
  firstOutputLabel: string,
  presetId: string | null,
): Verdict | null {
  const score = outputs[0];
  if (!endsInOneSigmoid(network) || score === undefined) return null;
  const spam = presetId === "spam" || /spam/i.test(firstOutputLabel);
  const above = score > threshold;
  const [yes, no] = spam ? ["spam", "not spam"] : ["above the threshold", "not above the threshold"];
  return { score, threshold, above, text: above ? yes : no, positiveText: yes, spam };
}

const passes = new WeakMap<Network, WeakMap<readonly number[], ForwardResult | null>>();

/**
 * The forward pass of a network on inputs, computed once per pair: the reducer keeps both
 * objects when an event does not touch them, so every component reading the same state
 * shares one result. The network is validated and compiled once (compiledOf), so new inputs
 * or a re-render only run the compiled pass. Null when the engine refuses the network.
 * @example
 * forwardOf(state.network, state.inputs)?.layers.at(-1)?.output;
 */
export function forwardOf(network: Network, inputs: readonly number[]): ForwardResult | null {
  let byInputs = passes.get(network);
  if (!byInputs) passes.set(network, (byInputs = new WeakMap()));
  if (byInputs.has(inputs)) return byInputs.get(inputs)!;
  let result: ForwardResult | null;
  try {
    result = compiledOf(network).forward(inputs);
  } catch {
    result = null;
  }
  byInputs.set(inputs, result);
  return result;
}
