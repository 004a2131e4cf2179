/** Handlers of the session domain: a fresh copy of the state for a client that lost track. */
import type { TokenBucket } from "../rate-limit";
import { ProtocolError } from "../../lib/protocol";
import { bindCommand, type CommandContext } from "./command";

export function registerSessionHandlers(ctx: CommandContext & { bucket: TokenBucket }): void {
  bindCommand(ctx, "session:sync", () => {
    if (!ctx.session) throw new ProtocolError("UNAUTHENTICATED", "Join a class first: this connection has no token.");
    return ctx.session.room.snapshot();
  });
}
