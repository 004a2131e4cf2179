/** The room domain's events: the session's life and the teacher's room switches. */
import { z } from "zod";
import { networkSetupEventSchema } from "../network/events";

export const roomEvents = {
  "session.created": networkSetupEventSchema.extend({ id: z.string(), code: z.string() }).strict(),
  "session.ended": z.object({}).strict(),
  "room.locked": z.object({ locked: z.boolean() }).strict(),
  "phones.paused": z.object({ paused: z.boolean() }).strict(),
  "names.hidden": z.object({ hidden: z.boolean() }).strict(),
  /**
   * Sent in place of an event this viewer may not see, so its seqs stay gap-free; never
   * stored in the log. Folds to nothing.
   */
  "event.redacted": z.object({}).strict(),
} as const;
