/**
 * The process's limits (docs/security.md, "Guessing and floods"): join-code guessing,
 * sessions created, sockets and commands. The rates are kept in this process's memory, or
 * in Redis (shared by every process) when a store is given; sockets held at once are
 * always counted in this process.
 */
import type http from "node:http";
import { clientAddress, type TrustedProxy } from "./client-address";
import { CommandLimits } from "./commands";
import { GuessGuard } from "./guesses";
import { SessionCreationLimit } from "./sessions";
import { SocketLimits } from "./sockets";
import type { LimiterStore } from "./spend";

export { BUDGETS } from "./budgets";
export { CommandLimits, type CommandVerdict } from "./commands";
export { GuessGuard } from "./guesses";
export type { LimiterStore } from "./spend";

export interface LimitOptions {
  trustedProxy?: TrustedProxy;
  /** Multiplies the per-address budgets; 1 except in tests (SYNAPSE_TEST_LIMIT_SCALE). */
  scale?: number;
  /** The process's Redis (server/redis.ts): rate budgets shared by every process. */
  store?: LimiterStore;
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
    const { store } = options;
    this.guesses = new GuessGuard(scale, store);
    this.sessions = new SessionCreationLimit(scale, store);
    this.sockets = new SocketLimits(scale, store);
    this.commands = new CommandLimits(scale, store);
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
