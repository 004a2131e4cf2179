/**
 * Several students on one neuron are a team. In "latest" mode the neuron takes the most
 * recent entry of any member; in "average" mode it takes the mean of the members' entries.
 */
import type { NeuronValues } from "./state";

/**
 * The element-wise mean of entries of the same shape.
 * @example
 * averageEntries([{ weights: [1, 2], bias: 0 }, { weights: [3, 4], bias: 1 }]); // { weights: [2, 3], bias: 0.5 }
 */
export function averageEntries(entries: readonly NeuronValues[]): NeuronValues {
  if (entries.length === 0) throw new RangeError("cannot average no entries");
  const width = entries[0]!.weights.length;
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  for (const e of entries) {
    for (let k = 0; k < width; k++) weights[k]! += e.weights[k] ?? 0;
    bias += e.bias;
  }
  return { weights: weights.map((w) => w / entries.length), bias: bias / entries.length };
}
