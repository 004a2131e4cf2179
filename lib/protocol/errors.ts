import { z } from "zod";

/**
 * Machine-readable reasons for refusing a command or a connection. Every refusal carries
 * one of these and a human message; clients branch on the code, people read the message.
 */
export const errorCodeSchema = z.enum([
  "PROTOCOL_MISMATCH", // the client speaks another protocol version: reload the page
  "BAD_REQUEST", // the payload does not match the event's schema
  "UNKNOWN_EVENT", // no such event
  "UNAUTHENTICATED", // no valid token for this action
  "FORBIDDEN", // valid token, but this role may not do that
  "NOT_FOUND", // no such session, participant or neuron
  "SESSION_ENDED", // the session is over
  "ROOM_LOCKED", // the teacher locked the room to new students
  "NAME_TAKEN", // nickname already used in this session
  "NAME_REFUSED", // nickname refused by the classroom filter
  "LOCKED", // the neuron or layer is locked by the teacher
  "PAUSED", // the teacher paused all phones
  "OUT_OF_RANGE", // a value outside the allowed range
  "RATE_LIMITED", // too many messages or guesses, slow down
  "INVALID", // well-formed but not allowed in the current state
  "INTERNAL", // the server failed; nothing was changed
]);

export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const protocolErrorSchema = z.object({ code: errorCodeSchema, message: z.string() });

/** A refusal: `{ code, message }`. */
export type ProtocolError = z.infer<typeof protocolErrorSchema>;

/** What every acknowledgement looks like: `{ ok: true, ...data }` or `{ ok: false, error }`. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ProtocolError };

/**
 * Builds a refusal acknowledgement.
 * @example
 * ack(refuse("ROOM_LOCKED", "The teacher has locked this class."));
 */
export function refuse(code: ErrorCode, message: string): { ok: false; error: ProtocolError } {
  return { ok: false, error: { code, message } };
}
