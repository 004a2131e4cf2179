/**
 * The server as users and operators meet it: health, pages, the realtime handshake and
 * refusals, clean shutdown, and the data directory lock. Runs on PGlite, and on
 * PostgreSQL when DATABASE_URL is set.
 */
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "../../lib/protocol";
import { describeEachDatabase, freshStorage, NO_POSTGRES_REASON, POSTGRES_URL } from "../helpers/databases";
import { runServerToExit, startServer } from "../helpers/server-process";
import { connect, connectRefused, nextEvent, send, sendOk, sendUnchecked, untyped } from "../helpers/socket-client";
import { serverForSuite } from "../helpers/suite-server";

describeEachDatabase("server", (db) => {
  const server = serverForSuite(db);

  it("answers /api/health with ok and the database kind", async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ ok: true, db });
  });

  it("serves the home page from the same port", async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Host a class");
    expect(html).toContain("Join code");
  });

  it("accepts a socket that speaks the protocol version and answers a ping", async () => {
    const socket = await connect(server.url);
    const ack = await sendOk(socket, "system:ping", { clientTime: 1234 });
    expect(ack.clientTime).toBe(1234);
    expect(Math.abs(ack.serverTime - Date.now())).toBeLessThan(5000);
    socket.close();
  });

  it("refuses another protocol version with a clear error", async () => {
    const refused = await connectRefused(server.url, { protocolVersion: PROTOCOL_VERSION + 1 });
    expect(refused.data).toMatchObject({ code: "PROTOCOL_MISMATCH", serverProtocolVersion: PROTOCOL_VERSION });
    expect(refused.message).toMatch(/Reload the page/);
  });

  it("refuses a handshake without a protocol version", async () => {
    const refused = await connectRefused(server.url, { protocolVersion: "one" });
    expect(refused.data).toMatchObject({ code: "BAD_REQUEST" });
    expect(refused.message).toMatch(/protocolVersion/);
  });

  it("refuses a bad payload with a code and a message, and the socket and others carry on", async () => {
    const a = await connect(server.url);
    const b = await connect(server.url);
    const bad = await sendUnchecked(a, "system:ping", { clientTime: "soon" });
    expect(bad).toEqual({ ok: false, error: { code: "BAD_REQUEST", message: expect.stringMatching(/clientTime/) } });
    const extra = await sendUnchecked(a, "system:ping", { clientTime: 1, admin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect((await send(a, "system:ping", { clientTime: 2 })).ok).toBe(true);
    expect((await send(b, "system:ping", { clientTime: 3 })).ok).toBe(true);
    a.close();
    b.close();
  });

  it("answers an unknown event and a missing acknowledgement with system:error", async () => {
    const socket = await connect(server.url);
    const unknown = nextEvent(socket, "system:error");
    untyped(socket).emit("teacher:become", { please: true });
    expect(await unknown).toMatchObject({ code: "UNKNOWN_EVENT", event: "teacher:become" });
    const noAck = nextEvent(socket, "system:error");
    untyped(socket).emit("system:ping", { clientTime: 1 });
    expect(await noAck).toMatchObject({ code: "BAD_REQUEST", event: "system:ping" });
    expect((await send(socket, "system:ping", { clientTime: 2 })).ok).toBe(true);
    socket.close();
  });

  it("drops a socket that sends an oversized message, and keeps serving others", async () => {
    const big = await connect(server.url);
    const other = await connect(server.url);
    const closed = new Promise<string>((resolve) => big.once("disconnect", resolve));
    untyped(big).emit("system:ping", { clientTime: 1, pad: "x".repeat(200_000) }, () => {});
    expect(await closed).toMatch(/transport/);
    expect((await send(other, "system:ping", { clientTime: 1 })).ok).toBe(true);
    other.close();
  });
});

describe("process lifecycle on PGlite", () => {
  it("stops cleanly on SIGTERM, releasing the data directory for the next process", async () => {
    const storage = await freshStorage("pglite");
    try {
      const first = await startServer(storage.env);
      const socket = await connect(first.url);
      const disconnected = new Promise((resolve) => socket.once("disconnect", resolve));
      expect(await first.stop()).toBe(0);
      await disconnected;
      expect(first.output()).toContain("Synapse stopped");
      const second = await startServer(storage.env);
      expect((await (await fetch(`${second.url}/api/health`)).json()).ok).toBe(true);
      expect(await second.stop()).toBe(0);
    } finally {
      await storage.dispose();
    }
  });

  it("refuses a second process on the same data directory with a clear message", async () => {
    const storage = await freshStorage("pglite");
    try {
      const first = await startServer(storage.env);
      const second = await runServerToExit(storage.env);
      expect(second.code).not.toBe(0);
      expect(second.output).toMatch(/in use by another Synapse process/);
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
      await first.stop();
    } finally {
      await storage.dispose();
    }
  });

  it("refuses REDIS_URL without DATABASE_URL at boot", async () => {
    const result = await runServerToExit({ REDIS_URL: "redis://127.0.0.1:6379", DATA_DIR: "/tmp/unused" });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/set DATABASE_URL too/);
  });
});

describe.skipIf(!POSTGRES_URL)(POSTGRES_URL ? "health when PostgreSQL stops answering" : NO_POSTGRES_REASON, () => {
  it("answers 503 with a reason while the database refuses connections, and 200 again after", async () => {
    const storage = await freshStorage("postgres");
    const dbName = new URL(storage.env.DATABASE_URL!).pathname.slice(1);
    const admin = postgres(POSTGRES_URL!, { max: 1, onnotice: () => {} });
    try {
      const server = await startServer(storage.env);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      await admin.unsafe(`alter database ${dbName} allow_connections false`);
      await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${dbName}'`);
      const down = await fetch(`${server.url}/api/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ ok: false, db: "postgres", reason: expect.any(String) });
      await admin.unsafe(`alter database ${dbName} allow_connections true`);
      await expect.poll(async () => (await fetch(`${server.url}/api/health`)).status, { timeout: 15_000 }).toBe(200);
      await server.stop();
    } finally {
      await admin.unsafe(`alter database ${dbName} allow_connections true`).catch(() => {});
      await admin.end();
      await storage.dispose();
    }
  });
});
