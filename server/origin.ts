/**
 * Only our own pages may talk to us: a browser names the page that makes a request in its
 * `Origin` header, on every cross-site request that can change something (POST, and the
 * Socket.IO handshake, whose WebSocket always carries it). We accept our own origins: the
 * one in `PUBLIC_URL` when set, and the host the request came to, over http or https. A
 * request without `Origin` is not from another site's page (browsers always send it on the
 * requests checked here), so it is let through: our tests, the benchmark and curl send none.
 */
import type http from "node:http";
import { ProtocolError } from "../lib/protocol/errors";

/** The refusal every foreign origin gets, on sockets and on HTTP. */
export function foreignOriginRefusal(origin: string): ProtocolError {
  return new ProtocolError(
    "FORBIDDEN",
    `Requests from other websites are not accepted (this one came from ${origin.slice(0, 100)}). Open Synapse at its own address.`,
  );
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `scheme://host[:port]` of a URL, lower case, or null when it is not an http(s) URL. */
function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.origin.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The origins that count as ours for a request that arrived with this `Host` header.
 * @example
 * ownOrigins({ host: "192.168.1.20:3000", publicUrl: "https://class.example.org/" });
 * // ["https://class.example.org", "http://192.168.1.20:3000", "https://192.168.1.20:3000"]
 */
export function ownOrigins(options: { host?: string; publicUrl?: string }): string[] {
  const origins: string[] = [];
  const fromPublic = options.publicUrl ? originOf(options.publicUrl) : null;
  if (fromPublic) origins.push(fromPublic);
  const host = options.host?.trim();
  if (host) {
    for (const scheme of ["http", "https"]) {
      const o = originOf(`${scheme}://${host}`);
      if (o && !origins.includes(o)) origins.push(o);
    }
  }
  return origins;
}

/**
 * Whether a request with these headers may go on: no `Origin` at all, or one of ours.
 * `Origin: null` (a sandboxed frame, a file, some redirects) is not ours.
 * @example
 * originAllowed({ origin: "https://evil.example", host: "localhost:3000" }); // false
 * originAllowed({ host: "localhost:3000" }); // true: not sent by a browser page
 */
export function originAllowed(headers: { origin?: string | string[]; host?: string | string[] }, publicUrl?: string): boolean {
  const origin = headerValue(headers.origin);
  if (origin === undefined) return true;
  const normalized = origin.trim().toLowerCase();
  // originOf also lower-cases and drops a default port (:80 on http, :443 on https).
  const canonical = originOf(normalized) ?? normalized;
  return ownOrigins({ host: headerValue(headers.host), publicUrl }).includes(canonical);
}

/**
 * Throws the FORBIDDEN refusal when a request comes from another website's page.
 * @example
 * checkOrigin(req, ctx.publicUrl);
 */
export function checkOrigin(req: Pick<http.IncomingMessage, "headers">, publicUrl?: string): void {
  if (originAllowed(req.headers, publicUrl)) return;
  throw foreignOriginRefusal(headerValue(req.headers.origin) ?? "");
}
