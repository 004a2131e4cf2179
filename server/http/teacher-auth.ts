/**
 * The one check behind every teacher route: `Authorization: Bearer <teacher token>`, the
 * token's hash looked up in storage, and its holder the teacher of the session the path
 * names. Only hashes are stored (server/tokens.ts), so the token is hashed before the look-up.
 */
import type http from "node:http";
import type { Storage } from "../../db/storage";
import { ProtocolError } from "../../lib/protocol/errors";
import { hashToken } from "../tokens";
import type { TeacherGrant } from "./route";

// Tokens are base64url (server/tokens.ts); the handshake accepts 16 to 128 characters too.
const BEARER = /^Bearer +([A-Za-z0-9_-]{16,128}) *$/i;

/**
 * The token of an `Authorization: Bearer …` header.
 * @throws ProtocolError UNAUTHENTICATED when the header is missing, of another scheme or garbled.
 * @example
 * bearerToken("Bearer q3Jx…"); // "q3Jx…"
 */
export function bearerToken(header: string | undefined): string {
  const match = header ? BEARER.exec(header) : null;
  if (!match) {
    throw new ProtocolError("UNAUTHENTICATED", "Only the class's teacher can see this: open it from the teacher's dashboard.");
  }
  return match[1]!;
}

/**
 * Checks that the request comes from the teacher of `sessionId`. A token that is not the
 * session's teacher's is FORBIDDEN; a session that does not exist is NOT_FOUND, told only
 * to someone holding a valid token (ids are random UUIDs, so this reveals nothing to guess).
 * @example
 * const { session } = await authenticateTeacher(req, params.sessionId, storage);
 */
export async function authenticateTeacher(
  req: http.IncomingMessage,
  sessionId: string,
  storage: Storage,
): Promise<TeacherGrant> {
  const token = bearerToken(req.headers.authorization);
  const participant = await storage.findParticipantByToken(hashToken(token));
  if (!participant) {
    throw new ProtocolError(
      "UNAUTHENTICATED",
      "This browser's teacher pass is not valid any more (the class may have been deleted). Open the class from its teacher link.",
    );
  }
  const session = await storage.getSession(sessionId);
  if (!session) throw new ProtocolError("NOT_FOUND", "There is no such session.");
  if (participant.role !== "teacher" || participant.sessionId !== session.id) {
    throw new ProtocolError("FORBIDDEN", "Only the teacher of this class can see this.");
  }
  return { session, participant };
}
