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
import { ProtocolError } from "../../lib/protocol";
import { bindCommand, type CommandContext } from "./command";

/** A uniform number in [0, 1) from 53 random bits (crypto.randomInt only takes ranges below 2^48). */
const random = () => {
  const [hi, lo] = crypto.getRandomValues(new Uint32Array(2));
  return ((hi! >>> 5) * 67108864 + (lo! >>> 6)) / 9007199254740992;
};

export async function runSessionCommand(ctx: CommandContext, command: SessionCommand): Promise<{ seq: number }> {
  const session = ctx.session;
  if (!session) throw new ProtocolError("UNAUTHENTICATED", "Join a class first: this connection has no token.");
  const { room, viewer } = session;
  if (viewer.role === "viewer") throw new ProtocolError("FORBIDDEN", "The projector view is read-only.");
  const decision = decide(room.working, { role: viewer.role, id: viewer.participantId }, command, { now: Date.now(), random });
  if ("refusal" in decision) throw new ProtocolError(decision.refusal.code, decision.refusal.message);
  try {
    return { seq: await room.submit(decision.events, viewer.participantId) };
  } catch (err) {
    if (err instanceof CommitError) throw new ProtocolError("INTERNAL", "Your change could not be saved; try again.");
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
