/**
 * The path of every session command after validation: who may send it (from the token,
 * never the payload), the session's rules (lib/session/decide), the room's commit, and
 * an acknowledgement only once the events are in the database.
 */
import crypto from "node:crypto";
import type { SessionCommand } from "../../lib/session/decide";
import { decide } from "../../lib/session/decide";
import { CommitError } from "../rooms/room";
import type { TokenBucket } from "../rate-limit";
import { bindCommand, CommandError, type CommandContext } from "./command";

const random = () => crypto.randomInt(0, 2 ** 48) / 2 ** 48;

export async function runSessionCommand(ctx: CommandContext, command: SessionCommand): Promise<{ seq: number }> {
  const session = ctx.session;
  if (!session) throw new CommandError("UNAUTHENTICATED", "Join a class first: this connection has no token.");
  const { room, viewer } = session;
  if (viewer.role === "viewer") throw new CommandError("FORBIDDEN", "The projector view is read-only.");
  const decision = decide(room.working, { role: viewer.role, id: viewer.participantId }, command, random);
  if ("refusal" in decision) throw new CommandError(decision.refusal.code, decision.refusal.message);
  try {
    return { seq: await room.submit(decision.events, viewer.participantId) };
  } catch (err) {
    if (err instanceof CommitError) throw new CommandError("INTERNAL", "Your change could not be saved; try again.");
    throw err;
  }
}

/**
 * Binds each named command to the session path above.
 * @example
 * bindSessionCommands(ctx, ["room:lock", "room:pause"]);
 */
export function bindSessionCommands(
  ctx: CommandContext & { bucket: TokenBucket },
  names: readonly SessionCommand["name"][],
): void {
  for (const name of names) {
    bindCommand(ctx, name, (payload) => runSessionCommand(ctx, { name, payload } as SessionCommand));
  }
}
