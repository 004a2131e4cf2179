/**
 * The self-paced lesson's pure parts: which network each section shows, the learner's edits to
 * it, the questions of each section, local grading (parametric numbers drawn from a seed kept
 * with the progress; a program's grade, made in the browser's Python, kept with its answer),
 * and the progress itself as it is kept in localStorage. No React, no DOM.
 */
import { z } from "zod";
import { NEURON_ACTIVATIONS, type Activation } from "../../../lib/engine/activations";
import type { Network } from "../../../lib/engine/network";
import { inputsSchema, networkSchema } from "../../../lib/engine/schema";
import { SPAM_EXERCISE } from "../../../lib/lesson/code-exercise";
import { LESSON_QUIZ, STARTER_QUESTIONS } from "../../../lib/lesson/quiz";
import { getPreset, isPresetId, type PresetId } from "../../../lib/lesson/presets";
import { LESSON_STEPS } from "../../../lib/lesson/steps";
import type { CodeGrade } from "../../../lib/quiz/code-judge";
import { grade } from "../../../lib/quiz/grade";
import { drawFor } from "../../../lib/quiz/parametric";
import { answerSchema, codeGradeSchema, MAX_ANSWER_CODE } from "../../../lib/quiz/schema";
import type { Answer, Draw, Question } from "../../../lib/quiz/types";

/** Where progress is kept in the browser. */
export const PROGRESS_KEY = "synapse.learn.v1";
/** The id a parametric draw is made for: there is one learner. */
export const LEARNER_ID = "learner";

/**
 * The preset a section shows: its own, or (a section that keeps the class's network) the last
 * one met before it, so the learner keeps working on the network they just saw.
 * @example
 * presetForStep(2); // "two-layer" (Why depth matters follows the two-layer section)
 */
export function presetForStep(index: number): PresetId {
  for (let i = Math.min(index, LESSON_STEPS.length - 1); i >= 0; i--) {
    const id = LESSON_STEPS[i]?.presetId;
    if (id) return id;
  }
  return "bright-and-edgy";
}

/** A network the learner works on, with its inputs. */
export interface LearnNetwork {
  network: Network;
  inputs: number[];
}

/** The preset as it starts (a fresh copy the learner may edit). */
export function startingNetwork(id: PresetId): LearnNetwork {
  const preset = getPreset(id);
  return { network: structuredClone(preset.network) as Network, inputs: [...preset.inputs] };
}

/**
 * The network with one number of one neuron changed: a weight (`index` ≥ 0) or the bias ("bias").
 * Layers and neurons that did not change are shared.
 * @example
 * withNeuronValue(net, { layer: 0, neuron: 0 }, 1, 2.5); // second weight of the first neuron = 2.5
 */
export function withNeuronValue(network: Network, seat: { layer: number; neuron: number }, index: number | "bias", value: number): Network {
  return {
    ...network,
    layers: network.layers.map((layer, l) =>
      l !== seat.layer
        ? layer
        : {
            ...layer,
            neurons: layer.neurons.map((n, j) =>
              j !== seat.neuron ? n : index === "bias" ? { ...n, bias: value } : { ...n, weights: n.weights.map((w, k) => (k === index ? value : w)) },
            ),
          },
    ),
  };
}

/**
 * The network with one layer's activation changed (its neurons' own activations dropped).
 * @example
 * withLayerActivation(net, 0, "sigmoid").layers[0].activation; // "sigmoid"
 */
export function withLayerActivation(network: Network, layerIndex: number, activation: Activation): Network {
  return {
    ...network,
    layers: network.layers.map((layer, l) => (l !== layerIndex ? layer : { ...layer, activation, neurons: layer.neurons.map(({ activation: _own, ...n }) => n) })),
  };
}

/**
 * The activations a layer may take: softmax only on an output layer of two neurons or more.
 * @example
 * activationChoices(net, 0); // ["relu", "sigmoid", "tanh", "linear", "step"]
 */
export function activationChoices(network: Network, layerIndex: number): Activation[] {
  const isOutput = layerIndex === network.layers.length - 1;
  const many = (network.layers[layerIndex]?.neurons.length ?? 0) > 1;
  return isOutput && many ? [...NEURON_ACTIVATIONS, "softmax"] : [...NEURON_ACTIVATIONS];
}

/**
 * Practice added to the sections where it fits: numbers of the learner's own after the first,
 * and the lesson's closing exercise (write the spam detector's predict) at the end.
 */
const PRACTICE: Partial<Record<(typeof LESSON_STEPS)[number]["id"], string[]>> = {
  neuron: ["drill-neuron-output"],
  takeaways: [SPAM_EXERCISE.id],
};

/**
 * The questions of a section, in order: the lesson's own, then any practice.
 * @example
 * questionsForStep("neuron").map((q) => q.id); // ["lesson-relu-neuron", "drill-neuron-output"]
 */
export function questionsForStep(stepId: string): Question[] {
  const step = LESSON_STEPS.find((s) => s.id === stepId);
  if (!step) return [];
  const all = [...LESSON_QUIZ, ...STARTER_QUESTIONS];
  const ids = [...step.questionIds, ...(PRACTICE[step.id] ?? [])];
  return ids.flatMap((id) => all.filter((q) => q.id === id));
}

/** A parametric question's numbers for the learner, from the seed kept in the progress. */
export function drawForLearner(question: Question, seed: number): Draw | null {
  return question.kind === "parametric" ? drawFor(question.template, seed, LEARNER_ID) : null;
}

/**
 * Grades an answer in the browser, with the shared grader.
 * @example
 * gradeLocally(lessonQuestion, { kind: "number", value: 0 }, {}); // true
 */
export function gradeLocally(question: Question, answer: Answer, ctx: { shuffle?: readonly number[]; seed?: number }): boolean | null {
  const draw = ctx.seed !== undefined ? drawForLearner(question, ctx.seed) : null;
  return grade(question, answer, { ...(ctx.shuffle ? { shuffle: ctx.shuffle } : {}), ...(draw ? { draw } : {}) });
}

/** One answered question; a program also keeps its grade, to show again. */
export interface StoredAnswer {
  answer: Answer;
  correct: boolean | null;
  grade?: CodeGrade;
}

/**
 * A program and its grade as the lesson keeps them: right when every test passed.
 * @example
 * codeAnswer(source, grade).correct; // true for "All 14 tests pass."
 */
export function codeAnswer(code: string, grade: CodeGrade): StoredAnswer {
  return { answer: { kind: "code", code }, correct: grade.status === "graded" && grade.passed === grade.total, grade };
}

/** Everything kept in the browser about the learner's way through the lesson. */
export interface Progress {
  version: 1;
  /** Index into LESSON_STEPS. */
  step: number;
  answers: Record<string, StoredAnswer>;
  /** Parametric questions: the seed the learner's numbers were drawn from. */
  seeds: Record<string, number>;
  /** Ordering questions: the order the lines are shown in. */
  shuffles: Record<string, number[]>;
  /** Networks the learner changed, by preset. */
  networks: Partial<Record<PresetId, LearnNetwork>>;
  /** Code questions: the program being written, by question. */
  drafts: Record<string, string>;
}

export const EMPTY_PROGRESS: Progress = Object.freeze({ version: 1, step: 0, answers: {}, seeds: {}, shuffles: {}, networks: {}, drafts: {} }) as Progress;

const storedSchema = z.object({
  version: z.literal(1),
  step: z.number().int(),
  answers: z.record(z.string(), z.unknown()),
  seeds: z.record(z.string(), z.unknown()),
  shuffles: z.record(z.string(), z.unknown()),
  networks: z.record(z.string(), z.unknown()),
  // Added with code questions: progress kept before has none.
  drafts: z.record(z.string(), z.unknown()).optional(),
});
const storedAnswerSchema = z.object({ answer: answerSchema, correct: z.boolean().nullable(), grade: codeGradeSchema.optional() }).strict();
const draftSchema = z.string().max(MAX_ANSWER_CODE);
const seedSchema = z.number().int().min(0).max(2 ** 32 - 1);
const orderSchema = z.array(z.number().int().min(0).max(11)).min(2).max(12);
const learnNetworkSchema = z.object({ network: networkSchema, inputs: inputsSchema }).strict();

/** Keeps the entries of a record that parse, dropping the others. */
function keepValid<T>(record: Record<string, unknown>, parse: (key: string, value: unknown) => T | null): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(record)) {
    const parsed = parse(k, v);
    if (parsed !== null) out[k] = parsed;
  }
  return out;
}

/**
 * Progress read back from storage. Anything unreadable, from another version or damaged, is
 * dropped part by part (a bad answer loses that answer only); nothing at all gives a fresh start.
 * @example
 * parseProgress(null); // EMPTY_PROGRESS
 */
export function parseProgress(raw: string | null): Progress {
  if (!raw) return EMPTY_PROGRESS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY_PROGRESS;
  }
  const top = storedSchema.safeParse(data);
  if (!top.success) return EMPTY_PROGRESS;
  const t = top.data;
  return {
    version: 1,
    step: Math.max(0, Math.min(LESSON_STEPS.length - 1, t.step)),
    answers: keepValid(t.answers, (_, v) => {
      const r = storedAnswerSchema.safeParse(v);
      if (!r.success) return null;
      const { grade, ...rest } = r.data;
      return grade ? { ...rest, grade } : rest;
    }),
    seeds: keepValid(t.seeds, (_, v) => {
      const r = seedSchema.safeParse(v);
      return r.success ? r.data : null;
    }),
    shuffles: keepValid(t.shuffles, (_, v) => {
      const r = orderSchema.safeParse(v);
      return r.success && new Set(r.data).size === r.data.length ? r.data : null;
    }),
    networks: keepValid(t.networks, (k, v) => {
      if (!isPresetId(k)) return null;
      const r = learnNetworkSchema.safeParse(v);
      if (!r.success) return null;
      // Only the preset's own shape: same layers, neurons and inputs.
      const preset = getPreset(k);
      const sameShape =
        r.data.inputs.length === preset.inputs.length &&
        r.data.network.layers.length === preset.network.layers.length &&
        r.data.network.layers.every((l, i) => l.neurons.length === preset.network.layers[i]!.neurons.length);
      return sameShape ? (r.data as LearnNetwork) : null;
    }) as Partial<Record<PresetId, LearnNetwork>>,
    drafts: keepValid(t.drafts ?? {}, (_, v) => {
      const r = draftSchema.safeParse(v);
      return r.success ? r.data : null;
    }),
  };
}

/**
 * How many of the lesson's gradable questions are answered, and how many right.
 * @example
 * score(progress); // { answered: 3, correct: 2, total: 8 }
 */
export function score(progress: Progress): { answered: number; correct: number; total: number } {
  const ids = LESSON_STEPS.flatMap((s) => questionsForStep(s.id).map((q) => q.id));
  const answered = ids.filter((id) => progress.answers[id]);
  return { answered: answered.length, correct: answered.filter((id) => progress.answers[id]!.correct === true).length, total: ids.length };
}
