/**
 * The teacher's own data set, typed or pasted as a small table: an optional header row, then one
 * row per example (its input numbers, then its label). Every problem is refused with a sentence
 * that names the line. Pure: no zod, no Node or DOM.
 */
import { cleanLabel, defaultInputLabels } from "../session/default-labels";
import { clipGraphemes, LABEL_MAX, visibleTextProblem } from "../session/text";
import { MAX_EXAMPLES, type Dataset } from "./datasets";
import type { Example } from "../engine/train";

/** A plain decimal number (no hex, no "Infinity", no blanks that Number() reads as 0). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** The most characters a pasted table may have (50 rows of a few dozen values fit easily). */
export const CSV_MAX_CHARS = 20_000;

/** The separator of a table: a tab or a semicolon when its first row has one, else a comma. */
function separatorOf(line: string): string {
  if (line.includes("\t")) return "\t";
  if (line.includes(";")) return ";";
  return ",";
}

/** A cell's number, or null. With tabs or semicolons between cells, a decimal comma (0,5) is read too. */
function numberOf(cell: string, separator: string): number | null {
  const text = separator === "," ? cell : cell.replace(",", ".");
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** A header cell as an input label (cleaned, at most LABEL_MAX characters), or null when it cannot be shown. */
function headerLabel(cell: string): string | null {
  const label = clipGraphemes(cleanLabel(cell), LABEL_MAX);
  return visibleTextProblem(label, LABEL_MAX) === null ? label : null;
}

/** How a row is quoted in an error: at most 20 characters of it. */
const quote = (cell: string) => JSON.stringify(cell.length > 20 ? `${cell.slice(0, 20)}…` : cell);

const values = (n: number) => `${n} ${n === 1 ? "value" : "values"}`;

/** Reads the label cell into a target, or says why it cannot. */
function targetOf(cell: string, outputLabels: string[], separator: string): number[] | string {
  const k = outputLabels.length;
  const number = numberOf(cell, separator);
  if (k === 1) return number === null ? `${quote(cell)} is not a number.` : [number];
  let index = -1;
  if (number !== null && Number.isInteger(number) && number >= 1 && number <= k) index = number - 1;
  else index = outputLabels.findIndex((name) => name.toLowerCase() === cell.toLowerCase());
  if (index < 0) return `${quote(cell)} is not a class number 1 to ${k} or one of ${outputLabels.join(", ")}.`;
  return outputLabels.map((_, j) => (j === index ? 1 : 0));
}

/**
 * Parses a table of examples for a network with `outputLabels.length` outputs (one output: the
 * label is a number, 0/1 or a target value; several: a class number 1..k or a class name, in any
 * case). Cells are separated by commas, semicolons or tabs; blank lines are skipped. A first row
 * whose input cells are not all numbers is a header: its names become the input labels.
 * @example
 * parseDatasetCsv("links,shouting,spam\n0.9,0.8,1\n0.1,0.1,0", ["spam"]); // { dataset: { id: "custom", inputLabels: ["links", "shouting"], ... } }
 * parseDatasetCsv("1,2,1\n3,1", ["spam"]); // { error: "Line 2: expected 2 numbers and a label, found 2 values." }
 */
export function parseDatasetCsv(text: string, outputLabels: string[]): { dataset: Dataset } | { error: string } {
  if (text.length > CSV_MAX_CHARS) return { error: `The table is too long: at most ${CSV_MAX_CHARS} characters.` };
  const outputs = outputLabels.length > 0 ? outputLabels : ["output"];
  const lines = text.split(/\r\n|\r|\n/);
  const filled = lines.map((line, i) => ({ line, number: i + 1 })).filter(({ line }) => line.trim() !== "");
  const first = filled[0];
  if (!first) return { error: "The table is empty: type one row per example, its input numbers and then its label." };
  const separator = separatorOf(first.line);
  const split = (line: string) => line.split(separator).map((cell) => cell.trim());
  const firstCells = split(first.line);
  if (firstCells.length < 2) {
    return { error: `Line ${first.number}: expected at least one number and a label, found ${values(firstCells.length)}.` };
  }
  const inputCount = firstCells.length - 1;
  const header = firstCells.slice(0, inputCount).some((cell) => numberOf(cell, separator) === null);
  const inputLabels = header
    ? firstCells.slice(0, inputCount).map((cell, k) => headerLabel(cell) ?? `Input ${k + 1}`)
    : defaultInputLabels(inputCount);
  const rows = header ? filled.slice(1) : filled;
  if (rows.length === 0) return { error: "The table has no examples: add one row per example below the header." };
  if (rows.length > MAX_EXAMPLES) return { error: `The table has ${rows.length} examples; at most ${MAX_EXAMPLES} fit.` };
  const examples: Example[] = [];
  const exampleLabels: string[] = [];
  for (const { line, number } of rows) {
    const cells = split(line);
    if (cells.length !== inputCount + 1) {
      const numbers = inputCount === 1 ? "1 number" : `${inputCount} numbers`;
      return { error: `Line ${number}: expected ${numbers} and a label, found ${values(cells.length)}.` };
    }
    const inputs: number[] = [];
    for (const cell of cells.slice(0, inputCount)) {
      const value = numberOf(cell, separator);
      if (value === null) return { error: `Line ${number}: ${quote(cell)} is not a number.` };
      inputs.push(value);
    }
    const label = cells[inputCount]!;
    const target = targetOf(label, outputs, separator);
    if (typeof target === "string") return { error: `Line ${number}: ${target}` };
    examples.push({ inputs, target });
    exampleLabels.push(outputs.length === 1 ? String(target[0]) : outputs[target.indexOf(1)]!);
  }
  return {
    dataset: { id: "custom", title: "My own table", inputLabels, outputLabels: [...outputs], examples, exampleLabels },
  };
}
