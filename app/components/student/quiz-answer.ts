/**
 * The phone's side of answering a question, as pure functions: which shape of answer a
 * question takes, the student's draft while they work on it, turning a draft into the answer
 * the server takes (or a message saying what is missing), moving a line of an ordering
 * question, and the right answer as the reveal writes it. A code question's draft is its
 * program, starting from the question's starter code. No React, no zod: the phone's
 * bundle imports this, and the unit tests check it.
 */
import { expectedAnswerKind } from "../../../lib/quiz/grade";
import { ACTIVATION_CHOICES } from "../../../lib/quiz/parametric";
import type { Answer, Draw, PublicQuestion, RevealedKey } from "../../../lib/quiz/types";
import { parseTyped } from "../../../lib/session/format";

export type AnswerShape = Answer["kind"];

/** The longest program the server takes (lib/quiz/schema.ts's MAX_CODE_CHARS, which brings zod; a unit test keeps them equal). */
export const MAX_CODE_CHARS = 8_000;

/** What each kind of question is called above it, on the phone and in the self-paced lesson. */
export const KIND_TEXT: Record<PublicQuestion["kind"], string> = {
  choice: "Multiple choice",
  numeric: "Work it out",
  output: "What does it print?",
  bug: "Spot the bug",
  blanks: "Fill in the blanks",
  order: "Put the lines in order",
  poll: "Poll",
  parametric: "Your own numbers",
  code: "Write the code",
};

/** What the student has entered so far; numbers stay text until they are sent. */
export type Draft =
  | { kind: "choice"; choices: number[] }
  | { kind: "text"; text: string }
  | { kind: "line"; line: number | null }
  | { kind: "blanks"; values: string[] }
  | { kind: "order"; order: number[] }
  /** A program: the question's starter code until the student edits it. */
  | { kind: "code"; code: string };

/**
 * The shape of answer a question takes on the phone (the grader's own rule).
 * @example
 * answerShape({ kind: "output", ... }, null); // "text"
 */
export function answerShape(question: PublicQuestion, draw: Draw | null): AnswerShape {
  return expectedAnswerKind(question, draw);
}

/** The choices a choice-shaped question offers: its own, or the activations. */
export function choicesOf(question: PublicQuestion): readonly string[] {
  if (question.kind === "choice" || question.kind === "poll") return question.choices;
  if (question.kind === "parametric") return ACTIVATION_CHOICES;
  return [];
}

/** Whether several choices may be picked. */
export function isMultiple(question: PublicQuestion): boolean {
  return (question.kind === "choice" || question.kind === "poll") && question.multiple;
}

/**
 * A blank draft: nothing picked or typed; an ordering question starts in the order shown.
 * @example
 * emptyDraft({ kind: "order", lines: ["a", "b", "c"], ... }, "order"); // { kind: "order", order: [0, 1, 2] }
 */
export function emptyDraft(question: PublicQuestion, shape: AnswerShape): Draft {
  switch (shape) {
    case "choice":
      return { kind: "choice", choices: [] };
    case "number":
    case "text":
      return { kind: "text", text: "" };
    case "line":
      return { kind: "line", line: null };
    case "blanks":
      return { kind: "blanks", values: Array.from({ length: question.kind === "blanks" ? question.blanks : 0 }, () => "") };
    case "order":
      return { kind: "order", order: question.kind === "order" ? question.lines.map((_, i) => i) : [] };
    case "code":
      // Without the file's final newline, which an editor shows as an empty last line.
      return { kind: "code", code: question.kind === "code" ? question.starter.replace(/\n+$/, "") : "" };
  }
}

/**
 * The draft that shows an answer the server already has (after a reload on another tab).
 * @example
 * draftFromAnswer({ kind: "number", value: -0.5 }); // { kind: "text", text: "-0.5" }
 */
export function draftFromAnswer(answer: Answer): Draft {
  switch (answer.kind) {
    case "choice":
      return { kind: "choice", choices: [...answer.choices] };
    case "number":
      return { kind: "text", text: String(answer.value) };
    case "text":
      return { kind: "text", text: answer.text };
    case "line":
      return { kind: "line", line: answer.line };
    case "blanks":
      return { kind: "blanks", values: [...answer.values] };
    case "order":
      return { kind: "order", order: [...answer.order] };
    case "code":
      return { kind: "code", code: answer.code };
  }
}

/** Whether a stored draft fits this question (a draft from another question is dropped). */
export function draftFits(draft: unknown, question: PublicQuestion, shape: AnswerShape): draft is Draft {
  const d = draft as Draft | null;
  if (!d || typeof d !== "object") return false;
  const blank = emptyDraft(question, shape);
  if (d.kind !== blank.kind) return false;
  switch (d.kind) {
    case "choice":
      return Array.isArray(d.choices) && d.choices.every((c) => Number.isInteger(c) && c >= 0 && c < choicesOf(question).length);
    case "text":
      return typeof d.text === "string";
    case "line":
      return d.line === null || Number.isInteger(d.line);
    case "blanks":
      return Array.isArray(d.values) && d.values.length === (blank as { values: string[] }).values.length && d.values.every((v) => typeof v === "string");
    case "order": {
      const n = (blank as { order: number[] }).order.length;
      return Array.isArray(d.order) && d.order.length === n && new Set(d.order).size === n && d.order.every((i) => Number.isInteger(i) && i >= 0 && i < n);
    }
    case "code":
      return typeof d.code === "string" && d.code.length <= MAX_CODE_CHARS;
  }
}

/**
 * A choice tapped: one-answer questions keep only it, "select all" questions toggle it.
 * @example
 * toggleChoice([0, 2], 2, true); // [0]
 */
export function toggleChoice(choices: readonly number[], index: number, multiple: boolean): number[] {
  if (!multiple) return [index];
  return choices.includes(index) ? choices.filter((c) => c !== index) : [...choices, index].sort((a, b) => a - b);
}

/**
 * The answer to send, or what is missing. Typed numbers take a decimal comma and a real minus.
 * @example
 * answerFromDraft({ kind: "text", text: "-0,5" }, "number"); // { answer: { kind: "number", value: -0.5 } }
 */
export function answerFromDraft(draft: Draft, shape: AnswerShape): { answer: Answer } | { problem: string } {
  switch (draft.kind) {
    case "choice":
      return draft.choices.length > 0 ? { answer: { kind: "choice", choices: [...draft.choices] } } : { problem: "Pick an answer first." };
    case "text": {
      if (shape === "number") {
        const text = draft.text.trim();
        if (text === "") return { problem: "Type your answer first." };
        const value = parseTyped(text);
        return value === null ? { problem: `"${text}" is not a number. Type one such as -1,5 or 0.75.` } : { answer: { kind: "number", value } };
      }
      return draft.text.trim() === "" ? { problem: "Type your answer first." } : { answer: { kind: "text", text: draft.text } };
    }
    case "line":
      return draft.line === null ? { problem: "Tap the line with the bug first." } : { answer: { kind: "line", line: draft.line } };
    case "blanks": {
      const empty = draft.values.findIndex((v) => v.trim() === "");
      return empty >= 0 ? { problem: `Fill in blank ${empty + 1} first.` } : { answer: { kind: "blanks", values: draft.values.map((v) => v.trim()) } };
    }
    case "order":
      return { answer: { kind: "order", order: [...draft.order] } };
    case "code":
      if (draft.code.trim() === "") return { problem: "Write your function first." };
      return draft.code.length > MAX_CODE_CHARS ? { problem: `Your code is too long: at most ${MAX_CODE_CHARS} characters.` } : { answer: { kind: "code", code: draft.code } };
  }
}

/** Whether two answers are the same (the one sent and the one on screen). */
export function sameAnswer(a: Answer | null, b: Answer | null): boolean {
  return !!a && !!b && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The order with the item at `from` moved to `to` (both positions in the current order).
 * @example
 * moveItem([0, 1, 2, 3], 3, 1); // [0, 3, 1, 2]
 */
export function moveItem(order: readonly number[], from: number, to: number): number[] {
  const next = [...order];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item!);
  return next;
}

/** A listing's lines, numbered from 1 as people count them, without the blank ones. */
export function tappableLines(code: string): { index: number; text: string }[] {
  return code
    .split("\n")
    .map((text, index) => ({ index, text }))
    .filter((l) => l.text.trim() !== "");
}

const trimNumber = (x: number) => String(Math.round(x * 1e6) / 1e6);

/**
 * The right answer as the reveal writes it, one line per item (choices, blanks, lines).
 * For a parametric question the student's own answer comes from their result (`expected`).
 * @example
 * keyLines({ kind: "numeric", answer: 0, tolerance: 0.01 }, question, null); // ["0 (within ±0.01)"]
 */
export function keyLines(key: RevealedKey, question: PublicQuestion, expected: string | null): string[] {
  switch (key.kind) {
    case "choice":
      return key.correct.map((i) => choicesOf(question)[i] ?? `Choice ${i + 1}`);
    case "numeric":
      return [`${trimNumber(key.answer)} (within ±${trimNumber(key.tolerance)})`];
    case "output":
      return key.answers.slice(0, 1);
    case "bug": {
      const text = question.kind === "bug" ? (question.code.split("\n")[key.line] ?? "").trim() : "";
      return [`Line ${key.line + 1}: ${text}`];
    }
    case "blanks":
      return key.blanks.map((accepted, i) => `Blank ${i + 1}: ${accepted.join(" or ")}`);
    case "order":
      return key.lines;
    case "poll":
      return [];
    case "parametric":
      return expected === null ? [] : [expected];
    case "code":
      // The reference solution is a listing of its own (code-question.tsx), not lines of text.
      return [];
  }
}

/**
 * An ordinal for ranks.
 * @example
 * ordinal(2); // "2nd"
 */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

/**
 * Time left on a countdown as "m:ss", never below 0:00.
 * @example
 * clockText(65_400); // "1:06"
 */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
