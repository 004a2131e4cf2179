/**
 * The class's round beside one automatic gradient-descent step taken from the same start: the
 * round's network as it began, one step down the gradient at the chosen learning rate, and the
 * loss of both, computed in the browser with the shared engine.
 */
import { datasetLoss, gradientStep, lossGradient } from "../../../lib/engine/train";
import type { Network } from "../../../lib/engine/network";
import type { TrainingRound } from "../../../lib/session/domains/training/state";
import type { Dataset } from "../../../lib/training/datasets";

export interface Comparison {
  round: number;
  /** The round is still open: the class's "after" is the loss now. */
  open: boolean;
  learningRate: number;
  classBefore: number;
  classAfter: number;
  autoBefore: number;
  autoAfter: number;
}

/**
 * @example
 * const c = compareRound(lastRound, state.network, dataset, 0.5);
 * c.autoAfter < c.autoBefore; // true unless the gradient is 0 (a step neuron) or the rate is too large
 */
export function compareRound(round: TrainingRound, network: Network, dataset: Dataset, learningRate: number): Comparison {
  const { loss, gradient } = lossGradient(round.startNetwork, dataset.examples);
  const stepped = gradientStep(round.startNetwork, gradient, learningRate);
  const open = round.endedAt === null || round.lossAfter === null;
  return {
    round: round.round,
    open,
    learningRate,
    classBefore: round.lossBefore,
    classAfter: open ? datasetLoss(network, dataset.examples) : round.lossAfter!,
    autoBefore: loss,
    autoAfter: datasetLoss(stepped, dataset.examples),
  };
}

/**
 * The change in words: "down 0.043", "up 0.010", "no change".
 * @example
 * changeText(0.693, 0.650); // "down 0.043"
 */
export function changeText(before: number, after: number): string {
  const d = after - before;
  if (Math.abs(d) < 0.0005) return "no change";
  return `${d < 0 ? "down" : "up"} ${Math.abs(d).toFixed(3)}`;
}

/**
 * Which did better, in a sentence.
 * @example
 * verdictText(c); // "The automatic step lowered the loss more than the class's round."
 */
export function verdictText(c: Comparison): string {
  const classDrop = c.classBefore - c.classAfter;
  const autoDrop = c.autoBefore - c.autoAfter;
  if (Math.abs(classDrop - autoDrop) < 0.0005) return "The class's round and the automatic step did about as well.";
  if (autoDrop <= 0 && classDrop <= 0) return "Neither lowered the loss: try a smaller learning rate, or nudge the other way.";
  return autoDrop > classDrop
    ? "The automatic step lowered the loss more than the class's round."
    : "The class's round lowered the loss more than the automatic step.";
}
