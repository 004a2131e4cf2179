/**
 * Headers every response carries, pages, API answers, the phone's bundle and health alike:
 * a content security policy, no MIME sniffing, no Referer (a join link's code or a
 * dashboard's session id never leaves in it) and no framing by any site.
 */
import type http from "node:http";

/**
 * The content security policy. Scripts come from our own origin; `'unsafe-inline'` lets
 * Next's inline bootstrap run (its nonce support needs every page rendered per request,
 * and the home page is prerendered); `'wasm-unsafe-eval'` lets WebAssembly compile without
 * allowing `eval`. Styles allow inline `style` attributes (React renders them); the QR code
 * is a `data:` image; sockets and fetches go to our own host only (`'self'` covers ws/wss
 * there). Development adds `'unsafe-eval'`, which Next's dev runtime needs.
 * @example
 * contentSecurityPolicy({ dev: false }); // "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; ..."
 */
export function contentSecurityPolicy(options: { dev: boolean }): string {
  const script = ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'", ...(options.dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers, built once per process. */
export function securityHeaders(options: { dev: boolean }): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    // For browsers older than frame-ancestors.
    "x-frame-options": "DENY",
  };
}

/**
 * Sets the headers on a response before anyone writes it; later `writeHead` calls keep them.
 * @example
 * const headers = securityHeaders({ dev: false });
 * http.createServer((req, res) => { applySecurityHeaders(res, headers); ... });
 */
export function applySecurityHeaders(res: http.ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
