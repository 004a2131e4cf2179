/**
 * The few HTTP endpoints that come before a socket: hosting a session, looking up a join
 * code, joining, and the join link with its QR code. Bodies are small JSON validated with
 * zod; every refusal is `{ error: { code, message } }` with a fitting status.
 */
import type http from "node:http";
import QRCode from "qrcode";
import { z } from "zod";
import { formatIssues, ProtocolError, type ErrorCode } from "../lib/protocol";
import { isJoinCode, normalizeJoinCode } from "../lib/session/join-code";
import type { GuessGuard } from "./guard";
import type { Logger } from "./logger";
import { publicBase } from "./public-url";
import type { RoomManager } from "./rooms/room-manager";

const MAX_BODY = 4096;
const joinBody = z.object({ nickname: z.string().max(200) }).strict();

export interface ApiContext {
  rooms: RoomManager;
  guard: GuessGuard;
  log: Logger;
  publicUrl?: string;
  port: number;
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function fail(res: http.ServerResponse, code: ErrorCode, message: string): void {
  json(res, new ProtocolError(code, message).status, { error: { code, message } });
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ProtocolError("BAD_REQUEST", "The request is too large.");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
  } catch {
    throw new ProtocolError("BAD_REQUEST", "The request is not valid JSON.");
  }
}

const address = (req: http.IncomingMessage) => req.socket.remoteAddress ?? "unknown";

async function liveRoomFor(ctx: ApiContext, req: http.IncomingMessage, rawCode: string) {
  if (!ctx.guard.allow(address(req))) throw new ProtocolError("RATE_LIMITED", "Too many tries: wait a minute, then try again.");
  const code = normalizeJoinCode(decodeURIComponent(rawCode));
  try {
    if (!isJoinCode(code)) throw new ProtocolError("NOT_FOUND", `No class is running with the code ${code}. Check the code on the projector.`);
    return await ctx.rooms.findLive(code);
  } catch (err) {
    if (err instanceof ProtocolError && err.code === "NOT_FOUND" && !ctx.guard.chargeWrong(address(req))) {
      throw new ProtocolError("RATE_LIMITED", "Too many wrong codes: wait a minute, then try again.");
    }
    throw err;
  }
}

/**
 * Handles `/api/*` requests other than health; returns false when the path is not ours.
 * @example
 * if (await handleApi(req, res, ctx)) return;
 */
export async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, ctx: ApiContext): Promise<boolean> {
  const url = new URL(req.url ?? "/", "http://localhost");
  const path = url.pathname;
  let match: RegExpExecArray | null;
  try {
    if (path === "/api/sessions" && req.method === "POST") {
      json(res, 201, await ctx.rooms.create());
      return true;
    }
    if ((match = /^\/api\/sessions\/([\w-]{1,64})\/join-info$/.exec(path)) && req.method === "GET") {
      const room = await ctx.rooms.get(match[1]!);
      if (!room) throw new ProtocolError("NOT_FOUND", "There is no such session.");
      const code = room.working.code;
      const { base, loopbackOnly } = publicBase({ publicUrl: ctx.publicUrl, hostHeader: req.headers.host, port: ctx.port });
      const joinUrl = base ? `${base}/join/${code}` : null;
      const qrSvg = joinUrl ? await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) : null;
      const message = loopbackOnly
        ? "Phones cannot reach this address (it only works on this computer). Open Synapse using this computer's network address, or set PUBLIC_URL."
        : null;
      json(res, 200, { code, joinUrl, qrSvg, loopbackOnly, message });
      return true;
    }
    if ((match = /^\/api\/join\/([^/]{1,32})$/.exec(path))) {
      if (req.method === "GET") {
        const room = await liveRoomFor(ctx, req, match[1]!);
        json(res, 200, {
          sessionId: room.id,
          code: room.working.code,
          suggestedNickname: ctx.rooms.suggestName(room),
          roomLocked: room.working.roomLocked,
        });
        return true;
      }
      if (req.method === "POST") {
        const parsed = joinBody.safeParse(await readJson(req));
        if (!parsed.success) throw new ProtocolError("BAD_REQUEST", formatIssues(parsed.error.issues));
        const room = await liveRoomFor(ctx, req, match[1]!);
        json(res, 201, await ctx.rooms.join(room.working.code, parsed.data.nickname));
        return true;
      }
    }
  } catch (err) {
    if (err instanceof ProtocolError) fail(res, err.code, err.message);
    else {
      ctx.log.error({ err, path }, "api request failed");
      fail(res, "INTERNAL", "The server could not do that; nothing was changed. Try again.");
    }
    return true;
  }
  if (path.startsWith("/api/") && path !== "/api/health") {
    fail(res, "NOT_FOUND", `No such endpoint: ${req.method} ${path}`);
    return true;
  }
  return false;
}
