/** The roster domain's events: who is in the class, and where they sit. */
import { z } from "zod";
import { seatSchema } from "../../../protocol/network";

const id = z.string().min(1).max(64);

export const rosterEvents = {
  "student.joined": z.object({ studentId: id, nickname: z.string() }).strict(),
  "student.renamed": z.object({ studentId: id, nickname: z.string() }).strict(),
  "student.moved": z.object({ studentId: id, seat: seatSchema }).strict(),
  "student.removed": z.object({ studentId: id }).strict(),
  "student.readmitted": z.object({ studentId: id }).strict(),
  /** A new phone asks for a student's place (name, neuron, values) back. */
  "handback.requested": z.object({ requestId: id, studentId: id, at: z.number() }).strict(),
  /** The teacher gave the place to the new phone (the old one's pass stops working), or said no. */
  "handback.resolved": z.object({ requestId: id, studentId: id, granted: z.boolean() }).strict(),
} as const;
