/**
 * The check behind every replay route: `Authorization: Bearer <token>` where the token is
 * either the teacher token of the path's session or a read-only replay link of that same
 * session. Both are looked up by their SHA-256 hash. A link token is only ever a link: it
 * is not a participant, so teacher routes and sockets do not know it.
 */
import type http from "node:http";
import type { Storage } from "../../db/storage";
import { ProtocolError } from "../../lib/protocol/errors";
import { hashToken } from "../tokens";
import type { ReplayGrant } from "./route";
import { bearerToken } from "./teacher-auth";

const NOT_VALID =
  "This replay link is not valid any more (the class may have been deleted). Ask the teacher for a new link.";

/**
 * @throws ProtocolError UNAUTHENTICATED (no or unknown token), FORBIDDEN (a token of another
 * session, or a student's), NOT_FOUND (no such session, told only to a valid token's holder).
 * @example
 * const grant = await authenticateReplay(req, params.sessionId, storage); // { viewer: "link", hideNames: true, session }
 */
export async function authenticateReplay(req: http.IncomingMessage, sessionId: string, storage: Storage): Promise<ReplayGrant> {
  const hash = hashToken(bearerToken(req.headers.authorization));
  const [participant, link] = await Promise.all([storage.findParticipantByToken(hash), storage.findReplayLink(hash)]);
  if (!participant && !link) throw new ProtocolError("UNAUTHENTICATED", NOT_VALID);
  const session = await storage.getSession(sessionId);
  if (!session) throw new ProtocolError("NOT_FOUND", "There is no such session.");
  if (participant?.role === "teacher" && participant.sessionId === session.id) {
    return { viewer: "teacher", session, hideNames: false };
  }
  if (link?.sessionId === session.id) return { viewer: "link", session, hideNames: link.hideNames };
  throw new ProtocolError("FORBIDDEN", "This pass does not open this class's replay. Use the link the teacher shared for it.");
}
