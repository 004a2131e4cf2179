/**
 * Writing answers and reading bodies for the HTTP API: JSON out, never cached; JSON in,
 * only as `application/json`, at most 4 KB, and checked with a zod schema.
 */
import type http from "node:http";
import type { z } from "zod";
import { formatIssues } from "../../lib/protocol/format-issues";
import { ProtocolError } from "../../lib/protocol/errors";
import type { ErrorResponse } from "../../lib/protocol/http";

/** Every body we accept is a few short fields; anything larger is not from our pages. */
export const MAX_BODY_BYTES = 4096;

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

/**
 * Sends `{ error: { code, message } }` with the refusal's status, unless the caller knows
 * a more precise one (405: no error code stands for a wrong method).
 * @example
 * sendRefusal(res, new ProtocolError("NOT_FOUND", "There is no such session."));
 */
export function sendRefusal(
  res: http.ServerResponse,
  refusal: ProtocolError,
  options: { status?: number; headers?: http.OutgoingHttpHeaders } = {},
): void {
  const body: ErrorResponse = { error: refusal.toBody() };
  sendJson(res, options.status ?? refusal.status, body, options.headers);
}

async function readText(req: http.IncomingMessage): Promise<string> {
  const tooLarge = () => new ProtocolError("BAD_REQUEST", "The request is too large.");
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * For routes that read no body: refuses one sent as anything but JSON. A form on another
 * site can post text/plain, urlencoded or multipart bodies without asking; our pages send
 * no body there, or JSON.
 * @throws ProtocolError BAD_REQUEST when the request declares another content type.
 * @example
 * if (!route.body) refuseForeignBody(req);
 */
export function refuseForeignBody(req: http.IncomingMessage): void {
  const type = req.headers["content-type"];
  if (type !== undefined && !JSON_TYPE.test(type)) {
    throw new ProtocolError("BAD_REQUEST", "Send the request as JSON (Content-Type: application/json), or with no body.");
  }
}

/**
 * The request's JSON body, checked with `schema`.
 * @throws ProtocolError BAD_REQUEST when it is not JSON, too large or does not match.
 * @example
 * const { nickname } = await readJsonBody(req, joinRequestSchema);
 */
export async function readJsonBody<T>(req: http.IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  if (!JSON_TYPE.test(req.headers["content-type"] ?? "")) {
    throw new ProtocolError("BAD_REQUEST", "Send the request as JSON (Content-Type: application/json).");
  }
  const text = await readText(req);
  let value: unknown;
  try {
    value = JSON.parse(text || "null");
  } catch {
    throw new ProtocolError("BAD_REQUEST", "The request is not valid JSON.");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ProtocolError("BAD_REQUEST", formatIssues(parsed.error.issues));
  return parsed.data;
}
