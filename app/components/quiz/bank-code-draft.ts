/**
 * The code question's part of the editor's draft: the function's name, the starter code, the
 * reference solution, the tests as rows of typed text (arguments and expected value as Python
 * literals, bank-literal.ts) and the assert lines. Turned into the question's fields here,
 * with each row that does not read named by test and field.
 */
import type { JsonValue } from "../../../lib/quiz/code-run";
import { pyLiteral } from "../../../lib/quiz/code-judge";
import type { PublicQuestion, QuestionOf } from "../../../lib/quiz/types";
import { argsText, parseArgs, parseValue } from "./bank-literal";

/** One test row as typed. */
export interface TestDraft {
  args: string;
  expected: string;
  label: string;
  group: string;
}

export interface CodeDraft {
  /** The function's name ("predict"). */
  entry: string;
  starter: string;
  /** Optional: "check my tests" runs it; the reveal shows it. */
  reference: string;
  tests: TestDraft[];
  /** Python assert statements, one per line. */
  asserts: string;
  /** Typed; numbers returned may differ from the expected ones by this much. */
  codeTolerance: string;
}

export const emptyTest = (): TestDraft => ({ args: "", expected: "", label: "", group: "" });

export const EMPTY_CODE_DRAFT: CodeDraft = { entry: "", starter: "", reference: "", tests: [emptyTest()], asserts: "", codeTolerance: "0.000001" };

/** The code fields filled from a saved question. */
export function codeDraftOf(q: QuestionOf<"code">): CodeDraft {
  return {
    entry: q.entry,
    starter: q.starter,
    reference: q.reference ?? "",
    tests: q.rows.map((r) => ({ args: argsText(r.args), expected: pyLiteral(r.expected), label: r.label ?? "", group: r.group ?? "" })),
    asserts: q.asserts.join("\n"),
    codeTolerance: String(q.tolerance),
  };
}

/** A row that does not read, by draft index and field. */
export interface RowProblem {
  row: number;
  field: "args" | "expected";
  message: string;
}

export interface CodeRow {
  args: JsonValue[];
  expected: JsonValue;
  label?: string;
  group?: string;
}

/**
 * The rows as the question stores them, and the rows that do not read. A row that does not
 * read still gives a row (no arguments, expecting None), so the other problems keep their
 * test numbers.
 * @example
 * readRows([{ args: "3", expected: "6", label: "", group: "" }]).rows; // [{ args: [3], expected: 6 }]
 */
export function readRows(tests: readonly TestDraft[]): { rows: CodeRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const rows = tests.map((t, row): CodeRow => {
    const args = parseArgs(t.args);
    const expected = parseValue(t.expected);
    if (!args.ok) problems.push({ row, field: "args", message: args.message });
    if (!expected.ok) problems.push({ row, field: "expected", message: expected.message });
    const label = t.label.trim();
    const group = t.group.trim();
    return {
      args: args.ok ? args.value : [],
      expected: expected.ok ? expected.value : null,
      ...(label ? { label } : {}),
      ...(group ? { group } : {}),
    };
  });
  return { rows, problems };
}

const assertLines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");

/** The code question's fields, before the schema checks them. */
export function codeCandidate(d: CodeDraft, typedNumber: (text: string) => number): Record<string, unknown> {
  return {
    starter: d.starter,
    entry: d.entry.trim(),
    rows: readRows(d.tests).rows,
    asserts: assertLines(d.asserts),
    ...(d.reference.trim() ? { reference: d.reference } : {}),
    tolerance: typedNumber(d.codeTolerance),
  };
}

/** How many tests the draft has (rows and assert lines). */
export const testCount = (d: CodeDraft): number => d.tests.length + assertLines(d.asserts).length;

/** The code question as the phones will show it, from the fields as they are. */
export function codePreview(d: CodeDraft, base: { id: string; prompt: string }): PublicQuestion {
  return {
    ...base,
    kind: "code",
    starter: d.starter.trim() ? d.starter : "(Write the starter code)",
    entry: d.entry.trim() || "(function name)",
    tests: testCount(d),
  };
}

/**
 * How a test row reads as a call, for the row's own line in the editor.
 * @example
 * callPreview("double", { args: "3", expected: "6" }); // "double(3) → 6"
 */
export function callPreview(entry: string, t: Pick<TestDraft, "args" | "expected">): string | null {
  const args = parseArgs(t.args);
  const expected = parseValue(t.expected);
  if (!args.ok || !expected.ok) return null;
  return `${entry.trim() || "f"}(${argsText(args.value)}) → ${pyLiteral(expected.value)}`;
}
