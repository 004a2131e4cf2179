/**
 * Commands per participant, shared by all of its sockets (two tabs or twenty, one budget),
 * and by every process when the budgets are kept in Redis. Viewers and sockets without a
 * participant share their address's budget. A sender far past its budget is flooding, not
 * dragging a slider: its socket is told and disconnected.
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { BUDGETS } from "./budgets";
import { limiterFor, type Limiter, type LimiterStore } from "./spend";

export type CommandVerdict = "ok" | "slow-down" | "flood";

export class CommandLimits {
  private readonly participants: Limiter;
  private readonly addresses: Limiter;
  private readonly floodAt: number;

  /** `scale` multiplies the budget of senders keyed by address (tests only), never a participant's. */
  constructor(scale = 1, store?: LimiterStore) {
    const { points } = BUDGETS.commands;
    this.floodAt = points * BUDGETS.floodFactor;
    // A flooder's later messages are refused from memory: one flood costs Redis at most
    // floodAt + 1 round trips a window, however many messages it sends.
    this.participants = limiterFor(BUDGETS.commands, "cmd", { store, blockInMemoryAt: this.floodAt + 1 });
    this.addresses = limiterFor(BUDGETS.commands, "cmda", { scale, store, blockInMemoryAt: Math.round(this.floodAt * scale) + 1 });
  }

  /** The key of a sender: its participant, or its address when it has none. */
  static key(participantId: string | null, address: string): string {
    return participantId ? `p:${participantId}` : `a:${address}`;
  }

  /**
   * Charges one command to `key`.
   * @example
   * if ((await limits.charge(key)) !== "ok") reply(errorAck(new ProtocolError("RATE_LIMITED", "…")));
   */
  async charge(key: string): Promise<CommandVerdict> {
    const limiter = key.startsWith("p:") ? this.participants : this.addresses;
    try {
      await limiter.consume(key);
      return "ok";
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      // consumedPoints 0: refused from the in-memory block, which only a flood reaches.
      const flooding = err.consumedPoints === 0 || err.consumedPoints > limiter.points * BUDGETS.floodFactor;
      return flooding ? "flood" : "slow-down";
    }
  }
}
