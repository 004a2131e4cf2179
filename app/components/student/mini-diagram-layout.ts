/**
 * Where the phone's mini diagram puts things (viewBox units), and how it is described to a
 * screen reader. Columns are the inputs, then one per layer.
 */
import { layerName } from "../../../lib/session/format";
import type { Seat } from "../../../lib/session/state";
import { describeNeuron } from "./neuron-model";

export const MINI_WIDTH = 340;
export const MINI_HEIGHT = 160;
// Room above the top row for the "You" label, and below the bottom row for the column names.
const TOP = 28;
const BOTTOM = 136;
const SIDE = 26;

/**
 * @example
 * const { x, y, radius } = miniLayout([2, 3, 2]);
 * x(0); // 26: the inputs' column
 */
export function miniLayout(sizes: readonly number[]) {
  const x = (column: number) => (sizes.length === 1 ? MINI_WIDTH / 2 : SIDE + (column * (MINI_WIDTH - 2 * SIDE)) / (sizes.length - 1));
  const y = (count: number, i: number) => TOP + ((i + 0.5) * (BOTTOM - TOP)) / count;
  const radius = (count: number) => Math.max(3, Math.min(10, (BOTTOM - TOP) / count / 2.6));
  return { x, y, radius };
}

/**
 * @example
 * miniDescription([2, 3, 2], { layer: 0, neuron: 0 });
 * // "Diagram of the class network: 2 inputs, then the hidden layer with 3 neurons, the output layer
 * //  with 2 neurons. You are neuron 1 of the hidden layer."
 */
export function miniDescription(sizes: readonly number[], seat: Seat): string {
  const layers = sizes
    .slice(1)
    .map((n, l) => {
      const name = layerName(l, sizes.length - 1);
      return `${/\d$/.test(name) ? name : `the ${name}`} with ${n} neuron${n === 1 ? "" : "s"}`;
    })
    .join(", ");
  return `Diagram of the class network: ${sizes[0]} inputs, then ${layers}. You are ${describeNeuron(seat, sizes.length - 1)}.`;
}
