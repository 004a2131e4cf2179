/**
 * Where everything sits in the diagram, in viewBox units. Pure arithmetic so the SVG and the
 * clickable overlay (HTML buttons positioned in percent) agree to the pixel.
 */
import type { Network } from "../../../lib/engine";

export interface Point {
  x: number;
  y: number;
}

export interface DiagramGeometry {
  width: number;
  height: number;
  /** Neuron circle radius. */
  radius: number;
  /** Text and box size relative to a roomy diagram (1); big networks shrink to fit. */
  scale: number;
  /** Whether there is room for the small print (neuron tags, biases, a second name). */
  detailed: boolean;
  /** Input box half-width and half-height. */
  inputHalf: { w: number; h: number };
  /** x of each column: inputs first, then one per layer. */
  columns: number[];
  inputs: Point[];
  neurons: Point[][];
  /** Vertical distance between neighbouring rows. */
  row: number;
  /**
   * Per layer, where along its incoming edges the weight labels sit (0 = source, 1 = the
   * neuron), or null when no placement keeps them apart (values then show on hover/focus).
   */
  labelAt: (number | null)[];
}

const TITLE_SPACE = 92;
const BOTTOM_SPACE = 18;
/** Room for input labels on the left and output labels and percentages on the right. */
const LEFT = 240;
const RIGHT = 250;
/**
 * Candidate label positions along an edge (0 = source, 1 = target), best first: near the
 * neuron that owns the weight, else near the value it reads, else the middle.
 */
const LABEL_POSITIONS = [0.7, 0.3, 0.5];
/** Where a focused neuron's labels go: near it, where its own edges fan out. */
export const FOCUS_LABEL_AT = 0.7;
const MIN_LABEL_GAP = 20;

function columnGap(columns: number): number {
  if (columns <= 2) return 420;
  if (columns === 3) return 340;
  if (columns === 4) return 290;
  return 240;
}

function rowGap(rows: number): number {
  if (rows <= 4) return 160;
  return Math.max(96, Math.round(760 / rows));
}

function stack(count: number, x: number, centre: number, row: number): Point[] {
  return Array.from({ length: count }, (_, i) => ({ x, y: centre + (i - (count - 1) / 2) * row }));
}

/** The smallest vertical distance between the labels of two columns' edges placed at `t`. */
function labelGap(sources: Point[], targets: Point[], t: number): number {
  const ys: number[] = [];
  for (const tp of targets) for (const sp of sources) ys.push(sp.y + t * (tp.y - sp.y));
  ys.sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < ys.length; i++) gap = Math.min(gap, ys[i]! - ys[i - 1]!);
  return gap;
}

function labelPosition(sources: Point[], targets: Point[]): number | null {
  return LABEL_POSITIONS.find((t) => labelGap(sources, targets, t) >= MIN_LABEL_GAP) ?? null;
}

/**
 * Lays out a network: one column of inputs, then one column per layer, each centred.
 * @example
 * const g = layoutDiagram(classifier); // g.neurons[0].length === 3
 */
export function layoutDiagram(network: Network): DiagramGeometry {
  const inputCount = network.layers[0]?.neurons[0]?.weights.length ?? 0;
  const counts = [inputCount, ...network.layers.map((l) => l.neurons.length)];
  const rows = Math.max(1, ...counts);
  const row = rowGap(rows);
  const gap = columnGap(counts.length);
  const width = LEFT + RIGHT + gap * (counts.length - 1);
  const height = Math.max(400, TITLE_SPACE + rows * row + BOTTOM_SPACE);
  const centre = TITLE_SPACE + (height - TITLE_SPACE - BOTTOM_SPACE) / 2;
  const columns = counts.map((_, c) => LEFT + c * gap);
  const inputs = stack(inputCount, columns[0]!, centre, row);
  const neurons = network.layers.map((l, i) => stack(l.neurons.length, columns[i + 1]!, centre, row));
  const radius = Math.min(48, Math.round(row * 0.3));
  const scale = Math.max(0.6, Math.min(1, radius / 48));
  const labelAt = neurons.map((targets, i) => labelPosition(i === 0 ? inputs : neurons[i - 1]!, targets));
  return {
    width,
    height,
    radius,
    scale,
    detailed: scale >= 0.8,
    inputHalf: { w: Math.round(58 * scale), h: Math.round(28 * scale) },
    columns,
    inputs,
    neurons,
    row,
    labelAt,
  };
}
