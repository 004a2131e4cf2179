/** Handlers of the `system:*` domain: connection-level commands open to every socket. */
import type { TokenBucket } from "../rate-limit";
import { bindCommand, type CommandContext } from "./command";

/**
 * @example
 * registerSystemHandlers({ socket, log, session, bucket });
 */
export function registerSystemHandlers(ctx: CommandContext & { bucket: TokenBucket }): void {
  bindCommand(ctx, "system:ping", ({ clientTime }) => ({ clientTime, serverTime: Date.now() }));
}
