/**
 * How the phone writes numbers in sentences and formulas. Values themselves always use the
 * shared `formatValue` (three decimals); these helpers only add the typography around them.
 */
import { formatPercent, formatValue } from "../../../lib/session/format";

/** A true minus sign (U+2212) reads better than a hyphen in formulas. */
export const MINUS = "\u2212";

/**
 * A value for a formula: three decimals, negative values in brackets with a real minus sign.
 * @example
 * termText(-0.4); // "(−0.400)"
 */
export function termText(x: number): string {
  const s = formatValue(x);
  return s.startsWith("-") ? `(${MINUS}${s.slice(1)})` : s;
}

/**
 * A short number for messages about ranges: no trailing zeros.
 * @example
 * shortNumber(-5); // "-5"
 * shortNumber(7.25); // "7.25"
 */
export function shortNumber(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/** An output as the class reads it: a percentage for probabilities, else three decimals. */
export function outputText(x: number, probability: boolean): string {
  return probability ? formatPercent(x) : formatValue(x);
}
