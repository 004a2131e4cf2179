/**
 * Query strings and path numbers of the HTTP API, checked with zod like bodies are: a
 * missing or malformed value is a 400 that names it.
 */
import type http from "node:http";
import { z } from "zod";
import { formatIssues } from "../../lib/protocol/format-issues";
import { ProtocolError } from "../../lib/protocol/errors";

/** A whole number 0 or more, written in digits (at most 9, so it stays an exact int). */
export const countParam = (name: string) =>
  z
    .string({ error: `${name} is missing: add ?${name}=<a whole number>` })
    .regex(/^\d{1,9}$/, `${name} must be a whole number, 0 or more`)
    .transform(Number);

/**
 * The request's query, checked with `schema` (unknown parameters are refused, to catch typos).
 * @throws ProtocolError BAD_REQUEST naming the bad or missing parameter.
 * @example
 * const { seq } = readQuery(req, z.strictObject({ seq: countParam("seq") }));
 */
export function readQuery<T>(req: http.IncomingMessage, schema: z.ZodType<T>): T {
  const params = new URL(req.url ?? "/", "http://localhost").searchParams;
  const query: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(query, key)) throw new ProtocolError("BAD_REQUEST", `${key} is given twice in the query.`);
    query[key] = value;
  }
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new ProtocolError("BAD_REQUEST", formatIssues(parsed.error.issues));
  return parsed.data;
}

/**
 * A number in the path (`:layer`), 0 or more.
 * @throws ProtocolError BAD_REQUEST when it is not one.
 */
export function pathCount(name: string, value: string): number {
  if (!/^\d{1,4}$/.test(value)) throw new ProtocolError("BAD_REQUEST", `${name} must be a whole number, 0 or more (from 0, the first).`);
  return Number(value);
}
