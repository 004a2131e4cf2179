/** Handlers of the session: a fresh copy of the state for a client that lost track, and every session command. */
import { ProtocolError } from "../../lib/protocol";
import { bindCommand, type LimitedContext } from "./command";
import { registerSessionCommands } from "./session-command";

export function registerSessionHandlers(ctx: LimitedContext): void {
  bindCommand(ctx, "session:sync", () => {
    if (!ctx.session) throw new ProtocolError("UNAUTHENTICATED", "Join a class first: this connection has no token.");
    return ctx.session.room.snapshot(ctx.session.viewer);
  });
  registerSessionCommands(ctx);
}
