import { z } from "zod";
import { answerSchema, codeGradeSchema, questionSchema, quizSettingsSchema, runOptionsSchema } from "../quiz/schema";

/** What a session command's acknowledgement carries: the seq its last event was stored at. */
const ok = z.object({ seq: z.number() });
const empty = z.object({}).strict();

/** Quiz commands: the teacher runs questions; a student answers. */
export const quizCommands = {
  /** Teacher: send a question to every phone (an open one is closed first). */
  "quiz:launch": {
    payload: z.object({ question: questionSchema, options: runOptionsSchema.default({ timeLimitSec: null, allowChange: false }) }).strict(),
    result: ok,
  },
  "quiz:close": { payload: empty, result: ok },
  /** Teacher: show the answer and the explanation (closes the question if it is open). */
  "quiz:reveal": { payload: empty, result: ok },
  /** Teacher: phones go back to their neuron. */
  "quiz:clear": { payload: empty, result: ok },
  "quiz:leaderboard": { payload: z.object({ shown: z.boolean() }).strict(), result: ok },
  "quiz:settings": { payload: quizSettingsSchema, result: ok },
  /**
   * Teacher: run a code question's reference solution against its tests in the sandbox (the
   * question editor's "check my tests"). Nothing is stored; the answer is the grade.
   */
  "quiz:check-code": { payload: z.object({ question: questionSchema }).strict(), result: z.object({ grade: codeGradeSchema }) },
  /** Student: my answer to the question running now. */
  "quiz:answer": { payload: z.object({ runId: z.string().min(1).max(64), answer: answerSchema }).strict(), result: ok },
} as const;
