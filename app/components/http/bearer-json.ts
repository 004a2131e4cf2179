/**
 * The browser's calls to the teacher-only and replay routes: the pass travels as
 * `Authorization: Bearer …`, every answer is parsed with its schema from lib/protocol, and a
 * refusal becomes an `HttpError` carrying the server's own code and message.
 */
import type { z } from "zod";

export class HttpError extends Error {
  constructor(
    /** The HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    /** The server's machine-readable code, when it sent one. */
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

export const UNREACHABLE = "The server could not be reached. Check the connection and try again.";
const NOT_UNDERSTOOD = "The server's answer was not understood. Reload the page.";

/**
 * The server's `{ error: { code, message } }` of a refused request, or a plain sentence when the body is not one.
 * @example
 * if (!res.ok) throw await refusalOf(res);
 */
export async function refusalOf(res: Response): Promise<HttpError> {
  return refusalFrom(res.status, await res.json().catch(() => null));
}

/**
 * The same from a status and a body already read.
 * @example
 * refusalFrom(404, { error: { code: "NOT_FOUND", message: "No such class." } }).code; // "NOT_FOUND"
 */
export function refusalFrom(status: number, body: unknown): HttpError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const message = typeof error?.message === "string" ? error.message : `The server answered ${status}.`;
  return new HttpError(status, message, typeof error?.code === "string" ? error.code : null);
}

/**
 * `fetch` with the pass, its answer parsed with `schema`; an aborted request rejects with the abort.
 * @throws HttpError when the server cannot be reached, refuses, or answers what the schema does not accept
 * @example
 * const meta = await bearerJson(`/api/sessions/${id}/replay`, token, replayMetaSchema);
 */
export async function bearerJson<S extends z.ZodType>(url: string, token: string, schema: S, init: RequestInit = {}): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      cache: "no-store",
      headers: { ...init.headers, authorization: `Bearer ${token}`, ...(init.body ? { "content-type": "application/json" } : {}) },
    });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new HttpError(0, UNREACHABLE);
  }
  if (!res.ok) throw await refusalOf(res);
  const parsed = schema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new HttpError(res.status, NOT_UNDERSTOOD);
  return parsed.data;
}
