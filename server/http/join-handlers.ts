/**
 * Routes a student (or the projector) reaches with nothing but a join code. Every look-up
 * is charged to the caller's address before the database is asked, and a wrong code costs
 * more, so codes cannot be found by guessing (server/guard.ts).
 */
import type http from "node:http";
import { ProtocolError } from "../../lib/protocol/errors";
import type { JoinInfoResponse, JoinLookupResponse, JoinRequest, JoinResponse } from "../../lib/protocol/http";
import { isJoinCode, normalizeJoinCode } from "../../lib/session/join-code";
import type { Room } from "../rooms/room";
import { joinLinkFor } from "./join-link";
import type { ApiContext } from "./route";

const addressOf = (req: http.IncomingMessage) => req.socket.remoteAddress ?? "unknown";

async function liveRoomFor(req: http.IncomingMessage, ctx: ApiContext, rawCode: string): Promise<Room> {
  const address = addressOf(req);
  if (!ctx.guard.allow(address)) throw new ProtocolError("RATE_LIMITED", "Too many tries: wait a minute, then try again.");
  const code = normalizeJoinCode(rawCode);
  try {
    if (!isJoinCode(code)) throw new ProtocolError("NOT_FOUND", `No class is running with the code ${code}. Check the code on the projector.`);
    return await ctx.rooms.findLive(code);
  } catch (err) {
    if (err instanceof ProtocolError && err.code === "NOT_FOUND" && !ctx.guard.chargeWrong(address)) {
      throw new ProtocolError("RATE_LIMITED", "Too many wrong codes: wait a minute, then try again.");
    }
    throw err;
  }
}

/** GET /api/join/:code — the class behind a code, and a nickname nobody has yet. */
export async function lookUpClass(req: http.IncomingMessage, ctx: ApiContext, code: string): Promise<JoinLookupResponse> {
  const room = await liveRoomFor(req, ctx, code);
  return {
    sessionId: room.id,
    code: room.working.code,
    suggestedNickname: ctx.rooms.suggestName(room),
    roomLocked: room.working.roomLocked,
  };
}

/** POST /api/join/:code — joins; answers once the join is in the database. */
export async function joinClass(req: http.IncomingMessage, ctx: ApiContext, code: string, body: JoinRequest): Promise<JoinResponse> {
  const room = await liveRoomFor(req, ctx, code);
  return ctx.rooms.join(room.working.code, body.nickname);
}

/**
 * POST /api/join/:code/handback — a new phone asks for the place of the student with this
 * nickname. It gets a pass of its own now; the pass opens that place only once the teacher
 * agrees (`student:hand-back`), and the old phone's pass then stops working.
 */
export async function requestHandback(req: http.IncomingMessage, ctx: ApiContext, code: string, body: JoinRequest): Promise<JoinResponse> {
  const room = await liveRoomFor(req, ctx, code);
  return ctx.rooms.requestHandback(room.working.code, body.nickname);
}

/** GET /api/join/:code/link — the join link and QR code for a screen that only knows the code. */
export async function joinLinkByCode(req: http.IncomingMessage, ctx: ApiContext, code: string): Promise<JoinInfoResponse> {
  const room = await liveRoomFor(req, ctx, code);
  return joinLinkFor(room.working.code, req, ctx);
}
