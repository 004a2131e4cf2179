/** Handlers of the `system:*` domain: connection-level commands open to every socket. */
import { bindCommand, type LimitedContext } from "./command";

/**
 * @example
 * registerSystemHandlers({ socket, log, session, charge });
 */
export function registerSystemHandlers(ctx: LimitedContext): void {
  bindCommand(ctx, "system:ping", ({ clientTime }) => ({ clientTime, serverTime: Date.now() }));
}
