/** Sessions one address may create: enough for a school's teachers, not for a flood. */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ProtocolError } from "../../lib/protocol/errors";
import { BUDGETS } from "./budgets";

export class SessionCreationLimit {
  private readonly short: RateLimiterMemory;
  private readonly day: RateLimiterMemory;

  constructor(scale = 1) {
    this.short = new RateLimiterMemory({ keyPrefix: "sessions10m", points: Math.round(BUDGETS.sessionsShort.points * scale), duration: BUDGETS.sessionsShort.seconds });
    this.day = new RateLimiterMemory({ keyPrefix: "sessions1d", points: Math.round(BUDGETS.sessionsDay.points * scale), duration: BUDGETS.sessionsDay.seconds });
  }

  /**
   * Spends one session from `address`'s budgets; throws RATE_LIMITED when they are spent.
   * @example
   * await limit.charge(address); return rooms.create();
   */
  async charge(address: string): Promise<void> {
    try {
      await Promise.all([this.short.consume(address), this.day.consume(address)]);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const minutes = Math.max(1, Math.ceil(err.msBeforeNext / 60_000));
      throw new ProtocolError(
        "RATE_LIMITED",
        `Too many sessions were started from your network: wait ${minutes} minute${minutes === 1 ? "" : "s"}, or keep using a session you already have.`,
      );
    }
  }
}
