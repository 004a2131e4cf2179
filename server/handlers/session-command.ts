/**
 * The path of every session command after validation: who may send it (from the token,
 * never the payload), the session's rules (run by the room at its time), the room's
 * commit, and an acknowledgement only once the events are in the database.
 */
import { ProtocolError } from "../../lib/protocol";
import { SESSION_COMMAND_NAMES, type SessionCommand } from "../../lib/session/decide";
import type { RoundTrips } from "../round-trips";
import { bindCommand, type CommandContext, type LimitedContext } from "./command";

export async function runSessionCommand(ctx: CommandContext, command: SessionCommand): Promise<{ seq: number }> {
  const session = ctx.session;
  if (!session) throw new ProtocolError("UNAUTHENTICATED", "Join a class first: this connection has no token.");
  const { room, viewer } = session;
  if (viewer.role === "viewer") throw new ProtocolError("FORBIDDEN", "The projector view is read-only.");
  const trips = ctx.socket.data.roundTrips as RoundTrips | undefined;
  return { seq: await room.run({ role: viewer.role, id: viewer.participantId }, command, { oneWayMs: trips?.oneWayMs() ?? 0 }) };
}

/**
 * Binds every session command (each domain's, from lib/session) to the path above.
 * @example
 * registerSessionCommands(ctx);
 */
export function registerSessionCommands(ctx: LimitedContext): void {
  for (const name of SESSION_COMMAND_NAMES) {
    bindCommand(ctx, name, (payload) => runSessionCommand(ctx, { name, payload } as SessionCommand));
  }
}
