/**
 * The diagram's colours and line styles. A weight's sign is shown twice (orange and solid for
 * positive, blue and dashed for negative) so it survives colour blindness and washed-out
 * projectors; its size is the line's thickness. Orange/blue instead of red/green for the same
 * reason. Every text colour keeps at least 4.5:1 against white.
 */

export const INK = "#0f172a";
export const MUTED = "#475569";
export const BRAND = "#4338ca";
export const POSITIVE = "#b45309";
export const NEGATIVE = "#1d4ed8";
const ZERO = "#64748b";

export interface EdgeStyle {
  stroke: string;
  width: number;
  dash: string | undefined;
  sign: "positive" | "negative" | "zero";
}

/**
 * Line style of a weight. Thickness grows with |w| up to 4, so the same weight looks the same
 * whatever the rest of the network holds.
 * @example
 * edgeStyle(-0.4); // { stroke: NEGATIVE, dash: "12 8", ... }
 */
export function edgeStyle(weight: number): EdgeStyle {
  if (weight === 0) return { stroke: ZERO, width: 1.2, dash: "2 7", sign: "zero" };
  const width = 1.4 + 2.1 * Math.min(Math.abs(weight), 4);
  return weight > 0
    ? { stroke: POSITIVE, width, dash: undefined, sign: "positive" }
    : { stroke: NEGATIVE, width, dash: "12 8", sign: "negative" };
}

function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `#${pa.map((v, i) => Math.round(v + (pb[i]! - v) * t).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * A neuron's fill: pale grey when quiet, indigo when firing, so "which neurons fire" reads from
 * across the room. Dark text stays readable on every shade.
 * @example
 * neuronFill(0); // "#f1f5f9"
 */
export function neuronFill(output: number): string {
  const activity = Math.max(0, Math.min(1, Math.abs(output)));
  return mix("#f1f5f9", "#a5b4fc", activity);
}
