/** Sessions one address may create: enough for a school's teachers, not for a flood. */
import { BUDGETS } from "./budgets";
import { limiterFor, spend, type Limiter, type LimiterStore } from "./spend";

export class SessionCreationLimit {
  private readonly short: Limiter;
  private readonly day: Limiter;

  constructor(scale = 1, store?: LimiterStore) {
    this.short = limiterFor(BUDGETS.sessionsShort, "sessions10m", { scale, store });
    this.day = limiterFor(BUDGETS.sessionsDay, "sessions1d", { scale, store });
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
