/**
 * How a report writes answers for people: a choice by its letter and text, an ordering by
 * the shown lines' numbers, a program by its best grade; each question's distribution; and
 * a student's seat as words. Pure, no zod: the dashboard can use it too.
 */
import { testNames } from "../quiz/code-judge";
import { ACTIVATION_CHOICES } from "../quiz/parametric";
import type { Answer, PublicQuestion, Question } from "../quiz/types";
import type { RecordedAnswer } from "../session/domains/quiz/state";
import { activationName, layerName } from "../session/format";
import type { Seat } from "../session/state";

/** What a report needs of a question run to write its answers. */
export interface RunFacts {
  shown: PublicQuestion;
  question: Question | null;
}

const LETTERS = "ABCDEFGH";

/**
 * "B: 0.920": a choice's letter and text.
 * @example
 * choiceLabel(["0.5", "0.920"], 1); // "B: 0.920"
 */
export function choiceLabel(choices: readonly string[], index: number): string {
  const letter = LETTERS[index] ?? String(index + 1);
  return `${letter}: ${choices[index] ?? "?"}`;
}

/** The choices a choice-shaped answer picks from: the question's, or the activations of a which-activation question. */
function choicesOf(run: RunFacts): readonly string[] {
  const q = run.shown;
  if (q.kind === "choice" || q.kind === "poll") return q.choices;
  if (q.kind === "parametric") return ACTIVATION_CHOICES.map(activationName);
  return [];
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/**
 * An answer as a person reads it.
 * @example
 * answerText(run, { answer: { kind: "choice", choices: [1] }, ... }); // "B: 0.920"
 * answerText(codeRun, { answer: { kind: "code", code }, tests: [true, false], ... }); // "1 of 2 tests"
 */
export function answerText(run: RunFacts, recorded: Pick<RecordedAnswer, "answer" | "tests">): string {
  const answer: Answer = recorded.answer;
  switch (answer.kind) {
    case "choice": {
      const choices = choicesOf(run);
      return answer.choices.map((c) => choiceLabel(choices, c)).join("; ");
    }
    case "number":
      return String(answer.value);
    case "text":
      return answer.text;
    case "line": {
      const code = "code" in run.shown && typeof run.shown.code === "string" ? run.shown.code : "";
      const line = code.split("\n")[answer.line]?.trim();
      return line ? `Line ${answer.line + 1}: ${line}` : `Line ${answer.line + 1}`;
    }
    case "blanks":
      return answer.values.join(" | ");
    case "order":
      return answer.order.map((i) => i + 1).join(", ");
    case "code": {
      const tests = recorded.tests ?? [];
      return `${tests.filter(Boolean).length} of ${plural(tests.length, "test")}`;
    }
  }
}

export interface Bar {
  label: string;
  count: number;
}

/**
 * One bar per choice (choice, poll, which-activation), per test (code: how many passed it),
 * or right and wrong (every other kind).
 * @example
 * distribution(pollRun, answers); // [{ label: "A: Yes", count: 3 }, { label: "B: No", count: 1 }]
 */
export function distribution(run: RunFacts, answers: readonly Pick<RecordedAnswer, "answer" | "correct" | "tests">[]): Bar[] {
  const q = run.shown;
  const byChoice = q.kind === "choice" || q.kind === "poll" || (q.kind === "parametric" && q.template === "which-activation");
  if (byChoice) {
    const choices = choicesOf(run);
    const bars = choices.map((_, i) => ({ label: choiceLabel(choices, i), count: 0 }));
    for (const { answer } of answers) if (answer.kind === "choice") for (const c of answer.choices) if (bars[c]) bars[c].count++;
    return bars;
  }
  if (q.kind === "code") {
    const names = run.question?.kind === "code" ? testNames(run.question).map((t) => t.label) : Array.from({ length: q.tests }, (_, i) => `Test ${i + 1}`);
    const bars = names.map((label) => ({ label, count: 0 }));
    for (const { tests } of answers) tests?.forEach((passed, i) => passed && bars[i] && bars[i].count++);
    return bars;
  }
  return [
    { label: "Right", count: answers.filter((a) => a.correct === true).length },
    { label: "Wrong", count: answers.filter((a) => a.correct === false).length },
  ];
}

/**
 * A seat in words.
 * @example
 * seatLabel({ layer: 0, neuron: 1 }, 3); // "Hidden layer 1, neuron 2"
 * seatLabel({ layer: 2, neuron: 0 }, 3); // "Output neuron 1"
 */
export function seatLabel(seat: Seat, layerCount: number): string {
  if (seat.layer === layerCount - 1) return `Output neuron ${seat.neuron + 1}`;
  const name = layerName(seat.layer, layerCount);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}, neuron ${seat.neuron + 1}`;
}

/**
 * The median of some numbers (the mean of the middle two for an even count), or null.
 * @example
 * median([3, 1, 2]); // 2
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
