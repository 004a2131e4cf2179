/**
 * Text rules of the code questions, shared by the grader, the phone and the editor: where
 * the blanks are, what counts as the same printed output or the same blank, and how the
 * ordering question hides the numbers that give its order away.
 */

/** A blank in a fill-in-the-blanks listing, as the teacher writes it. */
export const BLANK = "___";

/**
 * How many blanks a listing has.
 * @example
 * blankCount("return max(___, x)"); // 1
 */
export function blankCount(code: string): number {
  return code.split(BLANK).length - 1;
}

/**
 * A listing cut at its blanks: the text before the first blank, between blanks, and after
 * the last (one more part than there are blanks).
 * @example
 * splitAtBlanks("max(___, x)"); // ["max(", ", x)"]
 */
export function splitAtBlanks(code: string): string[] {
  return code.split(BLANK);
}

/**
 * Printed output as it is compared: spaces at the ends of each line and blank lines at
 * the start and end do not count, and Windows line ends are plain ones.
 * @example
 * sameOutput(" Neuron output: 0.0 \n", "Neuron output: 0.0"); // true
 */
export function sameOutput(given: string, expected: string): boolean {
  return normaliseOutput(given) === normaliseOutput(expected);
}

function normaliseOutput(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .trim();
}

/**
 * A blank's answer as it is compared: spaces do not count (`- x` is `-x`), nor does a
 * pair of brackets around the whole answer.
 * @example
 * sameBlank(" - x ", "-x"); // true
 */
export function sameBlank(given: string, accepted: string): boolean {
  return normaliseBlank(given) === normaliseBlank(accepted);
}

function normaliseBlank(text: string): string {
  let t = text.replace(/\s+/g, "");
  while (t.startsWith("(") && t.endsWith(")") && balanced(t.slice(1, -1))) t = t.slice(1, -1);
  return t;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * A line of the ordering question without a trailing comment that numbers it
 * (`# 2. hidden layer`, `# step 3`, `#4`), which would give the order away; other
 * comments stay.
 * @example
 * withoutOrderHint("inputs = [0.9, 0.4] # 1. raw input layer"); // "inputs = [0.9, 0.4]"
 */
export function withoutOrderHint(line: string): string {
  return line.replace(/\s*#\s*(?:step\s*)?\d+\s*[.):-]?(?:\s.*)?$/i, "").trimEnd();
}
