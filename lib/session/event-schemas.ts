/**
 * Every event type's zod schema, gathered from the domains, and the parser for rows read
 * back from the log. Server-side only (the browser trusts what the server folded).
 */
import type { z } from "zod";
import { animationEvents } from "./domains/animation/events";
import { lessonEvents } from "./domains/lesson/events";
import { networkEvents } from "./domains/network/events";
import { quizEvents } from "./domains/quiz/events";
import { roomEvents } from "./domains/room/events";
import { rosterEvents } from "./domains/roster/events";
import { trainingEvents } from "./domains/training/events";
import type { LoggedEvent, SessionEventType } from "./events";

export const eventSchemas: Record<SessionEventType, z.ZodType> = {
  ...networkEvents,
  ...rosterEvents,
  ...roomEvents,
  ...animationEvents,
  ...quizEvents,
  ...lessonEvents,
  ...trainingEvents,
};

/** A row of the log that no schema accepts: names the session and seq instead of crashing a fold. */
export class CorruptEventError extends Error {
  constructor(
    readonly sessionId: string,
    readonly seq: number,
    reason: string,
  ) {
    super(`session ${sessionId}, event ${seq}: ${reason}`);
    this.name = "CorruptEventError";
  }
}

/**
 * Parses a stored row into a typed event.
 * @example
 * parseStoredEvent("s1", { seq: 2, type: "inputs.set", payload: { inputs: [1, 0] }, actor: "t" });
 */
export function parseStoredEvent(
  sessionId: string,
  row: { seq: number; type: string; payload: unknown; actor: string | null; at?: Date },
): LoggedEvent {
  if (!Object.hasOwn(eventSchemas, row.type)) throw new CorruptEventError(sessionId, row.seq, `unknown event type "${row.type}"`);
  const parsed = eventSchemas[row.type as SessionEventType].safeParse(row.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptEventError(sessionId, row.seq, `${row.type}: ${issue?.path.join(".") || "payload"}: ${issue?.message ?? "invalid"}`);
  }
  const at = row.at ? row.at.getTime() : undefined;
  return { type: row.type, payload: parsed.data, seq: row.seq, actor: row.actor, ...(at === undefined ? {} : { at }) } as LoggedEvent;
}
