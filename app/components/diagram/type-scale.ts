/**
 * Text sizes of the diagram in CSS pixels, per surface. The diagram is laid out in screen pixels
 * (its viewBox is the size it is drawn at), so these are the sizes people see, however large the
 * network: SPEC feature 3 asks for values ≥ 24 px and weights, names and labels ≥ 16 px on the
 * projector, values ≥ 16 px and weights ≥ 12 px on the dashboard.
 */

export interface TypeScale {
  /** A neuron's output and an input's value. */
  value: number;
  /** A weight's number on its line. */
  weight: number;
  /** Who sits on a neuron. */
  name: number;
  /** Input and output names, neuron tags, biases, column details. */
  label: number;
  /** Column headings. */
  title: number;
  /** An output's probability beside it. */
  share: number;
}

export const TYPE_SCALES = {
  dashboard: { value: 18, weight: 13, name: 14, label: 14, title: 17, share: 19 },
  projector: { value: 25, weight: 16.5, name: 16.5, label: 16.5, title: 19, share: 25 },
} as const satisfies Record<string, TypeScale>;

export type DiagramSurface = keyof typeof TYPE_SCALES;

/** Approximate advance widths in em of bold text in a wide system sans (DejaVu Sans is widest). */
const NARROW = new Set([".", ",", ":", "'", "i", "l", "I", "j", "!", "|"]);
const SPACE = new Set([" ", "·"]);

/**
 * An upper estimate of a text's width, for laying things out before they are drawn.
 * @example
 * textWidth("0.920", 25); // about 80
 */
export function textWidth(text: string, px: number): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.38;
    else if (SPACE.has(ch)) em += 0.35;
    else if (ch === "%" || ch === "W" || ch === "M" || ch === "m" || ch === "w") em += 1.0;
    else if (ch === "-" || ch === "−") em += 0.45;
    else if (ch >= "A" && ch <= "Z") em += 0.77;
    else em += 0.7;
  }
  return em * px;
}
