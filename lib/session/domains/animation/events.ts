/** The forward-pass animation as a session event, so every screen (and a replay) plays it in step. */
import { z } from "zod";

export const animationEvents = {
  /** The lit column moved: 0 the inputs, 1…L the layers; null when nothing is dimmed. */
  "animation.set": z
    .object({ column: z.number().int().min(0).nullable(), playing: z.boolean(), at: z.number().nullable() })
    .strict(),
} as const;
