/**
 * The owner's side of forwarding (forwarder.ts, remote-room.ts): what another process asks
 * of a session this process owns, checked with zod and done on the room here. A request for
 * a session this process does not own is refused as UNAVAILABLE (the asker's socket
 * reconnects and finds the owner).
 */
import { z } from "zod";
import { commands, ProtocolError, type Viewer } from "../../lib/protocol";
import { SESSION_COMMAND_NAMES, type Actor, type SessionCommand } from "../../lib/session/decide";
import type { ForwardHandler } from "./forwarder";
import { checkParticipant, type ChannelSender } from "./remote-room";
import type { Room } from "./room";
import type { RoomManager } from "./room-manager";
import { RENEW_EVERY_MS, type SessionLeases } from "./session-lease";

const viewerSchema = z.union([
  z.object({ role: z.enum(["teacher", "student"]), participantId: z.string() }),
  z.object({ role: z.literal("viewer"), participantId: z.null() }),
]);
const actorSchema = z.object({ role: z.enum(["teacher", "student"]), id: z.string() });
const argsSchemas = {
  admit: z.object({ id: z.string(), role: z.enum(["teacher", "student", "viewer"]) }),
  connect: z.object({ clientId: z.string(), viewer: viewerSchema, via: z.string() }),
  disconnect: z.object({ clientId: z.string() }),
  run: z.object({ actor: actorSchema, command: z.object({ name: z.enum(SESSION_COMMAND_NAMES), payload: z.unknown() }), oneWayMs: z.number() }),
  snapshot: z.object({ viewer: viewerSchema }),
  join: z.object({ code: z.string(), nickname: z.string() }),
  handback: z.object({ code: z.string(), nickname: z.string() }),
  describe: z.object({}),
  forget: z.object({}),
} as const;
type Op = keyof typeof argsSchemas;

function parse<O extends Op>(op: O, args: unknown): z.infer<(typeof argsSchemas)[O]> {
  const parsed = argsSchemas[op].safeParse(args);
  if (!parsed.success) throw new ProtocolError("BAD_REQUEST", `forwarded ${op}: ${parsed.error.message}`);
  return parsed.data as z.infer<(typeof argsSchemas)[O]>;
}

/**
 * The sockets other processes forwarded to this one's rooms, by process. A process that stops
 * renewing its liveness (it died) has its sockets taken out of their rooms, so they stop
 * showing as online; two missed checks in a row, so a process just started is not dropped.
 */
export class ForwardedClients {
  private byProcess = new Map<string, { clients: Map<string, string>; missed: number }>();
  private timer: NodeJS.Timeout;

  constructor(
    private readonly rooms: RoomManager,
    private readonly leases: SessionLeases,
  ) {
    this.timer = setInterval(() => void this.check(), RENEW_EVERY_MS);
    this.timer.unref();
  }

  add(via: string, clientId: string, sessionId: string): void {
    let entry = this.byProcess.get(via);
    if (!entry) this.byProcess.set(via, (entry = { clients: new Map(), missed: 0 }));
    entry.clients.set(clientId, sessionId);
  }

  remove(via: string | undefined, clientId: string): void {
    for (const [process, entry] of this.byProcess) {
      if (via !== undefined && process !== via) continue;
      entry.clients.delete(clientId);
      if (entry.clients.size === 0) this.byProcess.delete(process);
    }
  }

  private async check(): Promise<void> {
    for (const [process, entry] of [...this.byProcess]) {
      entry.missed = (await this.leases.isAlive(process)) ? 0 : entry.missed + 1;
      if (entry.missed < 2) continue;
      this.byProcess.delete(process);
      for (const [clientId, sessionId] of entry.clients) (await this.rooms.get(sessionId).catch(() => null))?.disconnect(clientId);
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}

/**
 * @example
 * forwarder.serve(serveForwarded(rooms, { sendTo, closeSocket }, new ForwardedClients(rooms, leases)));
 */
export function serveForwarded(rooms: RoomManager, sender: ChannelSender, forwarded: ForwardedClients): ForwardHandler {
  const owned = async (sessionId: string): Promise<Room> => {
    const room = await rooms.get(sessionId);
    if (!room) throw new ProtocolError("NOT_FOUND", "That class no longer exists.");
    return room;
  };
  return async ({ op, sessionId, args }) => {
    if (!Object.hasOwn(argsSchemas, op)) throw new ProtocolError("BAD_REQUEST", `unknown forwarded request ${op}`);
    switch (op as Op) {
      case "admit": {
        const participant = parse("admit", args);
        checkParticipant(await owned(sessionId), participant);
        return null;
      }
      case "connect": {
        const { clientId, viewer, via } = parse("connect", args);
        const room = await owned(sessionId);
        forwarded.add(via, clientId, sessionId);
        room.connect({
          id: clientId,
          viewer: viewer as Viewer,
          send: (message) => sender.sendTo(clientId, message),
          close: () => sender.closeSocket(clientId),
        });
        return null;
      }
      case "disconnect": {
        const { clientId } = parse("disconnect", args);
        forwarded.remove(undefined, clientId);
        (await rooms.get(sessionId).catch(() => null))?.disconnect(clientId);
        return null;
      }
      case "run": {
        const { actor, command, oneWayMs } = parse("run", args);
        const payload = commands[command.name].payload.safeParse(command.payload);
        if (!payload.success) throw new ProtocolError("BAD_REQUEST", `forwarded ${command.name}: ${payload.error.message}`);
        const room = await owned(sessionId);
        return room.run(actor as Actor, { name: command.name, payload: payload.data } as SessionCommand, { oneWayMs });
      }
      case "snapshot":
        return (await owned(sessionId)).snapshot(parse("snapshot", args).viewer as Viewer);
      case "join": {
        const { code, nickname } = parse("join", args);
        return rooms.join(code, nickname);
      }
      case "handback": {
        const { code, nickname } = parse("handback", args);
        return rooms.requestHandback(code, nickname);
      }
      case "forget": {
        parse("forget", args);
        await rooms.forget([sessionId]);
        return null;
      }
      case "describe": {
        parse("describe", args);
        return rooms.describe((await owned(sessionId)).working.code);
      }
    }
  };
}
