/** The lesson flow's event: the step the class is on, so every screen (and a replay) follows it. */
import { z } from "zod";

export const lessonEvents = {
  /** The class moved to a step of the lesson (0 the first), or left it (null: free play). */
  "lesson.step": z.object({ step: z.number().int().min(0).max(63).nullable() }).strict(),
} as const;
