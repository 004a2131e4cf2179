/**
 * Commands per participant, shared by all of its sockets (two tabs or twenty, one budget).
 * Viewers and sockets without a participant share their address's budget. A sender far
 * past its budget is flooding, not dragging a slider: its socket is told and disconnected.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { BUDGETS } from "./budgets";

export type CommandVerdict = "ok" | "slow-down" | "flood";

export class CommandLimits {
  private readonly limiter = new RateLimiterMemory({ keyPrefix: "cmd", points: BUDGETS.commands.points, duration: BUDGETS.commands.seconds });

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
    try {
      await this.limiter.consume(key);
      return "ok";
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      return err.consumedPoints > this.limiter.points * BUDGETS.floodFactor ? "flood" : "slow-down";
    }
  }
}
