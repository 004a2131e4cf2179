/** Sessions one address may create: enough for a school's teachers, not for a flood. */
import type { RateLimiterMemory } from "rate-limiter-flexible";
import { BUDGETS } from "./budgets";
import { limiterFor, spend } from "./spend";

export class SessionCreationLimit {
  private readonly short: RateLimiterMemory;
  private readonly day: RateLimiterMemory;

  constructor(scale = 1) {
    this.short = limiterFor(BUDGETS.sessionsShort, "sessions10m", scale);
    this.day = limiterFor(BUDGETS.sessionsDay, "sessions1d", scale);
  }

  /**
   * Spends one session from `address`'s budgets; throws RATE_LIMITED when they are spent.
   * @example
   * await limit.charge(address); return rooms.create();
   */
  async charge(address: string): Promise<void> {
    await spend([this.short, this.day], address, (res) => {
      const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
      return `Too many sessions were started from your network: wait ${minutes} minute${minutes === 1 ? "" : "s"}, or keep using a session you already have.`;
    });
  }
}
