/**
 * A network with one sigmoid output is a yes/no detector (the lesson's spam detector): its score
 * is compared with the session's threshold, and only a score strictly above it says yes, as the
 * exercise's `predict(inputs, threshold)` does.
 */
import type { SessionState } from "../../../lib/session/state";
import type { DiagramModel } from "./diagram-model";
import { outputLabel } from "./labels";

export interface Verdict {
  score: number;
  threshold: number;
  /** "spam" / "not spam" for the spam detector; "yes" / "no" for any other detector. */
  text: string;
  positive: boolean;
  /** What a score above the threshold reads ("spam" or "yes"). */
  positiveText: string;
}

/**
 * @example
 * verdictOf(spamState, model); // { score: 0.731…, threshold: 0.5, text: "spam", positive: true }
 */
export function verdictOf(state: SessionState, model: DiagramModel): Verdict | null {
  const last = model.network.layers[model.network.layers.length - 1];
  const neuron = last?.neurons.length === 1 ? last.neurons[0] : undefined;
  if (!neuron || (neuron.activation ?? last!.activation) !== "sigmoid") return null;
  const score = model.result.layers[model.result.layers.length - 1]?.output[0] ?? 0;
  const positive = score > state.threshold;
  const spam = state.presetId === "spam" || /spam/i.test(outputLabel(model.outputLabels, 0));
  const [yes, no] = spam ? ["spam", "not spam"] : ["yes", "no"];
  return { score, threshold: state.threshold, text: positive ? yes : no, positive, positiveText: yes };
}

/** "Threshold 0.50": two decimals, as a cut-off is usually written. */
export const formatThreshold = (t: number): string => `Threshold ${t.toFixed(2)}`;
