/**
 * Grading: whether an answer is right, for every kind. Pure and shared, so the server
 * grades live and a replay or a report grades the same way. An answer whose shape does not
 * fit its question is refused before grading (`answerProblem`).
 */
import { sameBlank, sameOutput } from "./code-text";
import { ACTIVATION_CHOICES, expectedFor, gradeNumber, matchesOutput } from "./parametric";
import type { Answer, Draw, PublicQuestion, Question } from "./types";

/** What grading needs beyond the question: the order the lines were shown in, and the student's numbers. */
export interface GradeContext {
  /** order: `shuffle[i]` is the index in `question.lines` of the i-th line shown. */
  shuffle?: readonly number[];
  draw?: Draw;
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x) => b.includes(x));
const distinct = (xs: readonly number[]) => new Set(xs).size === xs.length;

/** How many choices a question offers (a which-activation question offers the activations). */
function choiceCount(question: Question, draw?: Draw): number {
  if (question.kind === "choice" || question.kind === "poll") return question.choices.length;
  if (question.kind === "parametric" && draw?.activation === null) return ACTIVATION_CHOICES.length;
  return 0;
}

/**
 * Why an answer cannot be an answer to this question, or null when its shape fits.
 * @example
 * answerProblem(question, { kind: "text", text: "0" }); // "This question takes a number."
 */
export function answerProblem(question: Question, answer: Answer, ctx: GradeContext = {}): string | null {
  const expects = expectedAnswerKind(question, ctx.draw);
  if (answer.kind !== expects) return `This question takes ${DESCRIBE[expects]}.`;
  switch (answer.kind) {
    case "choice": {
      const n = choiceCount(question, ctx.draw);
      if (!distinct(answer.choices) || answer.choices.some((c) => c >= n)) return "Pick from the choices shown.";
      const multiple = (question.kind === "choice" || question.kind === "poll") && question.multiple;
      if (!multiple && answer.choices.length !== 1) return "Pick one choice.";
      return null;
    }
    case "line":
      return question.kind === "bug" && answer.line < question.code.split("\n").length ? null : "Tap one of the listing's lines.";
    case "blanks":
      return question.kind === "blanks" && answer.values.length === question.blanks.length ? null : "Fill in every blank.";
    case "order": {
      const n = question.kind === "order" ? question.lines.length : 0;
      const ok = answer.order.length === n && distinct(answer.order) && answer.order.every((i) => i < n);
      return ok ? null : "Send every line once.";
    }
    case "text":
      return answer.text.trim() === "" ? "Type what the program prints." : null;
    case "code":
      return answer.code.trim() === "" ? "Write your function first." : null;
    case "number":
      return null;
  }
}

const DESCRIBE: Record<Answer["kind"], string> = {
  choice: "a choice",
  number: "a number",
  text: "typed text",
  line: "a line of the listing",
  blanks: "an answer for each blank",
  order: "the lines in order",
  code: "a program",
};

/**
 * The shape of answer a question takes, from the question with its key (server) or as phones
 * see it: a which-activation question is a choice among the activations, other parametric
 * questions take a number.
 * @example
 * expectedAnswerKind({ kind: "output" }); // "text"
 */
export function expectedAnswerKind(question: Pick<Question | PublicQuestion, "kind"> & { template?: string }, draw?: Draw | null): Answer["kind"] {
  switch (question.kind) {
    case "choice":
    case "poll":
      return "choice";
    case "numeric":
      return "number";
    case "output":
      return "text";
    case "bug":
      return "line";
    case "blanks":
      return "blanks";
    case "order":
      return "order";
    case "parametric":
      return question.template === "which-activation" || draw?.activation === null ? "choice" : "number";
    case "code":
      return "code";
  }
}

/**
 * Whether an answer (whose shape fits) is right; null for a poll, which has no right answer.
 * @example
 * grade(lessonQuestion, { kind: "number", value: 0 }); // true
 */
export function grade(question: Question, answer: Answer, ctx: GradeContext = {}): boolean | null {
  switch (question.kind) {
    case "poll":
      return null;
    case "choice":
      return answer.kind === "choice" && sameSet(answer.choices, question.correct);
    case "numeric":
      return answer.kind === "number" && Math.abs(answer.value - question.answer) <= question.tolerance + 1e-9;
    case "output":
      return answer.kind === "text" && question.answers.some((a) => sameOutput(answer.text, a));
    case "bug":
      return answer.kind === "line" && answer.line === question.line;
    case "blanks":
      return answer.kind === "blanks" && question.blanks.every((accepted, i) => accepted.some((a) => sameBlank(answer.values[i] ?? "", a)));
    case "order": {
      if (answer.kind !== "order") return false;
      const shuffle = ctx.shuffle ?? question.lines.map((_, i) => i);
      // Lines that read the same are interchangeable.
      return answer.order.every((shown, i) => question.lines[shuffle[shown]!] === question.lines[i]);
    }
    case "parametric": {
      const draw = ctx.draw;
      if (!draw) return false;
      if (answer.kind === "number") return gradeNumber(draw, answer.value, question.tolerance);
      if (answer.kind === "choice" && draw.activation === null) return matchesOutput(draw, ACTIVATION_CHOICES[answer.choices[0]!]!);
      return false;
    }
    case "code":
      // A program is graded by running it in the sandbox (lib/quiz/code-judge.ts), never here.
      return false;
  }
}

/**
 * The right answer to show after the reveal for one student's draw (parametric), as text.
 * @example
 * drawAnswerText({ inputs: [1], weights: [1], bias: 0, activation: "relu" }); // "1"
 */
export function drawAnswerText(draw: Draw): string {
  const expected = expectedFor(draw);
  if (expected.kind === "activations") return expected.names.join(" or ");
  return String(Math.round(expected.value * 1000) / 1000);
}
