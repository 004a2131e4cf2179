/**
 * Routes a student (or the projector) reaches with nothing but a join code. Every look-up
 * is charged to the caller's address before the database is asked and refunded when the
 * code was live, so codes cannot be found by guessing (server/limits/guesses.ts).
 */
import type http from "node:http";
import { ProtocolError } from "../../lib/protocol/errors";
import type { JoinInfoResponse, JoinLookupResponse, JoinRequest, JoinResponse } from "../../lib/protocol/http";
import { isJoinCode, normalizeJoinCode } from "../../lib/session/join-code";
import { joinLinkFor } from "./join-link";
import type { ApiContext } from "./route";

/** The live class behind a code (here or, with several processes, at its owner), as `look` finds it. */
function liveClassFor<T>(req: http.IncomingMessage, ctx: ApiContext, rawCode: string, look: (code: string) => Promise<T>): Promise<T> {
  const code = normalizeJoinCode(rawCode);
  return ctx.limits.guesses.lookUp(ctx.limits.addressOfRequest(req), async () => {
    if (!isJoinCode(code)) throw new ProtocolError("NOT_FOUND", `No class is running with the code ${code}. Check the code on the projector.`);
    return look(code);
  });
}

/** GET /api/join/:code — the class behind a code, and a nickname nobody has yet. */
export async function lookUpClass(req: http.IncomingMessage, ctx: ApiContext, code: string): Promise<JoinLookupResponse> {
  return liveClassFor(req, ctx, code, (c) => ctx.rooms.describe(c));
}

/** POST /api/join/:code — joins; answers once the join is in the database. */
export async function joinClass(req: http.IncomingMessage, ctx: ApiContext, code: string, body: JoinRequest): Promise<JoinResponse> {
  const live = await liveClassFor(req, ctx, code, (c) => ctx.rooms.findLive(c).then(() => c));
  return ctx.rooms.join(live, body.nickname);
}

/**
 * POST /api/join/:code/handback — a new phone asks for the place of the student with this
 * nickname. It gets a pass of its own now; the pass opens that place only once the teacher
 * agrees (`student:hand-back`), and the old phone's pass then stops working.
 */
export async function requestHandback(req: http.IncomingMessage, ctx: ApiContext, code: string, body: JoinRequest): Promise<JoinResponse> {
  const live = await liveClassFor(req, ctx, code, (c) => ctx.rooms.findLive(c).then(() => c));
  return ctx.rooms.requestHandback(live, body.nickname);
}

/** GET /api/join/:code/link — the join link and QR code for a screen that only knows the code. */
export async function joinLinkByCode(req: http.IncomingMessage, ctx: ApiContext, code: string): Promise<JoinInfoResponse> {
  const live = await liveClassFor(req, ctx, code, (c) => ctx.rooms.findLive(c).then(() => c));
  return joinLinkFor(live, req, ctx);
}
