/**
 * RETENTION_DAYS: sessions older than the window are deleted with their tokens. A window of
 * a few seconds (RETENTION_DAYS accepts fractions) lets a restart's first sweep show it.
 */
import { expect, it } from "vitest";
import { hostSession } from "../helpers/classroom";
import { freshStorage } from "../helpers/databases";
import { startServer } from "../helpers/server-process";
import { connectRefused } from "../helpers/socket-client";
import { waitFor } from "../helpers/wait";

const WINDOW_MS = 2_000;
const WINDOW_IN_DAYS = WINDOW_MS / 86_400_000;

it("deletes a session older than RETENTION_DAYS at the next sweep, tokens and code included", async () => {
  const storage = await freshStorage("pglite");
  const env = { ...storage.env, RETENTION_DAYS: String(WINDOW_IN_DAYS) };
  try {
    let server = await startServer(env);
    const host = await hostSession(server.url);
    // The session's creation time is no later than this moment (same machine, same clock).
    const hostedBy = Date.now();
    expect((await fetch(`${server.url}/api/join/${host.code}`)).status).toBe(200);
    await server.stop();
    // The sweep runs at boot: boot again only once the session is past the window.
    await waitFor("the session to age past the retention window", () => Date.now() > hostedBy + WINDOW_MS, {
      timeoutMs: WINDOW_MS + 1_000,
    });
    server = await startServer(env);
    await expect
      .poll(async () => (await fetch(`${server.url}/api/join/${host.code}`)).status, { timeout: 15_000 })
      .toBe(404);
    const refused = await connectRefused(server.url, { token: host.teacherToken });
    expect(refused.data).toMatchObject({ code: "UNAUTHENTICATED" });
    const fresh = await hostSession(server.url);
    expect((await fetch(`${server.url}/api/join/${fresh.code}`)).status).toBe(200);
    await server.stop();
  } finally {
    await storage.dispose();
  }
});
