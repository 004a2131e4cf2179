/**
 * The question model's zod schemas: a question as a teacher writes it (with its answer key),
 * an answer as a phone sends it, and a question bank file. Server, dashboard and bank import
 * validate with these; the phone imports the inferred types only (lib/quiz/types.ts).
 *
 * Kinds: choice (one answer, or "select all that apply"), numeric (with a tolerance),
 * output ("what does this code print?"), bug (tap the wrong line), blanks (fill in the
 * code), order (put the lines in order), poll (no right answer) and parametric (every
 * student gets their own numbers; the engine grades). A new kind is one more member here,
 * one grader and one view.
 */
import { z } from "zod";
import type { JsonValue } from "./code-run";
import { BLANK, blankCount } from "./code-text";

export const QUESTION_KINDS = ["choice", "numeric", "output", "bug", "blanks", "order", "poll", "parametric", "code"] as const;
export const PARAMETRIC_TEMPLATES = ["neuron-output", "which-activation", "fire-bias", "my-neuron"] as const;

const MAX_CODE = 4_000;
const MAX_LINES = 40;
/** A student's program may be longer than a listing. */
export const MAX_ANSWER_CODE = 8_000;

const text = (max: number) => z.string().trim().min(1).max(max);
const code = z
  .string()
  .max(MAX_CODE)
  .refine((c) => c.trim().length > 0, "the code is empty")
  .refine((c) => c.split("\n").length <= MAX_LINES, `at most ${MAX_LINES} lines`);
const choices = z.array(text(200)).min(2).max(8);
const tolerance = z.number().min(0).max(1_000);

const base = {
  id: z.string().trim().min(1).max(64),
  prompt: text(500),
  explanation: z.string().trim().max(1_000).default(""),
};

const choiceQuestion = z
  .object({
    ...base,
    kind: z.literal("choice"),
    code: code.optional(),
    choices,
    multiple: z.boolean().default(false),
    correct: z.array(z.number().int().min(0)).min(1).max(8),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (new Set(q.correct).size !== q.correct.length) ctx.addIssue({ code: "custom", path: ["correct"], message: "a choice is listed twice" });
    q.correct.forEach((c, i) => {
      if (c >= q.choices.length) ctx.addIssue({ code: "custom", path: ["correct", i], message: `there is no choice ${c + 1}` });
    });
    if (!q.multiple && q.correct.length !== 1) ctx.addIssue({ code: "custom", path: ["correct"], message: "a one-answer question has exactly one correct choice" });
  });

const numericQuestion = z
  .object({ ...base, kind: z.literal("numeric"), code: code.optional(), answer: z.number(), tolerance: tolerance.default(0.01) })
  .strict();

const outputQuestion = z
  .object({ ...base, kind: z.literal("output"), code, answers: z.array(z.string().max(500).refine((a) => a.trim().length > 0, "empty answer")).min(1).max(5) })
  .strict();

const bugQuestion = z
  .object({ ...base, kind: z.literal("bug"), code, line: z.number().int().min(0) })
  .strict()
  .superRefine((q, ctx) => {
    const lines = q.code.split("\n");
    if (q.line >= lines.length) ctx.addIssue({ code: "custom", path: ["line"], message: `the code has ${lines.length} lines` });
    else if (lines[q.line]?.trim() === "") ctx.addIssue({ code: "custom", path: ["line"], message: "the wrong line is blank" });
  });

const blanksQuestion = z
  .object({ ...base, kind: z.literal("blanks"), code, blanks: z.array(z.array(text(100)).min(1).max(8)).min(1).max(8) })
  .strict()
  .superRefine((q, ctx) => {
    const n = blankCount(q.code);
    if (n !== q.blanks.length) {
      ctx.addIssue({ code: "custom", path: ["blanks"], message: `the code has ${n} blank${n === 1 ? "" : "s"} (${BLANK}) but ${q.blanks.length} answer list${q.blanks.length === 1 ? "" : "s"}` });
    }
  });

const orderQuestion = z
  .object({ ...base, kind: z.literal("order"), lines: z.array(text(300)).min(2).max(12) })
  .strict();

const pollQuestion = z
  .object({ ...base, kind: z.literal("poll"), code: code.optional(), choices, multiple: z.boolean().default(false) })
  .strict();

const parametricQuestion = z
  .object({ ...base, kind: z.literal("parametric"), template: z.enum(PARAMETRIC_TEMPLATES), tolerance: tolerance.default(0.01) })
  .strict();

/** A JSON value as a code test passes it in or expects it back. */
const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string().max(1_000), z.array(jsonValue).max(64), z.record(z.string().max(64), jsonValue)]),
);

/** One test of a code question: call the function with `args`, expect `expected` (numbers within the tolerance). */
export const codeRowSchema = z
  .object({
    args: z.array(jsonValue).max(8),
    expected: jsonValue,
    /** What the student sees beside the result ("Example 3: links 0.5, shouting 0.2, known sender 0"). */
    label: z.string().trim().max(120).optional(),
    /** Tests with the same group are shown together ("The ten labelled examples"). */
    group: z.string().trim().max(80).optional(),
  })
  .strict();

const codeQuestion = z
  .object({
    ...base,
    kind: z.literal("code"),
    starter: code,
    entry: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/, "a Python function name, like predict"),
    rows: z.array(codeRowSchema).max(40).default([]),
    /** Python assert statements, each run in a copy of the student's namespace. */
    asserts: z.array(z.string().trim().min(1).max(1_000)).max(20).default([]),
    /** The teacher's own solution: "check my tests" runs it; the reveal shows it. */
    reference: code.optional(),
    tolerance: z.number().min(0).max(1).default(1e-6),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.rows.length + q.asserts.length === 0) ctx.addIssue({ code: "custom", path: ["rows"], message: "a code question needs at least one test" });
  });

/** A question as written, answer key included. */
export const questionSchema = z.discriminatedUnion("kind", [
  choiceQuestion,
  numericQuestion,
  outputQuestion,
  bugQuestion,
  blanksQuestion,
  orderQuestion,
  pollQuestion,
  parametricQuestion,
  codeQuestion,
]);

/** An answer as a phone sends it; the question decides which shape it must have. */
export const answerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("choice"), choices: z.array(z.number().int().min(0).max(7)).min(1).max(8) }).strict(),
  z.object({ kind: z.literal("number"), value: z.number() }).strict(),
  z.object({ kind: z.literal("text"), text: z.string().max(500) }).strict(),
  z.object({ kind: z.literal("line"), line: z.number().int().min(0).max(MAX_LINES) }).strict(),
  z.object({ kind: z.literal("blanks"), values: z.array(z.string().max(100)).min(1).max(8) }).strict(),
  z.object({ kind: z.literal("order"), order: z.array(z.number().int().min(0).max(11)).min(2).max(12) }).strict(),
  z.object({ kind: z.literal("code"), code: z.string().max(MAX_ANSWER_CODE) }).strict(),
]);

const pyErrorSchema = z.object({ type: z.string().max(100), message: z.string().max(1_000), line: z.number().int().nullable() }).strict();

/** A program's grade as lib/quiz/code-judge.ts makes it. */
export const codeGradeSchema = z
  .object({
    status: z.enum(["graded", "error", "timeout", "memory", "output", "crashed", "unavailable"]),
    passed: z.number().int().min(0),
    total: z.number().int().min(0),
    tests: z
      .array(
        z
          .object({ label: z.string().max(200), group: z.string().max(100).nullable(), passed: z.boolean(), got: z.string().max(1_000).nullable(), message: z.string().max(1_500) })
          .strict(),
      )
      .max(60),
    error: pyErrorSchema.nullable(),
    message: z.string().max(1_000),
    stdout: z.string().max(4_000),
    ms: z.number().min(0),
  })
  .strict();

/** How a question runs: its timer (null: until the teacher closes it) and whether answers may change. */
export const runOptionsSchema = z
  .object({
    timeLimitSec: z.number().int().min(5).max(3_600).nullable().default(null),
    allowChange: z.boolean().default(false),
  })
  .strict();

/** The scoring switches (docs/quizzes.md). */
export const quizSettingsSchema = z.object({ speedPoints: z.boolean(), streakPoints: z.boolean() }).strict();

export const BANK_FORMAT = "synapse-question-bank";

/** A question bank file, as exported and imported. */
export const bankSchema = z
  .object({
    format: z.literal(BANK_FORMAT),
    version: z.literal(1),
    questions: z.array(questionSchema).max(500),
  })
  .strict()
  .superRefine((bank, ctx) => {
    const seen = new Set<string>();
    bank.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `the id "${q.id}" is used twice` });
      seen.add(q.id);
    });
  });
