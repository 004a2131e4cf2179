/**
 * A session whose room runs in another process (REDIS_URL): the sockets connected here
 * talk to a RemoteRoom, which forwards what they ask to the owner (forwarder.ts) and relays
 * its answers. The owner keeps each forwarded socket as a client of its room and reaches it
 * through the Socket.IO adapter (the socket's own id is a channel on every process), so the
 * snapshot, presence, `quiz:mine` and notices arrive as they do for its own sockets.
 *
 * When the lease changes hands (the owner died or stepped down), this process closes the
 * transport of the sockets it forwarded: their clients reconnect by themselves and the
 * handshake finds, or becomes, the new owner.
 */
import type { Viewer } from "../../lib/protocol";
import { ProtocolError } from "../../lib/protocol";
import type { Actor, SessionCommand } from "../../lib/session/decide";
import type { SessionState } from "../../lib/session/state";
import type { MyQuiz } from "../../lib/session/views";
import type { Logger } from "../logger";
import type { RoomMessage } from "./fanout";
import type { Forwarder } from "./forwarder";
import type { Room, RoomClient } from "./room";
import { RENEW_EVERY_MS, type SessionLeases } from "./session-lease";

/** A client of a room that can also be asked to reconnect (its transport closed, not refused). */
export interface SocketClient extends RoomClient {
  reconnect(): void;
}

/** What a socket needs of its session's room, wherever the room runs. */
export interface SessionRoom {
  readonly id: string;
  run(actor: Actor, command: SessionCommand, client?: { oneWayMs?: number }): Promise<number>;
  snapshot(viewer: Viewer): { seq: number; state: SessionState; mine?: MyQuiz } | Promise<{ seq: number; state: SessionState; mine?: MyQuiz }>;
  connect(client: SocketClient): void;
  disconnect(clientId: string): void;
}

/** Who may open a socket on a session; throws the refusal. Runs where the room is. */
export function checkParticipant(room: Room, participant: { id: string; role: Viewer["role"] }): void {
  if (participant.role !== "student") return;
  const { students, handbacks } = room.working;
  const student = Object.hasOwn(students, participant.id) ? students[participant.id] : undefined;
  if (student?.removed) throw new ProtocolError("FORBIDDEN", "The teacher has taken you out of this class.");
  // A pass with no place in the class (a request to hand a place back that was answered)
  // opens nothing, even before its row is deleted.
  if (!student && !Object.hasOwn(handbacks, participant.id)) {
    throw new ProtocolError("UNAUTHENTICATED", "This device's pass for the class is not valid any more. Join again with the code.");
  }
}

export class RemoteRoom implements SessionRoom {
  readonly clients = new Map<string, { client: SocketClient; connected: Promise<unknown> }>();

  constructor(
    readonly id: string,
    readonly owner: string,
    private readonly forwarder: Forwarder,
    private readonly log: Logger,
  ) {}

  /** Asks the owner to do `op` on this session. */
  forward(op: string, args: unknown): Promise<unknown> {
    return this.forwarder.call(this.owner, op, this.id, args);
  }

  async admit(participant: { id: string; role: Viewer["role"] }): Promise<void> {
    await this.forward("admit", { id: participant.id, role: participant.role });
  }

  async run(actor: Actor, command: SessionCommand, client: { oneWayMs?: number } = {}): Promise<number> {
    return (await this.forward("run", { actor, command, oneWayMs: client.oneWayMs ?? 0 })) as number;
  }

  async snapshot(viewer: Viewer) {
    return (await this.forward("snapshot", { viewer })) as { seq: number; state: SessionState; mine?: MyQuiz };
  }

  connect(client: SocketClient): void {
    const connected = this.forward("connect", { clientId: client.id, viewer: client.viewer, via: this.forwarder.self }).catch((err: unknown) => {
      this.log.warn({ err, sessionId: this.id }, "the owner did not take a forwarded socket; it reconnects");
      this.clients.delete(client.id);
      client.reconnect();
    });
    this.clients.set(client.id, { client, connected });
  }

  disconnect(clientId: string): void {
    const entry = this.clients.get(clientId);
    if (!entry) return;
    this.clients.delete(clientId);
    void entry.connected.then(() => this.forward("disconnect", { clientId }).catch(() => {}));
  }
}

/**
 * The remote rooms of this process, and the watch on their owners.
 * @example
 * const remote = new RemoteRooms(forwarder, leases, log);
 * const room = remote.room(sessionId, ownerId);
 */
export class RemoteRooms {
  private rooms = new Map<string, RemoteRoom>();
  private timer: NodeJS.Timeout;

  constructor(
    private readonly forwarder: Forwarder,
    private readonly leases: SessionLeases,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.watch(), RENEW_EVERY_MS);
    this.timer.unref();
  }

  room(sessionId: string, owner: string): RemoteRoom {
    let room = this.rooms.get(sessionId);
    if (!room || room.owner !== owner) {
      if (room) this.drop(room);
      room = new RemoteRoom(sessionId, owner, this.forwarder, this.log);
      this.rooms.set(sessionId, room);
    }
    return room;
  }

  /** Sessions whose lease changed hands: their sockets here reconnect to find the new owner. */
  private async watch(): Promise<void> {
    for (const room of [...this.rooms.values()]) {
      if (room.clients.size === 0) {
        this.rooms.delete(room.id);
        continue;
      }
      const holder = await this.leases.holder(room.id).catch(() => room.owner);
      if (holder !== room.owner) this.drop(room);
    }
  }

  private drop(room: RemoteRoom): void {
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id);
    if (room.clients.size > 0) this.log.info({ sessionId: room.id, owner: room.owner }, "the session's owner changed; its sockets here reconnect");
    for (const { client } of room.clients.values()) client.reconnect();
    room.clients.clear();
  }

  close(): void {
    clearInterval(this.timer);
  }
}

/** How the owner reaches a forwarded socket: through the adapter, by the socket's id. */
export interface ChannelSender {
  sendTo(socketId: string, message: RoomMessage): void;
  closeSocket(socketId: string): void;
}
