/**
 * What every screen reads off a training session: the network's loss and accuracy on the data
 * set and each example's prediction, computed in the browser with the shared engine from the
 * live network. Kept per network object (the reducer makes a new one only when a number
 * changes), so a re-render that did not move the network costs nothing. No zod: the projector
 * and the replay load it too.
 */
import { datasetLoss, evaluate, flatActivations, lossKind, type Example } from "../../../lib/engine/train";
import type { Network } from "../../../lib/engine/network";
import { isSoftmaxOutput } from "../../../lib/session/derive";
import { formatPercent, formatValue } from "../../../lib/session/format";
import type { Dataset } from "../../../lib/training/datasets";

export interface PredictionRow {
  /** The example's inputs, as the lesson prints them. */
  inputs: string[];
  /** What the example should give: its label's words, else its target numbers. */
  label: string;
  /** What the network gives, as the lesson prints numbers. */
  prediction: string;
  right: boolean;
}

export interface Readout {
  loss: number;
  /** Fraction 0..1 of examples right. */
  accuracy: number;
  right: number;
  total: number;
  /** "cross-entropy" or "mse", for the panel's small print. */
  kind: "cross-entropy" | "mse";
  /** Neurons that use the step function, whose gradient is 0 ("layer:neuron" as people count). */
  flat: { layer: number; neuron: number }[];
  rows: PredictionRow[];
}

const cache = new WeakMap<Network, WeakMap<Dataset, Readout | null>>();
/** The threshold each cached readout was computed at (the teacher may change it). */
const hitThreshold = new WeakMap<Readout, number>();

/**
 * How "8 of 10 right" reads.
 * @example
 * accuracyText({ right: 8, total: 10 }); // "8 of 10 right"
 */
export function accuracyText(readout: Pick<Readout, "right" | "total">): string {
  return `${readout.right} of ${readout.total} right`;
}

/**
 * A target as the table shows it when the data set gives no words for it: the class name of a
 * one-hot target, else its numbers.
 * @example
 * targetText([0, 1], ["cat", "dog"]); // "dog"
 * targetText([1], ["spam"]); // "1"
 */
export function targetText(target: readonly number[], outputLabels: readonly string[]): string {
  if (target.length > 1) {
    const best = target.indexOf(Math.max(...target));
    return outputLabels[best]?.trim() || `Output ${best + 1}`;
  }
  return target.map((t) => shortText(t)).join(", ");
}

function shortText(x: number): string {
  return Number.isInteger(x) ? String(x) : formatValue(x);
}

/**
 * An output as the lesson prints it: a percentage with one decimal for softmax shares (with the
 * class it picks), else three decimals.
 * @example
 * predictionText([0.2, 0.8], true, ["cat", "dog"]); // "dog 80.0 %"
 * predictionText([0.731], false, ["spam score"]); // "0.731"
 */
export function predictionText(output: readonly number[], probability: boolean, outputLabels: readonly string[]): string {
  if (output.length > 1) {
    const best = output.indexOf(Math.max(...output));
    const name = outputLabels[best]?.trim() || `Output ${best + 1}`;
    return `${name} ${probability ? formatPercent(output[best]!) : formatValue(output[best]!)}`;
  }
  return probability ? formatPercent(output[0] ?? 0) : formatValue(output[0] ?? 0);
}

function compute(network: Network, dataset: Dataset, threshold: number): Readout {
  const examples: readonly Example[] = dataset.examples;
  const probability = isSoftmaxOutput(network);
  const scored = evaluate(network, examples, threshold);
  const rows = examples.map((example, i) => ({
    inputs: example.inputs.map(shortText),
    label: dataset.exampleLabels?.[i]?.trim() || targetText(example.target, dataset.outputLabels),
    prediction: predictionText(scored.outputs[i]!, probability, dataset.outputLabels),
    right: scored.right[i]!,
  }));
  const right = rows.filter((r) => r.right).length;
  return {
    loss: scored.loss,
    accuracy: right / rows.length,
    right,
    total: rows.length,
    kind: lossKind(network),
    flat: flatActivations(network),
    rows,
  };
}

/**
 * The network's loss, accuracy and predictions on the data set, or null when the two do not
 * fit (another network was loaded after training started). One computation per network,
 * data set and threshold.
 * @example
 * readoutOf(state.network, state.training.dataset!, state.threshold)?.loss; // 0.412
 */
export function readoutOf(network: Network, dataset: Dataset, threshold: number): Readout | null {
  let byDataset = cache.get(network);
  if (!byDataset) {
    byDataset = new WeakMap();
    cache.set(network, byDataset);
  }
  const hit = byDataset.get(dataset);
  if (hit !== undefined && (hit === null || hitThreshold.get(hit) === threshold)) return hit;
  let fresh: Readout | null;
  try {
    fresh = compute(network, dataset, threshold);
    hitThreshold.set(fresh, threshold);
  } catch {
    fresh = null;
  }
  byDataset.set(dataset, fresh);
  return fresh;
}

/**
 * The loss alone (the chart, the comparison), null when network and data set do not fit.
 * @example
 * lossOf(state.network, dataset); // 0.412
 */
export function lossOf(network: Network, dataset: Dataset): number | null {
  const known = cache.get(network)?.get(dataset);
  if (known) return known.loss;
  try {
    return datasetLoss(network, dataset.examples);
  } catch {
    return null;
  }
}

/**
 * How the loss prints: three decimals.
 * @example
 * lossText(0.41234); // "0.412"
 */
export function lossText(loss: number | null): string {
  return loss === null ? "–" : formatValue(loss);
}
