/**
 * The question model's types, inferred from the zod schemas with type-only imports so the
 * phone's bundle gets the types without zod. Also the shapes that only the server makes:
 * a question as a phone may see it before the reveal, and a student's own numbers.
 */
import type { z } from "zod";
import type { NeuronActivation } from "../engine/activations";
import type { answerSchema, PARAMETRIC_TEMPLATES, QUESTION_KINDS, questionSchema, quizSettingsSchema, runOptionsSchema } from "./schema";

export type QuestionKind = (typeof QUESTION_KINDS)[number];
export type ParametricTemplate = (typeof PARAMETRIC_TEMPLATES)[number];
/** A question as written, answer key included (teacher and server only). */
export type Question = z.output<typeof questionSchema>;
/** A question as a teacher's editor or file may give it (defaults not yet filled in). */
export type QuestionInput = z.input<typeof questionSchema>;
export type QuestionOf<K extends QuestionKind> = Extract<Question, { kind: K }>;
export type Answer = z.output<typeof answerSchema>;
export type AnswerOf<K extends Answer["kind"]> = Extract<Answer, { kind: K }>;
export type RunOptions = z.output<typeof runOptionsSchema>;
export type QuizSettings = z.output<typeof quizSettingsSchema>;

/**
 * A question as a phone or the projector may see it before the reveal: no answer key.
 * The ordering question's lines come shuffled and without their numbering comments.
 */
export type PublicQuestion =
  | { id: string; kind: "choice"; prompt: string; code?: string; choices: string[]; multiple: boolean }
  | { id: string; kind: "numeric"; prompt: string; code?: string; tolerance: number }
  | { id: string; kind: "output"; prompt: string; code: string }
  | { id: string; kind: "bug"; prompt: string; code: string }
  | { id: string; kind: "blanks"; prompt: string; code: string; blanks: number }
  | { id: string; kind: "order"; prompt: string; lines: string[] }
  | { id: string; kind: "poll"; prompt: string; code?: string; choices: string[]; multiple: boolean }
  | { id: string; kind: "parametric"; prompt: string; template: ParametricTemplate; tolerance: number }
  | { id: string; kind: "code"; prompt: string; starter: string; entry: string; tests: number };

/**
 * One student's numbers for a parametric question. `bias` is null when the bias is what the
 * student must find; `output` is given when the activation is what they must name; `target`
 * is the output the bias must produce.
 */
export interface Draw {
  inputs: number[];
  weights: number[];
  bias: number | null;
  activation: NeuronActivation | null;
  output?: number;
  target?: number;
}

/** The answer key as the reveal shows it to everyone. */
export type RevealedKey =
  | { kind: "choice"; correct: number[] }
  | { kind: "numeric"; answer: number; tolerance: number }
  | { kind: "output"; answers: string[] }
  | { kind: "bug"; line: number }
  | { kind: "blanks"; blanks: string[][] }
  | { kind: "order"; lines: string[] }
  | { kind: "poll" }
  | { kind: "parametric"; tolerance: number }
  /** Code: the reference solution, and each test's label and group (for the pass rates). */
  | { kind: "code"; reference: string | null; tests: { label: string; group: string | null }[] };
