import { z } from "zod";
import { seatSchema } from "./network";

/** What a session command's acknowledgement carries: the seq its last event was stored at. */
const ok = z.object({ seq: z.number() });
const studentId = z.string().min(1).max(64);

/** Teacher commands about the room and its students. */
export const roomCommands = {
  "room:lock": { payload: z.object({ locked: z.boolean() }).strict(), result: ok },
  "room:pause": { payload: z.object({ paused: z.boolean() }).strict(), result: ok },
  "room:hide-names": { payload: z.object({ hidden: z.boolean() }).strict(), result: ok },
  "room:end": { payload: z.object({}).strict(), result: ok },
  "student:move": { payload: z.object({ studentId, seat: seatSchema }).strict(), result: ok },
  "student:rename": { payload: z.object({ studentId, nickname: z.string().max(100) }).strict(), result: ok },
  "student:remove": { payload: z.object({ studentId }).strict(), result: ok },
  "student:readmit": { payload: z.object({ studentId }).strict(), result: ok },
  /** Teacher: give a student's place to the new phone that asked for it (granted), or say no. */
  "student:hand-back": { payload: z.object({ requestId: studentId, granted: z.boolean() }).strict(), result: ok },
} as const;

/** Any participant: the full state again (after a gap in the seqs it received). */
export const sessionCommands = {
  "session:sync": { payload: z.object({}).strict(), result: z.object({ seq: z.number(), state: z.unknown(), mine: z.unknown().optional() }) },
} as const;
