/**
 * The two moves every limit here makes with rate-limiter-flexible: build a limiter from a
 * budget (in this process's memory, or in Redis when the process has one), and spend a
 * point from one or more of them, turning "over budget" into the one refusal a client
 * understands (RATE_LIMITED, with a message saying what to do).
 */
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { ProtocolError } from "../../lib/protocol/errors";

export type Limiter = RateLimiterAbstract;

/** Where shared budgets live: the process's Redis client and its key prefix (server/redis.ts). */
export interface LimiterStore {
  client: Redis;
  keyPrefix: string;
}

export interface LimiterOptions {
  /** Multiplies the points (per-address budgets in tests). */
  scale?: number;
  /** Budgets kept in Redis, shared by every process; in memory when absent. */
  store?: LimiterStore;
  /**
   * Redis only: a key that reaches this many points is refused from memory for the rest of
   * its window, without asking Redis (a flooder costs Redis nothing once it is cut off).
   * Refusals from that block carry `consumedPoints` 0.
   */
  blockInMemoryAt?: number;
}

/**
 * A limiter of `budget.points` per `budget.seconds` under `name`. With a store, the count
 * is kept in Redis under `<prefix>rl:<name>:<key>`; while Redis is unreachable (not
 * connected, or slower than its command timeout) the same budget is kept in this process's
 * memory instead (the insurance limiter), so an outage never blocks a class: each process
 * then allows the whole budget on its own.
 * @example
 * const handshakes = limiterFor(BUDGETS.handshakes, "hs", { scale, store });
 */
export function limiterFor(budget: { points: number; seconds: number }, name: string, options: LimiterOptions = {}): Limiter {
  const points = Math.round(budget.points * (options.scale ?? 1));
  const memory = new RateLimiterMemory({ keyPrefix: name, points, duration: budget.seconds });
  if (!options.store) return memory;
  return new RateLimiterRedis({
    storeClient: options.store.client,
    useRedisPackage: false,
    keyPrefix: `${options.store.keyPrefix}rl:${name}`,
    points,
    duration: budget.seconds,
    // Not connected: go to memory at once instead of waiting on the connection.
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
    ...(options.blockInMemoryAt ? { inMemoryBlockOnConsumed: options.blockInMemoryAt } : {}),
  });
}

/**
 * Spends one point of `key` from every limiter, or throws RATE_LIMITED with the message
 * `refusal` writes from the limiter's answer (its `msBeforeNext` says how long to wait).
 * @example
 * await spend([short, day], address, () => "Too many sessions: wait a minute.");
 */
export async function spend(limiters: readonly Limiter[], key: string, refusal: (res: RateLimiterRes) => string): Promise<void> {
  try {
    await Promise.all(limiters.map((l) => l.consume(key)));
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    throw new ProtocolError("RATE_LIMITED", refusal(err));
  }
}
