/**
 * The process's limits (docs/security.md, "Guessing and floods"): join-code guessing,
 * sessions created, sockets and commands, all kept in this process's memory.
 */
import type http from "node:http";
import { clientAddress, type TrustedProxy } from "./client-address";
import { CommandLimits } from "./commands";
import { GuessGuard } from "./guesses";
import { SessionCreationLimit } from "./sessions";
import { SocketLimits } from "./sockets";

export { BUDGETS } from "./budgets";
export { CommandLimits, type CommandVerdict } from "./commands";
export { GuessGuard } from "./guesses";

export interface LimitOptions {
  trustedProxy?: TrustedProxy;
  /** Multiplies the per-address budgets; 1 except in tests (SYNAPSE_TEST_LIMIT_SCALE). */
  scale?: number;
}

export class Limits {
  readonly guesses: GuessGuard;
  readonly sessions: SessionCreationLimit;
  readonly sockets: SocketLimits;
  readonly commands: CommandLimits;
  private readonly trustedProxy?: TrustedProxy;

  constructor(options: LimitOptions = {}) {
    const scale = options.scale ?? 1;
    this.trustedProxy = options.trustedProxy;
    this.guesses = new GuessGuard(scale);
    this.sessions = new SessionCreationLimit(scale);
    this.sockets = new SocketLimits(scale);
    this.commands = new CommandLimits(scale);
  }

  /**
   * The address a request or handshake is charged to.
   * @example
   * limits.addressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"]);
   */
  addressOf(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
    return clientAddress(peer, forwardedFor, this.trustedProxy);
  }

  /** The address of an HTTP request. */
  addressOfRequest(req: http.IncomingMessage): string {
    return this.addressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"]);
  }
}
