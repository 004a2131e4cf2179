/**
 * The process's one Redis client (REDIS_URL), shared by everything that keeps state in
 * Redis: today the rate limits (server/limits), later the Socket.IO adapter.
 *
 * Redis is never allowed to stall the process. Commands are not queued while the client is
 * not connected (they fail at once, and the limits fall back to memory), a command waits at
 * most COMMAND_TIMEOUT_MS, and a connection that stops answering is dropped after
 * SOCKET_TIMEOUT_MS and dialled again. Losing and regaining Redis is logged once each way,
 * not once per reconnection attempt.
 */
import { Redis } from "ioredis";
import type { Logger } from "./logger";

/** A command's longest wait before the caller falls back (the limits: to memory). */
export const COMMAND_TIMEOUT_MS = 250;
/** A connection with a command outstanding and no reply for this long is dropped and redialled. */
export const SOCKET_TIMEOUT_MS = 1_000;

export interface RedisConnection {
  readonly client: Redis;
  /** Prefix of every key this process writes, e.g. `synapse:` (REDIS_KEY_PREFIX). */
  readonly keyPrefix: string;
  /** True while commands can be sent. */
  ready(): boolean;
  close(): Promise<void>;
}

/**
 * Connects to `url` in the background: the server starts whether or not Redis answers yet.
 * @example
 * const redis = connectRedis(config.redisUrl, config.redisKeyPrefix, log);
 * await redis.close();
 */
export function connectRedis(url: string, keyPrefix: string, log: Logger): RedisConnection {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    connectTimeout: 2_000,
    // Commands issued in the same tick (a handshake's several limits) go out in one write.
    enableAutoPipelining: true,
    // Redial quickly at first, then every 2 s.
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
  let wasReady = false;
  let warned = false;
  client.on("ready", () => {
    wasReady = true;
    if (warned) log.info("Redis is back: rate limits are shared again");
    warned = false;
  });
  const lost = (err?: Error) => {
    if (warned || closing) return;
    warned = true;
    log.warn(
      { err: err?.message },
      wasReady
        ? "Redis is unreachable: rate limits fall back to this process's memory until it answers again"
        : "Redis does not answer yet: rate limits use this process's memory until it does",
    );
  };
  // ioredis emits an error on every failed attempt; one warning per outage is enough.
  client.on("error", (err: Error) => lost(err));
  client.on("close", () => lost());
  let closing = false;

  return {
    client,
    keyPrefix,
    ready: () => client.status === "ready",
    close: async () => {
      closing = true;
      try {
        if (client.status === "ready") await client.quit();
      } catch {
        // Quitting a connection that just broke: disconnecting below is enough.
      }
      client.disconnect();
    },
  };
}

/**
 * Resolves once `redis` is ready, or after `ms` whatever its state (the caller goes on; the
 * limits fall back to memory and sessions answer "try again" until Redis is back).
 */
export function waitForRedis(redis: RedisConnection, ms: number): Promise<void> {
  if (redis.ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      redis.client.off("ready", done);
      resolve();
    }
    redis.client.once("ready", done);
  });
}
