/**
 * The quiz domain's events. An answer event carries everything a report needs: the
 * question run, the student, the answer, whether it was right, its points and the
 * server-measured time. `quiz.tallied` is a stand-in the server sends students and the
 * projector instead of `quiz.answered`; it is never stored.
 */
import { z } from "zod";
import { NEURON_ACTIVATIONS } from "../../../engine/activations";
import { answerSchema, codeGradeSchema, MAX_ANSWER_CODE, PARAMETRIC_TEMPLATES, questionSchema, quizSettingsSchema } from "../../../quiz/schema";

const id = z.string().min(1).max(64);
const time = z.number();

const drawSchema = z
  .object({
    inputs: z.array(z.number()).min(1).max(256),
    weights: z.array(z.number()).min(1).max(256),
    bias: z.number().nullable(),
    activation: z.enum(NEURON_ACTIVATIONS).nullable(),
    output: z.number().optional(),
    target: z.number().optional(),
  })
  .strict();

const text = z.string().max(1_000);
/** A question as phones see it while it is open (lib/quiz/public.ts makes it). */
const publicQuestionSchema = z.discriminatedUnion("kind", [
  z.object({ id, kind: z.literal("choice"), prompt: text, code: text.max(4_000).optional(), choices: z.array(text), multiple: z.boolean() }).strict(),
  z.object({ id, kind: z.literal("numeric"), prompt: text, code: text.max(4_000).optional(), tolerance: z.number() }).strict(),
  z.object({ id, kind: z.literal("output"), prompt: text, code: text.max(4_000) }).strict(),
  z.object({ id, kind: z.literal("bug"), prompt: text, code: text.max(4_000) }).strict(),
  z.object({ id, kind: z.literal("blanks"), prompt: text, code: text.max(4_000), blanks: z.number().int() }).strict(),
  z.object({ id, kind: z.literal("order"), prompt: text, lines: z.array(text) }).strict(),
  z.object({ id, kind: z.literal("poll"), prompt: text, code: text.max(4_000).optional(), choices: z.array(text), multiple: z.boolean() }).strict(),
  z.object({ id, kind: z.literal("parametric"), prompt: text, template: z.enum(PARAMETRIC_TEMPLATES), tolerance: z.number() }).strict(),
  z.object({ id, kind: z.literal("code"), prompt: text, starter: text.max(4_000), entry: z.string().max(40), tests: z.number().int() }).strict(),
]);



export const quizEvents = {
  /** A question goes to every phone; an open one before it was closed by a `quiz.closed` just before. */
  "quiz.launched": z
    .object({
      runId: id,
      number: z.number().int().min(1),
      shown: publicQuestionSchema,
      question: questionSchema.nullable(),
      shuffle: z.array(z.number().int().min(0)).nullable(),
      seed: z.number().int().nullable(),
      draws: z.record(z.string(), drawSchema),
      launchedAt: time,
      timeLimitSec: z.number().int().positive().nullable(),
      closesAt: time.nullable(),
      allowChange: z.boolean(),
    })
    .strict(),
  /** A student who arrived during a parametric question gets their numbers. */
  "quiz.drawn": z.object({ runId: id, studentId: id, draw: drawSchema }).strict(),
  "quiz.answered": z
    .object({
      runId: id,
      studentId: id,
      answer: answerSchema,
      correct: z.boolean().nullable(),
      points: z.number().int().min(0),
      elapsedMs: z.number().min(0),
      at: time,
    })
    .strict(),
  /** A student's program, waiting for the sandbox (the room grades it as a job: quiz.graded). */
  "quiz.submitted": z
    .object({
      runId: id,
      studentId: id,
      submissionId: id,
      /** 1 for the student's first program for this question. */
      number: z.number().int().min(1),
      code: z.string().max(MAX_ANSWER_CODE),
      elapsedMs: z.number().min(0),
      at: time,
    })
    .strict(),
  /** What the sandbox made of a submitted program; the points it earns if it is the student's best. */
  "quiz.graded": z.object({ runId: id, studentId: id, submissionId: id, grade: codeGradeSchema, points: z.number().int().min(0), at: time }).strict(),
  /** Stand-in for `quiz.answered` on screens that may not see answers: only the count. Never stored. */
  "quiz.tallied": z.object({ runId: id, answered: z.number().int().min(0) }).strict(),
  "quiz.closed": z.object({ runId: id, at: time, reason: z.enum(["teacher", "timer", "reveal", "launch"]) }).strict(),
  "quiz.revealed": z.object({ runId: id, at: time }).strict(),
  /** Phones go back to their neuron. */
  "quiz.cleared": z.object({ runId: id }).strict(),
  "quiz.leaderboard": z.object({ shown: z.boolean() }).strict(),
  "quiz.settings": quizSettingsSchema,
} as const;
