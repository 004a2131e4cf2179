/**
 * A past session, for its teacher: the summary row of "Past sessions", deleting it with
 * everything it holds, and handing out read-only replay links.
 */
import type http from "node:http";
import type { SessionRecord } from "../../db/storage";
import { ProtocolError } from "../../lib/protocol/errors";
import type { ReplayLinkResponse, SessionSummary } from "../../lib/protocol/replay";
import { publicBase } from "../public-url";
import { hashToken, newToken } from "../tokens";
import type { ApiContext } from "./route";

/**
 * Counts by SQL (server/../db `sessionStats`): the session is not loaded.
 * @example
 * await sessionSummary(ctx, session); // { sessionId, code, status: "ended", students: 24, questions: 5, … }
 */
export async function sessionSummary(ctx: ApiContext, session: SessionRecord): Promise<SessionSummary> {
  const stats = await ctx.storage.sessionStats(session.id);
  const lastEventAt = stats.lastEventAt ?? session.createdAt;
  const end = session.endedAt ?? lastEventAt;
  return {
    sessionId: session.id,
    code: session.code,
    status: session.status,
    createdAt: session.createdAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    lastEventAt: lastEventAt.toISOString(),
    durationMs: Math.max(0, end.getTime() - session.createdAt.getTime()),
    students: stats.students,
    questions: stats.questions,
    events: stats.events,
  };
}

/**
 * Deletes the session (its log, snapshots, tokens and links go with it by cascade), drops
 * its room from memory and closes its sockets, and forgets its replay caches.
 * @example
 * await deleteSession(ctx, "0b7f…"); // { deleted: true }
 */
export async function deleteSession(ctx: ApiContext, sessionId: string): Promise<{ deleted: true }> {
  const existed = await ctx.storage.deleteSession(sessionId);
  await ctx.rooms.forget([sessionId]);
  ctx.replays.forget(sessionId);
  if (!existed) throw new ProtocolError("NOT_FOUND", "There is no such session: it may have been deleted already.");
  ctx.log.info({ sessionId }, "session deleted by its teacher");
  return { deleted: true };
}

/**
 * A new read-only link: the token is returned once and stored hashed. It goes in the URL's
 * hash (`#r=`), so browsers never send it with a page request or in a Referer.
 * @example
 * await createReplayLink(req, ctx, "0b7f…", true); // { url: "http://192.168.1.20:3000/replay/0b7f…#r=q3Jx…", token, hideNames: true }
 */
export async function createReplayLink(
  req: http.IncomingMessage,
  ctx: ApiContext,
  sessionId: string,
  hideNames: boolean,
): Promise<ReplayLinkResponse> {
  const token = newToken();
  await ctx.storage.createReplayLink({ tokenHash: hashToken(token), sessionId, hideNames });
  const { base } = publicBase({ publicUrl: ctx.publicUrl, hostHeader: req.headers.host, port: ctx.port });
  // With only loopback known, the link still works on this computer.
  const origin = base ?? `http://${req.headers.host ?? `localhost:${ctx.port}`}`;
  return { url: `${origin}/replay/${encodeURIComponent(sessionId)}#r=${token}`, token, hideNames };
}
