/**
 * How numbers are shown, everywhere: values with three decimals as the lesson prints them
 * (0.920), probabilities as percentages with one decimal (60.1 %).
 */

/**
 * @example
 * formatValue(0.92); // "0.920"
 * formatValue(-0); // "0.000"
 */
export function formatValue(x: number): string {
  const s = x.toFixed(3);
  return s === "-0.000" ? "0.000" : s;
}

/**
 * @example
 * formatPercent(0.6011); // "60.1 %"
 */
export function formatPercent(p: number): string {
  return `${(p * 100).toFixed(1)} %`;
}

/**
 * Parses what a person typed: accepts a decimal comma, a leading plus, and the Unicode minus.
 * Returns null for anything that is not a finite number.
 * @example
 * parseTyped("-1,5"); // -1.5
 * parseTyped("abc"); // null
 */
export function parseTyped(text: string): number | null {
  const cleaned = text.trim().replace(/\u2212/g, "-").replace(",", ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

/** Human names for layers: "hidden layer 1", "output layer". */
export function layerName(layerIndex: number, layerCount: number): string {
  if (layerIndex === layerCount - 1) return "output layer";
  return layerCount === 2 ? "hidden layer" : `hidden layer ${layerIndex + 1}`;
}

const ACTIVATION_NAMES: Record<string, string> = {
  relu: "ReLU",
  sigmoid: "sigmoid",
  tanh: "tanh",
  linear: "linear",
  step: "step",
  softmax: "softmax",
};

/**
 * How an activation is written for people.
 * @example
 * activationName("relu"); // "ReLU"
 */
export function activationName(name: string): string {
  return ACTIVATION_NAMES[name] ?? name;
}
