/**
 * The two moves every limit here makes with rate-limiter-flexible: build an in-memory
 * limiter from a budget, and spend a point from one or more of them, turning "over budget"
 * into the one refusal a client understands (RATE_LIMITED, with a message saying what to do).
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ProtocolError } from "../../lib/protocol/errors";

/**
 * A limiter of `budget.points` per `budget.seconds`, the points multiplied by `scale`.
 * @example
 * const handshakes = limiterFor(BUDGETS.handshakes, "hs", scale);
 */
export function limiterFor(budget: { points: number; seconds: number }, prefix: string, scale = 1): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: prefix, points: Math.round(budget.points * scale), duration: budget.seconds });
}

/**
 * Spends one point of `key` from every limiter, or throws RATE_LIMITED with the message
 * `refusal` writes from the limiter's answer (its `msBeforeNext` says how long to wait).
 * @example
 * await spend([short, day], address, () => "Too many sessions: wait a minute.");
 */
export async function spend(limiters: readonly RateLimiterMemory[], key: string, refusal: (res: RateLimiterRes) => string): Promise<void> {
  try {
    await Promise.all(limiters.map((l) => l.consume(key)));
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    throw new ProtocolError("RATE_LIMITED", refusal(err));
  }
}
