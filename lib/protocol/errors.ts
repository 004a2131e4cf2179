import { z } from "zod";

/**
 * Machine-readable reasons for refusing a command, a request or a connection. Every
 * refusal carries one of these and a human message; clients branch on the code, people
 * read the message.
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
  "QUESTION_CLOSED", // an answer to a question that is closed or no longer running
  "ALREADY_ANSWERED", // a second answer to a question that takes one
  "UNAVAILABLE", // the server cannot take this now (database down): try again shortly
  "INTERNAL", // the server failed; nothing was changed
]);

export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The HTTP status that goes with each code, for the HTTP layer. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  PROTOCOL_MISMATCH: 426,
  BAD_REQUEST: 400,
  UNKNOWN_EVENT: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SESSION_ENDED: 410,
  ROOM_LOCKED: 423,
  NAME_TAKEN: 409,
  NAME_REFUSED: 422,
  LOCKED: 423,
  PAUSED: 423,
  OUT_OF_RANGE: 422,
  RATE_LIMITED: 429,
  INVALID: 409,
  QUESTION_CLOSED: 409,
  ALREADY_ANSWERED: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export const errorBodySchema = z.object({ code: errorCodeSchema, message: z.string() });

/** A refusal as it travels: `{ code, message }` (socket acks, HTTP bodies, connect errors). */
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * The one refusal type of the product: the rules, the socket layer and the HTTP layer all
 * throw or return it, and it becomes an ack, an HTTP response or a connect error unchanged.
 * @example
 * throw new ProtocolError("ROOM_LOCKED", "The teacher has locked this class.");
 */
export class ProtocolError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ProtocolError";
    this.status = HTTP_STATUS[code];
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** What every acknowledgement looks like: `{ ok: true, ...data }` or `{ ok: false, error }`. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

/**
 * The acknowledgement that carries a refusal.
 * @example
 * ack(errorAck(new ProtocolError("ROOM_LOCKED", "The teacher has locked this class.")));
 */
export function errorAck(err: ProtocolError): { ok: false; error: ErrorBody } {
  return { ok: false, error: err.toBody() };
}
