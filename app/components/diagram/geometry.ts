/**
 * Where everything sits in the diagram, in CSS pixels of the box it is drawn in. Text keeps its
 * surface's size (type-scale.ts) whatever the network: a larger network gets closer rows and
 * narrower gaps, never smaller text. Pure arithmetic, so the SVG and the clickable overlay (HTML
 * buttons positioned in percent) agree to the pixel.
 */
import type { Network } from "../../../lib/engine";
import { clip, inputLabel, outputLabel } from "./labels";
import { textWidth, TYPE_SCALES, type DiagramSurface, type TypeScale } from "./type-scale";

export interface Point {
  x: number;
  y: number;
}

export interface DiagramGeometry {
  /** The drawing's size; wider than the box only when the box is too narrow for the text. */
  width: number;
  height: number;
  /** The least height this network needs at full text size. */
  minHeight: number;
  type: TypeScale;
  /** Every neuron's box (a circle when square, a pill when wider), centred on its point. */
  neuron: { w: number; h: number };
  input: { w: number; h: number };
  /** Whether there is room inside a neuron for its tag and bias. */
  detailed: boolean;
  /** Lines of names under a neuron (a team beyond that shows "+n more"). */
  nameLines: number;
  nameLineHeight: number;
  /** Baselines of the column headings and of their detail line. */
  titleY: number;
  detailY: number;
  /** x of each column: inputs first, then one per layer. */
  columns: number[];
  inputs: Point[];
  neurons: Point[][];
  /** Vertical distance between neighbouring rows. */
  row: number;
  /**
   * Per layer, where along its incoming edges every weight label sits (0 = source, 1 = the
   * neuron), or null when they cannot all be drawn apart at full size (a neuron's own labels then
   * show while it is pointed at or focused).
   */
  labelAt: (number | null)[];
  /** Per layer, where one pointed-at neuron's labels sit. */
  focusAt: number[];
  /** The weight chip's height. */
  chipHeight: number;
}

export interface DiagramLabels {
  inputLabels: readonly string[];
  outputLabels: readonly string[];
  softmaxOutput: boolean;
}

/** The largest gap between columns; wider only spreads the lines. */
const MAX_GAP = 420;
const WIDEST_VALUE = "-0.000";

/** The width a chip needs for a weight's text. */
export function chipWidth(text: string, type: TypeScale): number {
  return textWidth(text, type.weight) + 10;
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

/**
 * Lays a network out in a box of `width` × `height` CSS pixels (the height is a wish: a network
 * that needs more rows than fit at full text size is drawn taller).
 * @example
 * const g = layoutDiagram(classifier, labels, { width: 900, height: 400 }, "dashboard"); // g.neurons[0].length === 3
 */
export function layoutDiagram(network: Network, labels: DiagramLabels, box: { width: number; height: number }, surface: DiagramSurface): DiagramGeometry {
  const type = TYPE_SCALES[surface];
  const inputCount = network.layers[0]?.neurons[0]?.weights.length ?? 0;
  const counts = [inputCount, ...network.layers.map((l) => l.neurons.length)];
  const outputCount = counts[counts.length - 1] ?? 0;
  const rows = Math.max(2, ...counts);

  // Vertical: headings, then rows of a neuron with its names under it.
  const titleY = Math.round(type.title);
  const detailY = titleY + Math.round(type.label * 1.3);
  const top = detailY + 12;
  const nameLineHeight = Math.round(type.name * 1.2);
  const minH = Math.ceil(type.value * 1.32);
  const maxH = surface === "projector" ? 104 : 84;
  const available = (box.height - top - 4) / rows;
  const nameLines = available >= minH + 2 * nameLineHeight + 8 ? 2 : 1;
  const names = nameLines * nameLineHeight;
  const minRow = minH + names + 4;
  const row = Math.max(minRow, Math.min(available, maxH + names + 34));
  const h = Math.round(Math.max(minH, Math.min(maxH, row - names - 8)));
  const w = Math.round(Math.max(h, textWidth(WIDEST_VALUE, type.value) * 0.85 + 14));
  const detailed = h >= type.value * 1.15 + 2 * type.label * 1.2 + 8;
  const height = Math.ceil(top + rows * row + 4);
  const centre = top + (rows * row) / 2;

  // Horizontal: input names on the left, output names and shares on the right.
  const input = { w: Math.round(textWidth(WIDEST_VALUE, type.value) * 0.85 + 14), h: minH };
  const inputNames = Array.from({ length: inputCount }, (_, i) => textWidth(clip(inputLabel(labels.inputLabels, i), 14), type.label));
  const left = Math.max(0, ...inputNames) + 14 + input.w / 2 + 6;
  const outputNames = Array.from({ length: outputCount }, (_, j) => textWidth(clip(outputLabel(labels.outputLabels, j), 18), type.label));
  const shareWidth = labels.softmaxOutput ? textWidth("100.0 %", type.share) + 10 + textWidth("prediction", type.label) + 14 : 0;
  const right = w / 2 + 14 + Math.max(0, shareWidth, ...outputNames) + 6;
  const chipMax = chipWidth(WIDEST_VALUE, type);
  const minGap = Math.max(input.w, w) / 2 + w / 2 + chipMax + 12;
  const gaps = Math.max(1, counts.length - 1);
  const gap = Math.min(MAX_GAP, Math.max(minGap, (box.width - left - right) / gaps));
  const content = left + right + gap * gaps;
  const width = Math.max(box.width, content);
  const columns = counts.map((_, c) => (width - content) / 2 + left + c * gap);
  const inputs = stack(inputCount, columns[0]!, centre, row);
  const neurons = network.layers.map((l, i) => stack(l.neurons.length, columns[i + 1]!, centre, row));

  // Weight labels: all of a layer's at one spot along the lines, if one keeps them apart.
  const chipHeight = Math.round(type.weight * 1.4);
  const fitsAcross = (t: number, sourceHalf: number) => t * gap - sourceHalf >= chipMax / 2 + 4 && (1 - t) * gap - w / 2 >= chipMax / 2 + 4;
  const labelAt = neurons.map((targets, l) => {
    const sources = l === 0 ? inputs : neurons[l - 1]!;
    const sourceHalf = (l === 0 ? input.w : w) / 2;
    return [0.7, 0.3, 0.5, 0.6, 0.4].find((t) => fitsAcross(t, sourceHalf) && labelGap(sources, targets, t) >= chipHeight + 2) ?? null;
  });
  const focusAt = neurons.map((_, l) => {
    const sourceHalf = (l === 0 ? input.w : w) / 2;
    return [0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4].find((t) => fitsAcross(t, sourceHalf) && (1 - t) * row >= chipHeight + 2) ?? 0.5;
  });

  const minHeight = Math.ceil(top + rows * minRow + 4);
  return { width, height, minHeight, type, neuron: { w, h }, input, detailed, nameLines, nameLineHeight, titleY, detailY, columns, inputs, neurons, row, labelAt, focusAt, chipHeight };
}
