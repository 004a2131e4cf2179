/**
 * A question as the bank editor holds it while the teacher types (every kind's fields at
 * once, numbers as typed text), turned into a question for questionSchema to check, and
 * into the public question the preview shows. Problems are named by field, in words. The code
 * question's fields live in bank-code-draft.ts.
 */
import type { z } from "zod";
import { blankCount, withoutOrderHint } from "../../../lib/quiz/code-text";
import { questionSchema } from "../../../lib/quiz/schema";
import type { ParametricTemplate, PublicQuestion, Question, QuestionKind } from "../../../lib/quiz/types";
import { codeCandidate, codeDraftOf, codePreview, EMPTY_CODE_DRAFT, readRows, type CodeDraft } from "./bank-code-draft";
import { issueWords, newQuestionId, pathText } from "./bank-store";

export interface Draft extends CodeDraft {
  id: string;
  kind: QuestionKind;
  prompt: string;
  explanation: string;
  code: string;
  choices: string[];
  correct: number[];
  multiple: boolean;
  answer: string;
  tolerance: string;
  outputs: string[];
  /** bug: the wrong line, from 0. */
  line: number | null;
  /** blanks: each blank's accepted answers, one per line. */
  blankAnswers: string[];
  /** order: the lines in the right order, one per line. */
  lines: string;
  template: ParametricTemplate;
}

export const KIND_OPTIONS: { kind: QuestionKind; label: string }[] = [
  { kind: "choice", label: "Multiple choice" },
  { kind: "numeric", label: "Numeric answer" },
  { kind: "output", label: "What does this code print?" },
  { kind: "bug", label: "Spot the bug" },
  { kind: "blanks", label: "Fill in the blanks" },
  { kind: "order", label: "Put the lines in order" },
  { kind: "poll", label: "Poll (no right answer)" },
  { kind: "parametric", label: "Own numbers for every student" },
  { kind: "code", label: "Write a function (code)" },
];

export const TEMPLATE_OPTIONS: { template: ParametricTemplate; label: string }[] = [
  { template: "neuron-output", label: "Compute a neuron's output" },
  { template: "which-activation", label: "Name the activation" },
  { template: "fire-bias", label: "Find the bias that hits a target" },
  { template: "my-neuron", label: "The student's own neuron in the class network" },
];

export function emptyDraft(id: string = newQuestionId()): Draft {
  return {
    id,
    kind: "choice",
    prompt: "",
    explanation: "",
    code: "",
    choices: ["", ""],
    correct: [0],
    multiple: false,
    answer: "",
    tolerance: "0.01",
    outputs: [""],
    line: null,
    blankAnswers: [],
    lines: "",
    template: "neuron-output",
    ...EMPTY_CODE_DRAFT,
    tests: EMPTY_CODE_DRAFT.tests.map((t) => ({ ...t })),
  };
}

/** The editor's fields filled from a saved question. */
export function draftOf(q: Question): Draft {
  const d = { ...emptyDraft(q.id), kind: q.kind, prompt: q.prompt, explanation: q.explanation };
  switch (q.kind) {
    case "choice":
      return { ...d, code: q.code ?? "", choices: [...q.choices], correct: [...q.correct], multiple: q.multiple };
    case "poll":
      return { ...d, code: q.code ?? "", choices: [...q.choices], correct: [], multiple: q.multiple };
    case "numeric":
      return { ...d, code: q.code ?? "", answer: String(q.answer), tolerance: String(q.tolerance) };
    case "output":
      return { ...d, code: q.code, outputs: [...q.answers] };
    case "bug":
      return { ...d, code: q.code, line: q.line };
    case "blanks":
      return { ...d, code: q.code, blankAnswers: q.blanks.map((b) => b.join("\n")) };
    case "order":
      return { ...d, lines: q.lines.join("\n") };
    case "parametric":
      return { ...d, template: q.template, tolerance: String(q.tolerance) };
    case "code":
      return { ...d, ...codeDraftOf(q) };
  }
}

/** A typed number ("0,5" and "−1" as a phone or a word processor writes them), or NaN. */
export function typedNumber(text: string): number {
  const t = text.trim().replace(",", ".").replace(/^[−–]/, "-");
  return t === "" ? Number.NaN : Number(t);
}

const nonEmptyLines = (text: string) => text.split("\n").map((l) => l.trimEnd()).filter((l) => l.trim() !== "");
const optionalCode = (code: string) => (code.trim() === "" ? {} : { code: code.replace(/\s+$/, "") });

/** What the editor would save, before checking: the fields of its kind only. */
export function candidateOf(d: Draft): Record<string, unknown> {
  const base = { id: d.id, kind: d.kind, prompt: d.prompt, explanation: d.explanation };
  const code = d.code.replace(/\s+$/, "");
  switch (d.kind) {
    case "choice":
      return { ...base, ...optionalCode(d.code), choices: d.choices, multiple: d.multiple, correct: [...d.correct].sort((a, b) => a - b) };
    case "poll":
      return { ...base, ...optionalCode(d.code), choices: d.choices, multiple: d.multiple };
    case "numeric":
      return { ...base, ...optionalCode(d.code), answer: typedNumber(d.answer), tolerance: typedNumber(d.tolerance) };
    case "output":
      return { ...base, code, answers: d.outputs };
    case "bug":
      return { ...base, code, line: d.line ?? -1 };
    case "blanks":
      return { ...base, code, blanks: Array.from({ length: blankCount(code) }, (_, i) => nonEmptyLines(d.blankAnswers[i] ?? "").map((l) => l.trim())) };
    case "order":
      return { ...base, lines: nonEmptyLines(d.lines) };
    case "parametric":
      return { ...base, template: d.template, tolerance: typedNumber(d.tolerance) };
    case "code":
      return { ...base, ...codeCandidate(d, typedNumber) };
  }
}

export interface DraftProblem {
  /** The field in words: "Choice 2", "Answers for blank 1". */
  field: string;
  /** The path as a bank file writes it: "choices[1]". */
  path: string;
  message: string;
}

const FIELD: Record<string, string> = {
  id: "Id",
  kind: "Kind",
  prompt: "Question",
  explanation: "Explanation",
  code: "Code",
  choices: "Choices",
  correct: "Correct choices",
  multiple: "Select all that apply",
  answer: "Answer",
  tolerance: "Tolerance",
  answers: "Accepted outputs",
  line: "Line with the bug",
  blanks: "Blanks",
  lines: "Lines",
  template: "Numbers",
  entry: "Function name",
  starter: "Starter code",
  reference: "Reference solution",
  rows: "Tests",
  asserts: "Assert lines",
};

const ROW_FIELD: Record<string, string> = { args: "arguments", expected: "expected value", label: "label", group: "group" };

/**
 * A problem's field in words.
 * @example
 * fieldWords(["choices", 1]); // "Choice 2"
 * fieldWords(["blanks", 0, 2]); // "Blank 1, answer 3"
 */
export function fieldWords(path: readonly PropertyKey[]): string {
  const [head, i, j] = path;
  const n = typeof i === "number" ? i + 1 : null;
  if (n !== null) {
    if (head === "choices") return `Choice ${n}`;
    if (head === "answers") return `Accepted output ${n}`;
    if (head === "lines") return `Line ${n}`;
    if (head === "correct") return "Correct choices";
    if (head === "blanks") return typeof j === "number" ? `Blank ${n}, answer ${j + 1}` : `Blank ${n}`;
    if (head === "asserts") return `Assert line ${n}`;
    if (head === "rows") return typeof j === "string" && Object.hasOwn(ROW_FIELD, j) ? `Test ${n}, ${ROW_FIELD[j]}` : `Test ${n}`;
  }
  return FIELD[String(head ?? "")] ?? (path.length ? pathText(path) : "Question");
}

/**
 * The draft checked by questionSchema: the question to save, or its problems (for a code
 * question, first the test rows whose values do not read).
 */
export function checkDraft(d: Draft): { ok: true; question: Question } | { ok: false; problems: DraftProblem[] } {
  const rows: DraftProblem[] =
    d.kind === "code"
      ? readRows(d.tests).problems.map(({ row, field, message }) => ({ field: fieldWords(["rows", row, field]), path: `rows[${row}].${field}`, message }))
      : [];
  const parsed = questionSchema.safeParse(candidateOf(d));
  if (parsed.success && rows.length === 0) return { ok: true, question: parsed.data };
  return { ok: false, problems: [...rows, ...(parsed.success ? [] : parsed.error.issues.map((issue: z.core.$ZodIssue) => problemOf(issue, d)))] };
}

function problemOf(issue: z.core.$ZodIssue, d: Draft): DraftProblem {
  const path = pathText(issue.path);
  const field = fieldWords(issue.path);
  if (issue.path[0] === "line" && d.line === null) return { field, path, message: "pick the line with the bug" };
  if ((issue.path[0] === "answer" || issue.path[0] === "tolerance") && issue.code === "invalid_type") return { field, path, message: "type a number" };
  if (issue.path[0] === "blanks" && issue.path.length === 2 && issue.code === "too_small") return { field, path, message: "give at least one accepted answer" };
  if (issue.path[0] === "blanks" && issue.path.length === 1 && issue.code === "too_small") return { field, path, message: "the code has no blank: write ___ where a blank goes" };
  return { field, path, message: issueWords(issue) };
}

/**
 * The question as a phone would show it, built straight from the fields so the preview
 * follows every keystroke, even before the question is valid. The ordering question is
 * shown in the written order here; phones get it shuffled.
 */
export function previewOf(d: Draft): PublicQuestion {
  const id = d.id;
  const prompt = d.prompt.trim() || "(Write the question)";
  const code = d.code.replace(/\s+$/, "");
  const withCode = code.trim() ? { code } : {};
  switch (d.kind) {
    case "choice":
    case "poll":
      return { id, kind: d.kind, prompt, ...withCode, choices: d.choices.map((c, i) => c.trim() || `(Choice ${i + 1})`), multiple: d.multiple };
    case "numeric":
      return { id, kind: "numeric", prompt, ...withCode, tolerance: Number.isFinite(typedNumber(d.tolerance)) ? typedNumber(d.tolerance) : 0 };
    case "output":
    case "bug":
      return { id, kind: d.kind, prompt, code: code || "(Write the code)" };
    case "blanks":
      return { id, kind: "blanks", prompt, code: code || "(Write the code, with ___ for each blank)", blanks: blankCount(code) };
    case "order":
      return { id, kind: "order", prompt, lines: nonEmptyLines(d.lines).map(withoutOrderHint) };
    case "parametric":
      return { id, kind: "parametric", prompt, template: d.template, tolerance: Number.isFinite(typedNumber(d.tolerance)) ? typedNumber(d.tolerance) : 0 };
    case "code":
      return codePreview(d, { id, prompt });
  }
}
