/**
 * What of a question may be shown before the reveal (no answer key; the ordering question's
 * lines shuffled and without their numbers), and the key as the reveal shows it.
 */
import { testNames } from "./code-judge";
import { withoutOrderHint } from "./code-text";
import type { PublicQuestion, Question, RevealedKey } from "./types";

/**
 * The question as phones and the projector see it while it is open.
 * @example
 * publicQuestion(orderQuestion, [3, 0, 4, 1, 2]).lines[0]; // the 4th line, its "# 4." removed
 */
export function publicQuestion(question: Question, shuffle: readonly number[] | null): PublicQuestion {
  const { id, prompt } = question;
  switch (question.kind) {
    case "choice":
    case "poll":
      return { id, kind: question.kind, prompt, ...(question.code ? { code: question.code } : {}), choices: [...question.choices], multiple: question.multiple };
    case "numeric":
      return { id, kind: "numeric", prompt, ...(question.code ? { code: question.code } : {}), tolerance: question.tolerance };
    case "output":
    case "bug":
      return { id, kind: question.kind, prompt, code: question.code };
    case "blanks":
      return { id, kind: "blanks", prompt, code: question.code, blanks: question.blanks.length };
    case "order": {
      const order = shuffle ?? question.lines.map((_, i) => i);
      return { id, kind: "order", prompt, lines: order.map((i) => withoutOrderHint(question.lines[i]!)) };
    }
    case "parametric":
      return { id, kind: "parametric", prompt, template: question.template, tolerance: question.tolerance };
    case "code":
      return { id, kind: "code", prompt, starter: question.starter, entry: question.entry, tests: question.rows.length + question.asserts.length };
  }
}

/**
 * The answer key as everyone sees it after the reveal.
 * @example
 * revealedKey(numericQuestion); // { kind: "numeric", answer: 0, tolerance: 0.01 }
 */
export function revealedKey(question: Question): RevealedKey {
  switch (question.kind) {
    case "choice":
      return { kind: "choice", correct: [...question.correct] };
    case "numeric":
      return { kind: "numeric", answer: question.answer, tolerance: question.tolerance };
    case "output":
      return { kind: "output", answers: [...question.answers] };
    case "bug":
      return { kind: "bug", line: question.line };
    case "blanks":
      return { kind: "blanks", blanks: question.blanks.map((b) => [...b]) };
    case "order":
      return { kind: "order", lines: question.lines.map(withoutOrderHint) };
    case "poll":
      return { kind: "poll" };
    case "parametric":
      return { kind: "parametric", tolerance: question.tolerance };
    case "code":
      return { kind: "code", reference: question.reference ?? null, tests: testNames(question) };
  }
}

/**
 * An order to show `n` lines in that is never the right one (for n ≥ 2).
 * @example
 * shuffleFor(5, Math.random); // e.g. [3, 0, 4, 1, 2]
 */
export function shuffleFor(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // Still in the right order: turn it by one, which moves every line.
  if (n >= 2 && order.every((v, i) => v === i)) order.push(order.shift()!);
  return order;
}
