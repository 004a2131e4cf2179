/**
 * The Socket.IO Redis Streams adapter (REDIS_URL): what a process sends to a channel
 * (`s:<session>:k:<kind>`, `s:<session>:p:<participant>`) reaches that channel's sockets on
 * every process, so a room's broadcasts and its messages to one participant do not depend on
 * where the sockets are connected.
 *
 * The adapter has a Redis connection of its own: it blocks on XREAD, which the shared
 * client's short command timeout (server/redis.ts) would cut, and its commands wait for
 * Redis to come back instead of failing at once. Its stream, channels and session keys are
 * under REDIS_KEY_PREFIX.
 */
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import type { Logger } from "./logger";

export interface SocketAdapter {
  /** For Socket.IO's `adapter` option. */
  readonly adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/**
 * @example
 * const shared = socketAdapter(config.redisUrl, config.redisKeyPrefix, log);
 * new Server(httpServer, { adapter: shared.adapter });
 */
export function socketAdapter(url: string, keyPrefix: string, log: Logger): SocketAdapter {
  const client = new Redis(url, {
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 100, 2_000),
  });
  // ioredis reports every failed attempt; server/redis.ts already warns once per outage.
  client.on("error", (err: Error) => log.debug({ err: err.message }, "socket adapter: Redis error"));
  const adapter = createAdapter(client, {
    streamName: `${keyPrefix}socket.io`,
    channelPrefix: `${keyPrefix}socket.io`,
    sessionKeyPrefix: `${keyPrefix}sio:session:`,
    onlyPlaintext: true,
  });
  return {
    adapter,
    close: async () => {
      try {
        if (client.status === "ready") await client.quit();
      } catch {
        // The connection broke while quitting: disconnecting is enough.
      }
      client.disconnect();
    },
  };
}
