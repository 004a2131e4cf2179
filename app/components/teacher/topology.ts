/**
 * The topology editor's model: a plan (sizes, activations, names) and the network set-up it
 * builds. Pure, so it can be tested without a browser.
 */
import type { Activation, Network } from "../../../lib/engine";
import { cleanLabel, defaultInputLabels, defaultOutputLabels } from "../../../lib/session/default-labels";
import type { SessionState } from "../../../lib/session/state";
import { firstGraphemes, LABEL_MAX } from "../../../lib/session/text";

export interface LayerPlan {
  size: number;
  activation: Activation;
}

export interface TopologyPlan {
  inputCount: number;
  inputNames: string;
  hidden: LayerPlan[];
  output: LayerPlan;
  outputNames: string;
  start: "random" | "zeros";
}

export const LIMITS = { inputs: 8, hiddenLayers: 4, layerSize: 8, outputs: 6 } as const;

/** The plan of the network a session runs now. */
export function planFrom(state: SessionState): TopologyPlan {
  const layers = state.network.layers;
  const last = layers[layers.length - 1]!;
  return {
    inputCount: state.inputs.length,
    inputNames: state.inputLabels.join(", "),
    hidden: layers.slice(0, -1).map((l) => ({ size: l.neurons.length, activation: l.activation })),
    output: { size: last.neurons.length, activation: last.activation },
    outputNames: state.outputLabels.join(", "),
    start: "random",
  };
}

/** Why a plan cannot be built, as sentences for the teacher; empty when it can. */
export function planProblems(plan: TopologyPlan): string[] {
  const problems: string[] = [];
  const whole = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi;
  if (!whole(plan.inputCount, 1, LIMITS.inputs)) problems.push(`Use 1 to ${LIMITS.inputs} inputs.`);
  plan.hidden.forEach((l, i) => {
    if (!whole(l.size, 1, LIMITS.layerSize)) problems.push(`Hidden layer ${i + 1} needs 1 to ${LIMITS.layerSize} neurons.`);
  });
  if (!whole(plan.output.size, 1, LIMITS.outputs)) problems.push(`The output layer needs 1 to ${LIMITS.outputs} neurons.`);
  if (plan.output.activation === "softmax" && plan.output.size < 2) problems.push("Softmax needs at least two output neurons.");
  return problems;
}

/** Names typed as "a, b, c", padded with defaults so every input and output has one. */
export function namesFrom(text: string, count: number, fallback: (i: number) => string): string[] {
  const typed = text.split(",").map((s) => firstGraphemes(cleanLabel(s), LABEL_MAX));
  return Array.from({ length: count }, (_, i) => typed[i] || fallback(i));
}

/** A small round weight in [-1, 1] (one decimal), easy to read aloud and to type on a phone. */
const smallRound = (random: () => number): number => Math.round((random() * 2 - 1) * 10) / 10 || 0;

/**
 * The set-up `network:load` expects. Inputs keep their current values where they still exist.
 * @example
 * buildSetup({ inputCount: 2, hidden: [{ size: 3, activation: "relu" }], output: { size: 2, activation: "softmax" }, ... }, [0.9, 0.4]);
 */
export function buildSetup(plan: TopologyPlan, currentInputs: readonly number[], random: () => number = Math.random) {
  const sizes = [plan.inputCount, ...plan.hidden.map((l) => l.size), plan.output.size];
  const activations = [...plan.hidden.map((l) => l.activation), plan.output.activation];
  const network: Network = {
    layers: activations.map((activation, i) => ({
      activation,
      neurons: Array.from({ length: sizes[i + 1]! }, () => ({
        weights: Array.from({ length: sizes[i]! }, () => (plan.start === "zeros" ? 0 : smallRound(random))),
        bias: 0,
      })),
    })),
  };
  const classes = plan.output.activation === "softmax";
  return {
    network,
    inputs: Array.from({ length: plan.inputCount }, (_, i) => currentInputs[i] ?? 0),
    inputLabels: namesFrom(plan.inputNames, plan.inputCount, (i) => defaultInputLabels(plan.inputCount)[i]!),
    outputLabels: namesFrom(plan.outputNames, plan.output.size, (j) => defaultOutputLabels(plan.output.size, classes)[j]!),
    presetId: null,
  };
}
