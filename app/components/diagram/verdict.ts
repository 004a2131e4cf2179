/**
 * A network with one sigmoid output is a yes/no detector (the lesson's spam detector): its score
 * is compared with the session's threshold, and only a score strictly above it says yes, as the
 * exercise's `predict(inputs, threshold)` does.
 */
import { outputLabel, thresholdVerdict, type Verdict } from "../../../lib/session/derive";
import type { SessionState } from "../../../lib/session/state";
import type { DiagramModel } from "./diagram-model";

export type { Verdict };

/**
 * @example
 * verdictOf(spamState, model); // { score: 0.731…, threshold: 0.5, text: "spam", above: true, … }
 */
export function verdictOf(state: Pick<SessionState, "threshold" | "presetId">, model: Pick<DiagramModel, "network" | "result" | "outputLabels">): Verdict | null {
  const outputs = model.result.layers[model.result.layers.length - 1]?.output ?? [];
  return thresholdVerdict(model.network, outputs, state.threshold, outputLabel(model.outputLabels, 0), state.presetId);
}

/** "Threshold 0.50": two decimals, as a cut-off is usually written. */
export const formatThreshold = (t: number): string => `Threshold ${t.toFixed(2)}`;
