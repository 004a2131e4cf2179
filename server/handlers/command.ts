/**
 * The one path every command takes: rate limit (per participant, over all its sockets),
 * ack present, payload validated with its zod schema, handler run, errors turned into
 * refusals. A handler only sees valid input, and nothing a handler throws reaches the
 * socket or the other clients.
 */
import type { Socket } from "socket.io";
import {
  commands,
  formatIssues,
  errorAck,
  type Ack,
  type CommandName,
  type CommandResult,
  ProtocolError,
  type Viewer,
} from "../../lib/protocol";
import type { SessionRoom } from "../rooms/remote-room";
import type { z } from "zod";
import type { Logger } from "../logger";
import type { CommandVerdict } from "../limits";

/** Who sent the command and in which session; set at the handshake from the token. */
export interface SocketSession {
  /** The session's room here, or its owner's through forwarding (rooms/remote-room.ts). */
  room: SessionRoom;
  viewer: Viewer;
}

export interface CommandContext {
  socket: Socket;
  log: Logger;
  session: SocketSession | null;
}

/** A command context that charges each message to its sender's budget (server/limits/commands.ts). */
export interface LimitedContext extends CommandContext {
  charge: () => Promise<CommandVerdict>;
  /** Called when this socket is cut off for flooding. */
  onFlood?: () => void;
}

/**
 * Charges one incoming message; true when it may go on. A sender far past its budget is
 * told why (`system:error` RATE_LIMITED) and disconnected; one just past it is refused.
 * @example
 * if (!(await admitMessage(ctx, name, reply))) return;
 */
export async function admitMessage(ctx: LimitedContext, event: string, refuse?: (err: ProtocolError) => void): Promise<boolean> {
  const verdict = await ctx.charge();
  if (verdict === "ok") return true;
  if (verdict === "flood") {
    if (ctx.socket.connected) {
      ctx.onFlood?.();
      ctx.socket.emit("system:error", { code: "RATE_LIMITED", message: "Too many messages: this connection was closed. Wait a few seconds, then reload the page.", event });
      ctx.socket.disconnect(true);
    }
    return false;
  }
  refuse?.(new ProtocolError("RATE_LIMITED", "Too many messages: slow down for a moment."));
  return false;
}

type Payload<K extends CommandName> = z.output<(typeof commands)[K]["payload"]>;
export type CommandHandler<K extends CommandName> = (
  payload: Payload<K>,
  ctx: CommandContext,
) => Promise<CommandResult<K>> | CommandResult<K>;

/**
 * Registers `handler` for `name` on `socket`.
 * @example
 * bindCommand(ctx, "system:ping", ({ clientTime }) => ({ clientTime, serverTime: Date.now() }));
 */
export function bindCommand<K extends CommandName>(
  ctx: LimitedContext,
  name: K,
  handler: CommandHandler<K>,
): void {
  const { socket, log } = ctx;
  const schema = commands[name].payload;
  socket.on(name as string, async (payload: unknown, ack: unknown) => {
    const reply = typeof ack === "function" ? (ack as (response: Ack<CommandResult<K>>) => void) : undefined;
    if (!(await admitMessage(ctx, name, reply && ((err) => reply(errorAck(err)))))) return;
    if (!reply) {
      socket.emit("system:error", {
        code: "BAD_REQUEST",
        message: `${name} needs an acknowledgement callback`,
        event: name,
      });
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply(errorAck(new ProtocolError("BAD_REQUEST", formatIssues(parsed.error.issues))));
      return;
    }
    try {
      const result = await handler(parsed.data as Payload<K>, ctx);
      reply({ ok: true, ...(result as object) } as Ack<CommandResult<K>>);
    } catch (err) {
      if (err instanceof ProtocolError) {
        reply(errorAck(err));
      } else {
        log.error({ err, event: name }, "command failed");
        reply(errorAck(new ProtocolError("INTERNAL", "The server could not do that; nothing was changed. Try again.")));
      }
    }
  });
}
