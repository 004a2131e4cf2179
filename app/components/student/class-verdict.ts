/**
 * Two things the phone reads off the session besides numbers: the spam detector's verdict
 * (a threshold on a single sigmoid output) and where the teacher's forward-pass animation is
 * relative to my neuron. Pure, so they are tested without a browser.
 */
import type { Network } from "../../../lib/engine/network";
import type { PassAnimation } from "../../../lib/session/state";

export interface Verdict {
  score: number;
  threshold: number;
  /** SPEC's rule: strictly above the threshold. */
  above: boolean;
  /** What the verdict reads: "spam" / "not spam" for the spam detector. */
  text: string;
  /** The network is the spam detector (its preset, or an output labelled as a spam score). */
  spam: boolean;
}

/** True when the network ends in one sigmoid neuron: its output is a score for a yes/no answer. */
export function endsInOneSigmoid(network: Network): boolean {
  const last = network.layers[network.layers.length - 1];
  const only = last?.neurons.length === 1 ? last.neurons[0] : undefined;
  return !!only && (only.activation ?? last?.activation) === "sigmoid";
}

/**
 * The class's yes/no answer, or null when the network does not end in one sigmoid neuron.
 * The words are the spam detector's when the network is about spam, else plain ones.
 * @example
 * thresholdVerdict(spamNetwork, [0.73106], 0.5, "spam score", "spam")?.text; // "spam"
 * thresholdVerdict(spamNetwork, [0.5], 0.5, "spam score", "spam")?.text; // "not spam": not strictly above
 */
export function thresholdVerdict(
  network: Network,
  outputs: readonly number[],
  threshold: number,
  outputLabel: string,
  presetId: string | null,
): Verdict | null {
  const score = outputs[0];
  if (!endsInOneSigmoid(network) || score === undefined) return null;
  const spam = presetId === "spam" || /spam/i.test(outputLabel);
  const above = score > threshold;
  const text = spam ? (above ? "spam" : "not spam") : above ? "above the threshold" : "not above the threshold";
  return { score, threshold, above, text, spam };
}

/** Where the played forward pass is, seen from my neuron. */
export type PassPhase = "idle" | "coming" | "here" | "passed";

/**
 * Column 0 is the inputs, column l+1 the layer l; null means nothing is being played.
 * @example
 * passPhase({ column: 1, playing: true, at: 0 }, 0); // "here": the signal reached the first layer
 */
export function passPhase(animation: PassAnimation | undefined, layer: number): PassPhase {
  const column = animation?.column ?? null;
  if (column === null) return "idle";
  if (column < layer + 1) return "coming";
  return column === layer + 1 ? "here" : "passed";
}
