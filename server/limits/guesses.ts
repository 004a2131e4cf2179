/**
 * Slows join-code guessing on every path that takes a code. The charge comes before the
 * look-up: each look-up spends one wrong-code point from the caller's short and daily
 * budgets and gets it back when the code was live, so a class typing the right code costs
 * nothing while a guesser learns an answer only when it has a point to spend. A global
 * budget of wrong codes holds back many addresses together.
 */
import type { RateLimiterRes } from "rate-limiter-flexible";
import { ProtocolError } from "../../lib/protocol/errors";
import { BUDGETS } from "./budgets";
import { limiterFor, type Limiter, type LimiterStore } from "./spend";

const GLOBAL_KEY = "all";

function wait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  if (minutes <= 1) return "a minute";
  if (minutes < 120) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}

function isRes(err: unknown): err is RateLimiterRes {
  return typeof err === "object" && err !== null && "msBeforeNext" in err && !(err instanceof Error);
}

export class GuessGuard {
  private readonly lookups: Limiter;
  private readonly wrongShort: Limiter;
  private readonly wrongDay: Limiter;
  private readonly wrongGlobal: Limiter;

  /** With `store`, every budget here (the global one too) is shared by all processes. */
  constructor(scale = 1, store?: LimiterStore) {
    const make = (b: { points: number; seconds: number }, name: string) => limiterFor(b, name, { scale, store });
    this.lookups = make(BUDGETS.lookups, "lookup");
    this.wrongShort = make(BUDGETS.wrongShort, "wrong10m");
    this.wrongDay = make(BUDGETS.wrongDay, "wrong1d");
    this.wrongGlobal = make(BUDGETS.wrongGlobal, "wrongAll");
  }

  /**
   * Runs `find` (the look-up of one code) for `address` if its budgets allow; a
   * `NOT_FOUND` from `find` is a wrong code and keeps its charge.
   * @example
   * const room = await guard.lookUp(address, () => rooms.findLive(code));
   */
  async lookUp<T>(address: string, find: () => Promise<T>): Promise<T> {
    try {
      await this.lookups.consume(address);
    } catch (err) {
      if (isRes(err)) throw new ProtocolError("RATE_LIMITED", `Too many requests from your network: wait ${wait(err.msBeforeNext)}, then try again.`);
      throw err;
    }
    let short: RateLimiterRes;
    try {
      [short] = await Promise.all([this.wrongShort.consume(address), this.wrongDay.consume(address)]);
    } catch (err) {
      if (isRes(err)) {
        throw new ProtocolError(
          "RATE_LIMITED",
          `Too many wrong codes from your network: wait ${wait(err.msBeforeNext)}, then check the code on the projector and try again.`,
        );
      }
      throw err;
    }
    // Everyone's wrong codes are spent: only addresses without a mistake this window go on.
    if (short.consumedPoints > 1) {
      const global = await this.wrongGlobal.get(GLOBAL_KEY);
      if (global && global.consumedPoints >= this.wrongGlobal.points) {
        throw new ProtocolError(
          "RATE_LIMITED",
          `Too many wrong codes are being tried right now: wait ${wait(Math.min(global.msBeforeNext, short.msBeforeNext))}, then check the code and try again.`,
        );
      }
    }
    let result: T;
    try {
      result = await find();
    } catch (err) {
      if (err instanceof ProtocolError && err.code === "NOT_FOUND") await this.wrongGlobal.penalty(GLOBAL_KEY);
      else await this.refund(address);
      throw err;
    }
    await this.refund(address);
    return result;
  }

  private async refund(address: string): Promise<void> {
    await Promise.all([this.wrongShort.reward(address), this.wrongDay.reward(address)]);
  }
}
