/**
 * Names and input values for a network that arrives without them, such as a bare engine JSON
 * file (`{"layers": [...]}`): inputs are "Input 1"…, outputs "Class A"… when the output layer is
 * softmax (they are classes) or "Output 1"… otherwise, and missing inputs start at zero (no
 * signal until the teacher sets one). Whatever the file does give is kept, cleaned of characters
 * that cannot be shown (control, text-direction and invisible ones); a name with nothing visible
 * left counts as not given.
 */
import { stripInvisible, visibleTextProblem } from "./text";

export interface SetupCompletion {
  inputs: number[];
  inputLabels: string[];
  outputLabels: string[];
}

interface LooseNetwork {
  layers?: { activation?: unknown; neurons?: { weights?: unknown[] }[] }[];
}

/**
 * @example
 * defaultInputLabels(2); // ["Input 1", "Input 2"]
 */
export function defaultInputLabels(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Input ${i + 1}`);
}

/**
 * Class names by letter while there are letters, then by number.
 * @example
 * defaultOutputLabels(2, true); // ["Class A", "Class B"]
 * defaultOutputLabels(1, false); // ["Output 1"]
 */
export function defaultOutputLabels(count: number, softmax: boolean): string[] {
  return Array.from({ length: count }, (_, j) => {
    if (!softmax) return `Output ${j + 1}`;
    return j < 26 ? `Class ${String.fromCharCode(65 + j)}` : `Class ${j + 1}`;
  });
}

/**
 * A label from a file, cleaned: invisible characters outside emoji removed, whitespace
 * collapsed; "" when nothing visible is left.
 * @example
 * cleanLabel("\u202ebright\u200bness "); // "brightness"
 * cleanLabel("\u3164"); // ""
 */
export function cleanLabel(raw: string): string {
  const text = stripInvisible(raw);
  const problem = visibleTextProblem(text, Number.POSITIVE_INFINITY);
  return problem === "empty" || problem === "nothing-visible" ? "" : text;
}

/** Given names, cleaned, then defaults for the places the file left unnamed. */
function padded(given: unknown, defaults: string[]): string[] {
  const names = Array.isArray(given) ? given.map((v) => (typeof v === "string" ? cleanLabel(v) : "")) : [];
  const filled = defaults.map((fallback, i) => names[i] || fallback);
  // More names than places: keep them all, so the server can say the count is wrong.
  return names.length > defaults.length ? [...filled, ...names.slice(defaults.length)] : filled;
}

/**
 * Completes what a network needs beside it from what a file gave. The network is read loosely
 * (it has not been validated yet); an unreadable one gets one zero input and no names, so the
 * server's refusal is about the network itself.
 * @example
 * completeSetup({ layers: [{ activation: "relu", neurons: [{ weights: [1.5, 2.0], bias: -1 }] }] }, {});
 * // { inputs: [0, 0], inputLabels: ["Input 1", "Input 2"], outputLabels: ["Output 1"] }
 */
export function completeSetup(network: unknown, given: { inputs?: unknown; inputLabels?: unknown; outputLabels?: unknown }): SetupCompletion {
  const layers = Array.isArray((network as LooseNetwork | null)?.layers) ? (network as LooseNetwork).layers! : [];
  const first = layers[0]?.neurons?.[0]?.weights;
  const width = Array.isArray(first) ? first.length : 0;
  const last = layers[layers.length - 1];
  const outputs = Array.isArray(last?.neurons) ? last.neurons.length : 0;
  const inputs = Array.isArray(given.inputs) ? (given.inputs as number[]) : Array.from({ length: Math.max(width, 1) }, () => 0);
  return {
    inputs,
    inputLabels: padded(given.inputLabels, defaultInputLabels(inputs.length)),
    outputLabels: padded(given.outputLabels, defaultOutputLabels(outputs, last?.activation === "softmax")),
  };
}
