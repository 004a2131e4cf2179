/**
 * The entry of the HTTP API: finds the route (404 JSON for an unknown `/api/*` path, 405
 * with `Allow` for a known path and another method), refuses state-changing requests from
 * other websites' pages, checks the teacher on teacher routes (the teacher or a replay link
 * on replay routes), reads the body, runs the handler, and turns every refusal into
 * `{ error: { code, message } }`.
 */
import type http from "node:http";
import { ProtocolError } from "../../lib/protocol/errors";
import { checkOrigin } from "../origin";
import { ClientGoneError, Download, sendDownload } from "./download";
import { readJsonBody, refuseForeignBody, sendJson, sendRefusal } from "./respond";
import type { ApiContext } from "./route";
import { RouteTable } from "./route-table";
import { API_ROUTES } from "./routes";
import { authenticateReplay } from "./replay-auth";
import { authenticateTeacher } from "./teacher-auth";

export type { ApiContext } from "./route";

const table = new RouteTable(API_ROUTES);

/**
 * Answers one request under `/api/` (health excepted, which the server answers first).
 * @example
 * if (req.url?.startsWith("/api/")) return handleApi(req, res, ctx);
 */
export async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, ctx: ApiContext): Promise<void> {
  const method = req.method ?? "GET";
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  try {
    const found = table.match(method, path);
    if (found.kind === "none") throw new ProtocolError("NOT_FOUND", `No such endpoint: ${method} ${path}`);
    if (found.kind === "wrong-method") {
      const allow = found.allow.join(", ");
      const refusal = new ProtocolError("BAD_REQUEST", `${method} is not allowed on ${path}; use ${allow}.`);
      sendRefusal(res, refusal, { status: 405, headers: { allow } });
      return;
    }
    const { route, params } = found;
    // A request that changes something must come from our own pages (or from no page at all).
    if (route.method !== "GET") checkOrigin(req, ctx.publicUrl);
    if (!route.body) refuseForeignBody(req);
    // Authentication comes before the body is read: a stranger's upload is not worth parsing.
    const teacher = route.auth === "teacher" ? await authenticateTeacher(req, params.sessionId!, ctx.storage) : undefined;
    const replay = route.auth === "replay" ? await authenticateReplay(req, params.sessionId!, ctx.storage) : undefined;
    const body = route.body ? await readJsonBody(req, route.body) : undefined;
    const reply = await route.handle({ req, ctx, params, body, teacher, replay });
    if (reply instanceof Download) await sendDownload(res, reply);
    else sendJson(res, route.status, reply);
  } catch (err) {
    // A download that fails midway can only be cut short: its status and headers are gone.
    if (res.headersSent) {
      if (!(err instanceof ClientGoneError)) ctx.log.error({ err, method, path }, "download failed midway");
      res.destroy();
      return;
    }
    if (err instanceof ProtocolError) {
      // RFC 6750: a 401 names the scheme the client should use.
      sendRefusal(res, err, err.code === "UNAUTHENTICATED" ? { headers: { "www-authenticate": "Bearer" } } : {});
      return;
    }
    ctx.log.error({ err, method, path }, "api request failed");
    sendRefusal(res, new ProtocolError("INTERNAL", "The server could not do that; nothing was changed. Try again."));
  }
}
