/**
 * Only our own pages may talk to us, against the real server: a socket handshake or a POST
 * from another website's page (its `Origin`) is refused with FORBIDDEN; our own origins
 * (PUBLIC_URL, and the host the request came to over http or https) and clients that send
 * no Origin at all are let in. Routes that read no body refuse a non-JSON one.
 */
import { io, type Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { connectErrorDataSchema, PROTOCOL_VERSION } from "../../lib/protocol";
import { createSessionResponseSchema, errorResponseSchema } from "../../lib/protocol/http";
import { serverForSuite } from "../helpers/suite-server";

const PUBLIC_URL = "https://class.example.org";
const EVIL = "https://evil.example";

type Outcome = { connected: true } | { connected: false; code: string | undefined; message: string };

/** Opens a socket with these headers and reports whether the server let it in. */
function tryConnect(url: string, headers: Record<string, string>, auth: Record<string, unknown> = {}, transport: "websocket" | "polling" = "websocket"): Promise<Outcome> {
  const socket: Socket = io(url, {
    transports: [transport],
    reconnection: false,
    forceNew: true,
    extraHeaders: headers,
    auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
  });
  return new Promise((resolve) => {
    socket.once("connect", () => {
      socket.close();
      resolve({ connected: true });
    });
    socket.once("connect_error", (err: Error & { data?: unknown }) => {
      socket.close();
      const data = connectErrorDataSchema.safeParse(err.data);
      resolve({ connected: false, code: data.success ? data.data.code : undefined, message: data.success ? data.data.message : err.message });
    });
  });
}

describe("other websites' pages", () => {
  const server = serverForSuite("pglite", { PUBLIC_URL });

  const post = (path: string, headers: Record<string, string> = {}, body?: string) =>
    fetch(`${server.url}${path}`, { method: "POST", headers, body });

  async function expectForbidden(res: Response) {
    expect(res.status).toBe(403);
    const { error } = errorResponseSchema.parse(await res.json());
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/other websites/);
  }

  it("refuses a socket from another site's page, over WebSocket and over polling, with or without a token", async () => {
    const host = createSessionResponseSchema.parse(await (await post("/api/sessions")).json());
    for (const transport of ["websocket", "polling"] as const) {
      const refused = await tryConnect(server.url, { origin: EVIL }, {}, transport);
      expect(refused).toEqual({ connected: false, code: "FORBIDDEN", message: expect.stringMatching(/other websites/) });
      // The teacher's own token does not help another site's page.
      expect(await tryConnect(server.url, { origin: EVIL }, { token: host.teacherToken }, transport)).toMatchObject({ connected: false, code: "FORBIDDEN" });
      expect(await tryConnect(server.url, { origin: EVIL }, { watch: host.code }, transport)).toMatchObject({ connected: false, code: "FORBIDDEN" });
    }
    // A sandboxed frame or a file says "null"; a look-alike host is another site.
    expect(await tryConnect(server.url, { origin: "null" })).toMatchObject({ connected: false, code: "FORBIDDEN" });
    const port = new URL(server.url).port;
    expect(await tryConnect(server.url, { origin: `http://127.0.0.1.evil.example:${port}` })).toMatchObject({ connected: false, code: "FORBIDDEN" });
    expect(await tryConnect(server.url, { origin: `http://127.0.0.1:${Number(port) + 1}` })).toMatchObject({ connected: false, code: "FORBIDDEN" });
  });

  it("lets in our own pages (the host asked for, over http or https, and PUBLIC_URL) and clients without an Origin", async () => {
    const host = createSessionResponseSchema.parse(await (await post("/api/sessions")).json());
    const own = new URL(server.url).origin;
    for (const origin of [own, own.replace("http:", "https:"), PUBLIC_URL, `${PUBLIC_URL.toUpperCase()}`]) {
      expect(await tryConnect(server.url, { origin }, { token: host.teacherToken }), origin).toEqual({ connected: true });
      expect(await tryConnect(server.url, { origin }, {}, "polling"), origin).toEqual({ connected: true });
    }
    expect(await tryConnect(server.url, {}, { token: host.teacherToken })).toEqual({ connected: true });
  });

  it("refuses hosting and joining posted from another site's page, and takes them from ours", async () => {
    await expectForbidden(await post("/api/sessions", { origin: EVIL }));
    const hosted = await post("/api/sessions", { origin: PUBLIC_URL });
    expect(hosted.status).toBe(201);
    const { code } = createSessionResponseSchema.parse(await hosted.json());

    const json = { "content-type": "application/json" };
    const body = JSON.stringify({ nickname: "Ada" });
    await expectForbidden(await post(`/api/join/${code}`, { ...json, origin: EVIL }, body));
    await expectForbidden(await post(`/api/join/${code}/handback`, { ...json, origin: EVIL }, body));
    await expectForbidden(await post(`/api/join/${code}`, { ...json, origin: "null" }, body));
    expect((await post(`/api/join/${code}`, { ...json, origin: new URL(server.url).origin }, body)).status).toBe(201);
    // Reading is not changing: a look-up from anywhere is answered (without CORS headers, another site's page cannot read it).
    const lookup = await fetch(`${server.url}/api/join/${code}`, { headers: { origin: EVIL } });
    expect(lookup.status).toBe(200);
    expect(lookup.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses bodies a cross-site form can send without asking (text/plain, urlencoded, multipart)", async () => {
    const { code } = createSessionResponseSchema.parse(await (await post("/api/sessions")).json());
    const forms: Record<string, string> = {
      "text/plain": '{"nickname":"Ben"}',
      "application/x-www-form-urlencoded": "nickname=Ben",
      "multipart/form-data; boundary=x": '--x\r\nContent-Disposition: form-data; name="nickname"\r\n\r\nBen\r\n--x--\r\n',
    };
    for (const [type, body] of Object.entries(forms)) {
      for (const path of ["/api/sessions", `/api/join/${code}`]) {
        const res = await post(path, { "content-type": type }, body);
        expect(res.status, `${type} → ${path}`).toBe(400);
        const { error } = errorResponseSchema.parse(await res.json());
        expect(error).toEqual({ code: "BAD_REQUEST", message: expect.stringMatching(/application\/json/) });
      }
    }
    // Hosting with an empty JSON body, or none, still works.
    expect((await post("/api/sessions", { "content-type": "application/json" }, "")).status).toBe(201);
    expect((await post("/api/sessions")).status).toBe(201);
  });
});
