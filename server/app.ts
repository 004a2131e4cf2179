/**
 * Boots one Synapse process: an HTTP server that answers health checks from the first
 * moment, then the database (migrated), Next.js and Socket.IO on the same port.
 */
import http from "node:http";
import { fileURLToPath } from "node:url";
import next from "next";
import { openDatabase, setProcessDatabase, type Database } from "../db/client";
import { CommitQueue } from "./rooms/commit-queue";
import { SqlStorage } from "../db/sql-storage";
import type { Config } from "./config";
import { handleHealth, type Lifecycle } from "./health";
import { handleApi, type ApiContext } from "./http/handle-api";
import { Limits } from "./limits";
import type { Logger } from "./logger";
import { connectRedis, waitForRedis, type RedisConnection } from "./redis";
import { PHONE_URL_PREFIX, phoneBundleDir, servePhoneFile } from "./phone-bundle";
import { PYTHON_URL_PREFIX, servePythonFile } from "./python-runtime";
import { ReplayReader } from "./replay/reader";
import { startRetention } from "./retention";
import { applySecurityHeaders, securityHeaders } from "./security-headers";
import { RoomManager } from "./rooms/room-manager";
import { SessionLeases } from "./rooms/session-lease";
import { Forwarder } from "./rooms/forwarder";
import { ForwardedClients, serveForwarded } from "./rooms/forwarded";
import { RemoteRooms } from "./rooms/remote-room";
import { startGrading } from "./grading";
import { attachSocketServer, channelNames, type SynapseServer } from "./socket";
import { socketAdapter, type SocketAdapter } from "./socket-adapter";

const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the app and resolves once it takes sessions.
 * @example
 * const app = await startApp(readConfig(process.env, { dev: false }), createLogger("info"));
 * await app.close();
 */
export async function startApp(config: Config, log: Logger): Promise<RunningApp> {
  let lifecycle: Lifecycle = "starting";
  let database: Database | undefined;
  let handleNext: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | undefined;
  let api: ApiContext | undefined;
  // Declared before the server listens: health reads the rooms' commit health once they exist.
  let rooms: RoomManager | undefined;
  const phoneDir = phoneBundleDir();
  const headers = securityHeaders({ dev: config.dev });

  const server = http.createServer((req, res) => {
    applySecurityHeaders(res, headers);
    if (req.url === "/api/health" || req.url?.startsWith("/api/health?")) {
      void handleHealth(res, lifecycle, database, () => rooms?.health.problem() ?? null);
      return;
    }
    if (!handleNext || lifecycle !== "ready") {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "2" });
      res.end(lifecycle === "stopping" ? "Synapse is shutting down." : "Synapse is starting, try again in a moment.");
      return;
    }
    const serve = async () => {
      if (api && req.url?.startsWith("/api/")) return handleApi(req, res, api);
      // The student's page's own bundle (scripts/build-phone.mjs), outside Next's /_next/.
      if (req.url?.startsWith(PHONE_URL_PREFIX)) return servePhoneFile(req, res, phoneDir);
      // The browser's Python for "Try it live", from node_modules/pyodide.
      if (req.url?.startsWith(PYTHON_URL_PREFIX)) return servePythonFile(req, res);
      await handleNext!(req, res);
    };
    serve().catch((err) => {
      log.error({ err, url: req.url }, "page failed");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}`;

  let io: SynapseServer | undefined;
  let stopRetention: (() => void) | undefined;
  let grader: ReturnType<typeof startGrading> | undefined;
  let nextApp: ReturnType<typeof next> | undefined;
  let forwarder: Forwarder | undefined;
  let remote: RemoteRooms | undefined;
  let forwardedClients: ForwardedClients | undefined;
  // With REDIS_URL, several processes share their rate budgets through Redis.
  const redis: RedisConnection | undefined = config.redisUrl ? connectRedis(config.redisUrl, config.redisKeyPrefix, log) : undefined;
  // ...and their sockets' channels through the Redis Streams adapter.
  const shared: SocketAdapter | undefined = config.redisUrl ? socketAdapter(config.redisUrl, config.redisKeyPrefix, log) : undefined;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    setProcessDatabase(database);
    log.info({ db: database.kind }, "database ready");

    nextApp = next({ dev: config.dev, dir: PROJECT_ROOT, hostname: "localhost", port, customServer: true });
    await nextApp.prepare();
    handleNext = nextApp.getRequestHandler();
    const handleUpgrade = nextApp.getUpgradeHandler();
    server.on("upgrade", (req, socket, head) => {
      if (req.url?.startsWith("/socket.io/")) return;
      handleUpgrade(req, socket, head).catch((err: unknown) => {
        log.warn({ err, url: req.url }, "upgrade failed");
        socket.destroy();
      });
    });

    const storage = new SqlStorage(database.db, { oneConnection: database.kind === "pglite" });
    const limits = new Limits({ trustedProxy: config.trustedProxy, scale: config.limitScale, store: redis });
    let ioRef: SynapseServer | undefined;
    grader = startGrading(log);
    // With REDIS_URL, a session is run by the one process holding its lease (docs/scaling.md).
    const leases = redis
      ? new SessionLeases({ redis: redis.client, keyPrefix: redis.keyPrefix, onLost: (id) => void rooms?.stepDown(id, "its lease was lost") })
      : undefined;
    // Sockets of a session another process owns: their commands go to the owner and back.
    forwarder = redis && leases ? new Forwarder(redis, config.redisUrl!, leases.owner, log) : undefined;
    remote = forwarder && leases ? new RemoteRooms(forwarder, leases, log) : undefined;
    rooms = new RoomManager({
      leases,
      remote,
      storage,
      // PGlite runs one transaction at a time; PostgreSQL takes a few at once on pooled connections.
      commits: new CommitQueue(storage, { inFlight: database.kind === "postgres" ? 4 : 1 }),
      log,
      grading: grader.grading,
      snapshotEvery: config.snapshotEvery,
      deliverTo: (sessionId) => (channel, message) => ioRef?.to(channelNames(sessionId, channel)).emit(message.event, message.payload as never),
    });
    io = attachSocketServer(server, { rooms, storage, limits, log, publicUrl: config.publicUrl, ...(shared ? { adapter: shared.adapter } : {}) });
    ioRef = io;
    if (forwarder && leases) {
      forwardedClients = new ForwardedClients(rooms, leases);
      forwarder.serve(
        serveForwarded(
          rooms,
          {
            sendTo: (socketId, message) => io?.to(socketId).emit(message.event, message.payload as never),
            closeSocket: (socketId) => io?.in(socketId).disconnectSockets(true),
          },
          forwardedClients,
        ),
      );
    }
    const replays = new ReplayReader(storage);
    api = { rooms, storage, replays, limits, log, publicUrl: config.publicUrl, port };
    stopRetention = startRetention({ storage, rooms, replays, log, retentionDays: config.retentionDays });
  } catch (err) {
    server.close();
    await grader?.close();
    await database?.close().catch(() => {});
    remote?.close();
    forwardedClients?.close();
    forwarder?.close();
    await redis?.close();
    await shared?.close();
    throw err;
  }
  // Sessions need Redis for their leases: give it a few seconds to answer before saying ready.
  if (redis) await waitForRedis(redis, 5_000);
  lifecycle = "ready";
  log.info({ url, port, dev: config.dev }, "Synapse is ready");

  return {
    url,
    close: async () => {
      if (lifecycle === "stopping") return;
      lifecycle = "stopping";
      server.closeIdleConnections();
      stopRetention?.();
      await rooms?.flushAll();
      await new Promise<void>((resolve) => {
        // io.close() disconnects every socket and closes the HTTP server.
        if (io) io.close(() => resolve());
        else server.close(() => resolve());
        setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, 3000).unref();
      });
      await nextApp?.close().catch((err) => log.warn({ err }, "next did not close cleanly"));
      await grader?.close();
      await database?.close();
      setProcessDatabase(undefined);
      remote?.close();
      forwardedClients?.close();
      forwarder?.close();
      await redis?.close();
      await shared?.close();
      log.info("Synapse stopped");
    },
  };
}
