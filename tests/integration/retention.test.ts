/**
 * RETENTION_DAYS: sessions older than the window are deleted with their tokens. A window of
 * a few seconds (RETENTION_DAYS accepts fractions) lets a restart's first sweep show it.
 */
import { expect, it } from "vitest";
import { hostSession } from "../helpers/classroom";
import { freshStorage } from "../helpers/databases";
import { startServer } from "../helpers/server-process";
import { connectRefused } from "../helpers/socket-client";

const TWO_SECONDS_IN_DAYS = 2 / 86_400;

it("deletes a session older than RETENTION_DAYS at the next sweep, tokens and code included", async () => {
  const storage = await freshStorage("pglite");
  const env = { ...storage.env, RETENTION_DAYS: String(TWO_SECONDS_IN_DAYS) };
  try {
    let server = await startServer(env);
    const host = await hostSession(server.url);
    expect((await fetch(`${server.url}/api/join/${host.code}`)).status).toBe(200);
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 2500)); // let the session age past the window
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
