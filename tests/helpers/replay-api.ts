/**
 * Calling the HTTP API from the replay tests: a JSON call with an optional Bearer token,
 * and the refusal check every refused call goes through.
 */
import { expect } from "vitest";
import { errorResponseSchema } from "../../lib/protocol/http";

export interface Reply {
  status: number;
  text: string;
  body: unknown;
}

/** One call; `token` goes in `Authorization: Bearer`, `json` as the body. */
export async function api(url: string, path: string, init: { method?: string; token?: string; json?: unknown } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  const text = await res.text();
  return { status: res.status, text, body: text ? (JSON.parse(text) as unknown) : null };
}

/** A refusal with this status and code, and a message a person can act on. */
export function expectRefused(reply: Reply, status: number, code: string): string {
  const { error } = errorResponseSchema.parse(reply.body);
  expect({ status: reply.status, code: error.code, readable: error.message.length > 10 }).toEqual({ status, code, readable: true });
  return error.message;
}
