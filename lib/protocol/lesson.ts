import { z } from "zod";

/** What a session command's acknowledgement carries: the seq its last event was stored at. */
const ok = z.object({ seq: z.number() });

/** The lesson flow: the teacher moves the class to a step of the lesson (lib/lesson/steps.ts). */
export const lessonCommands = {
  /**
   * Teacher: go to a step (0 the first; null leaves the lesson for free play). When the step
   * has its own network and the class is on another, the same command loads it.
   */
  "lesson:go": { payload: z.object({ step: z.number().int().min(0).max(63).nullable() }).strict(), result: ok },
} as const;
