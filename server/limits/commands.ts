/**
 * Commands per participant, shared by all of its sockets (two tabs or twenty, one budget).
 * Viewers and sockets without a participant share their address's budget. A sender far
 * past its budget is flooding, not dragging a slider: its socket is told and disconnected.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { BUDGETS } from "./budgets";

export type CommandVerdict = "ok" | "slow-down" | "flood";

export class CommandLimits {
  private readonly participants: RateLimiterMemory;
  private readonly addresses: RateLimiterMemory;

  /** `scale` multiplies the budget of senders keyed by address (tests only), never a participant's. */
  constructor(scale = 1) {
    const { points, seconds } = BUDGETS.commands;
    this.participants = new RateLimiterMemory({ keyPrefix: "cmd", points, duration: seconds });
    this.addresses = new RateLimiterMemory({ keyPrefix: "cmda", points: Math.round(points * scale), duration: seconds });
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
      return err.consumedPoints > limiter.points * BUDGETS.floodFactor ? "flood" : "slow-down";
    }
  }
}
