/**
 * Socket.IO on the app's HTTP server: a thin adapter between sockets and rooms. The
 * handshake checks the protocol version, charges the caller's address and participant
 * (server/limits) and turns the token into a participant (never a claim in a payload);
 * each socket then joins its session's room and gets a snapshot.
 */
import type http from "node:http";
import { Server, type Socket } from "socket.io";
import type { Storage } from "../db/storage";
import {
  formatIssues,
  handshakeAuthSchema,
  isCommandName,
  PROTOCOL_VERSION,
  ProtocolError,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type Viewer,
} from "../lib/protocol";
import { isJoinCode, normalizeJoinCode } from "../lib/session/join-code";
import { admitMessage, type LimitedContext, type SocketSession } from "./handlers/command";
import { registerSessionHandlers } from "./handlers/session";
import { registerSystemHandlers } from "./handlers/system";
import { registerCodeCheck } from "./handlers/code-check";
import type { Logger } from "./logger";
import { CommandLimits, type Limits } from "./limits";
import { checkOrigin } from "./origin";
import type { Channel } from "./rooms/fanout";
import type { ViewerKind } from "../lib/session/views";
import { kindOf } from "./rooms/room";
import type { RoomManager } from "./rooms/room-manager";
import { checkParticipant, RemoteRoom } from "./rooms/remote-room";
import { OwnerUnreachableError } from "./rooms/forwarder";
import { probeRoundTrips } from "./round-trips";
import type { SocketAdapter } from "./socket-adapter";
import { hashToken } from "./tokens";

/** Largest message a client may send; a network JSON of 10 layers of 64 neurons fits. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export type SynapseServer = Server<ClientToServerEvents, ServerToClientEvents>;

export interface SocketDeps {
  rooms: RoomManager;
  storage: Storage;
  limits: Limits;
  log: Logger;
  /** PUBLIC_URL: an origin our pages may come from besides the host a request names. */
  publicUrl?: string;
  /** With REDIS_URL: the adapter that carries channel messages to every process (server/socket-adapter.ts). */
  adapter?: SocketAdapter["adapter"];
}

/** What the handshake's limits leave on a socket: whom it is charged to, and its places to give back. */
interface SocketLimitData {
  address: string;
  releases: Array<() => void>;
}

/**
 * The Socket.IO room of a channel: every socket of one viewer kind in a session, or every
 * socket of one participant (a phone with two tabs is still one person).
 * @example
 * channelName("s1", { kind: "viewer" }); // "s:s1:k:viewer"
 */
export function channelName(sessionId: string, channel: Exclude<Channel, { kinds: ViewerKind[] }>): string {
  return "kind" in channel ? `s:${sessionId}:k:${channel.kind}` : `s:${sessionId}:p:${channel.participant}`;
}

/**
 * The Socket.IO rooms a channel covers (one emit to several rooms is encoded once).
 * @example
 * channelNames("s1", { kinds: ["teacher", "student"] }); // ["s:s1:k:teacher", "s:s1:k:student"]
 */
export function channelNames(sessionId: string, channel: Channel): string | string[] {
  return "kinds" in channel ? channel.kinds.map((kind) => channelName(sessionId, { kind })) : channelName(sessionId, channel);
}

function connectError(err: ProtocolError): Error {
  const e = new Error(err.message) as Error & { data?: unknown };
  e.data = { ...err.toBody(), serverProtocolVersion: PROTOCOL_VERSION };
  return e;
}

async function resolveSession(
  auth: { token?: string; watch?: string },
  address: string,
  deps: SocketDeps,
): Promise<SocketSession | null> {
  if (auth.token) {
    const participant = await deps.storage.findParticipantByToken(hashToken(auth.token));
    if (!participant) throw new ProtocolError("UNAUTHENTICATED", "This device's pass for the class is not valid any more. Join again with the code.");
    let room = await deps.rooms.open(participant.sessionId);
    if (room instanceof RemoteRoom) {
      try {
        await room.admit(participant);
      } catch (err) {
        if (!(err instanceof OwnerUnreachableError)) throw err;
        // The session's owner is gone: this process takes the session over from the log.
        room = await deps.rooms.takeOver(participant.sessionId);
        if (room) checkParticipant(room, participant);
      }
    } else if (room) {
      checkParticipant(room, participant);
    }
    if (!room) throw new ProtocolError("NOT_FOUND", "That class no longer exists.");
    const viewer: Viewer = { role: participant.role, participantId: participant.id };
    return { room, viewer };
  }
  if (auth.watch) {
    const code = normalizeJoinCode(auth.watch);
    // The projector's code is charged like every code look-up, before the database is asked.
    const room = await deps.limits.guesses.lookUp(address, async () => {
      const session = isJoinCode(code) ? await deps.storage.findLiveSessionByCode(code) : null;
      const found = session ? await deps.rooms.open(session.id) : null;
      if (!found) throw new ProtocolError("NOT_FOUND", `No class is running with the code ${code}.`);
      return found;
    });
    return { room, viewer: { role: "viewer", participantId: null } };
  }
  return null;
}

/**
 * The handshake's limits around `resolve` (the look-up of the token or code): the address
 * is charged before anything is looked up, the participant once it is known. Every place
 * taken is given back when the socket goes, or at once when the handshake fails.
 */
async function admitHandshake(
  socket: Socket,
  auth: { token?: string; watch?: string },
  deps: SocketDeps,
  resolve: (address: string) => Promise<SocketSession | null>,
): Promise<SocketSession | null> {
  const { limits } = deps;
  const address = limits.addressOf(socket.handshake.address, socket.handshake.headers["x-forwarded-for"]);
  const data: SocketLimitData = { address, releases: [] };
  const releaseAll = () => data.releases.splice(0).forEach((release) => release());
  // A client that goes while the handshake is pending never gets a "disconnect".
  socket.conn.once("close", releaseAll);
  socket.once("disconnect", releaseAll);
  try {
    data.releases.push(await limits.sockets.admitAddress(address));
    // A pass cut off for flooding waits out its penalty before anything is looked up.
    if (auth.token) limits.sockets.checkPenalty(hashToken(auth.token), Date.now());
    if (!auth.token && !auth.watch) data.releases.push(limits.sockets.admitAnonymous(address));
    const session = await resolve(address);
    if (session?.viewer.participantId) data.releases.push(await limits.sockets.admitParticipant(session.viewer.participantId));
    socket.data.limits = data;
    return session;
  } catch (err) {
    releaseAll();
    throw err;
  }
}

/** Charges a socket's messages to its participant, or to its address when it has none. */
function chargeFor(socket: Socket, session: SocketSession | null, deps: SocketDeps): LimitedContext["charge"] {
  const data = socket.data.limits as SocketLimitData;
  const key = CommandLimits.key(session?.viewer.participantId ?? null, data.address);
  return () => deps.limits.commands.charge(key);
}

/**
 * Attaches Socket.IO to `httpServer` under `/socket.io/`.
 * @example
 * const io = attachSocketServer(httpServer, { rooms, storage, limits, log });
 */
export function attachSocketServer(httpServer: http.Server, deps: SocketDeps): SynapseServer {
  const { log } = deps;
  const io: SynapseServer = new Server(httpServer, {
    path: "/socket.io/",
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    // Other upgrade requests (Next's dev server) are routed by server/app.ts, not destroyed.
    destroyUpgrade: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    ...(deps.adapter ? { adapter: deps.adapter } : {}),
  });

  // Another website's page may not open a socket (it would read a roster or spread code
  // guesses over its visitors' addresses): server/origin.ts.
  io.use((socket, next) => {
    try {
      checkOrigin(socket.handshake, deps.publicUrl);
      next();
    } catch (err) {
      next(connectError(err as ProtocolError));
    }
  });

  io.use((socket, next) => {
    const parsed = handshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) {
      next(connectError(new ProtocolError("BAD_REQUEST", `handshake: ${formatIssues(parsed.error.issues)}`)));
      return;
    }
    if (parsed.data.protocolVersion !== PROTOCOL_VERSION) {
      next(
        connectError(
          new ProtocolError(
            "PROTOCOL_MISMATCH",
            `This page speaks protocol version ${parsed.data.protocolVersion}, the server speaks ${PROTOCOL_VERSION}. Reload the page.`,
          ),
        ),
      );
      return;
    }
    const auth = parsed.data;
    admitHandshake(socket, auth, deps, (address) => resolveSession(auth, address, deps)).then(
      (session) => {
        socket.data.session = session;
        next();
      },
      (err: unknown) => {
        if (err instanceof ProtocolError) return next(connectError(err));
        log.error({ err }, "handshake failed");
        next(connectError(new ProtocolError("INTERNAL", "The server could not check this connection; it will try again.")));
      },
    );
  });

  io.on("connection", (socket: Socket) => {
    const session = (socket.data.session ?? null) as SocketSession | null;
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const onFlood = typeof token === "string" ? () => deps.limits.sockets.penalise(hashToken(token), Date.now()) : undefined;
    const ctx: LimitedContext = { socket, log, session, charge: chargeFor(socket, session, deps), ...(onFlood ? { onFlood } : {}) };
    socket.onAny((event: string) => {
      // Commands are charged where they are bound (handlers/command.ts); anything else here.
      if (isCommandName(event)) return;
      void admitMessage(ctx, event).then((ok) => {
        if (ok) socket.emit("system:error", { code: "UNKNOWN_EVENT", message: `Unknown event "${event}"`, event });
      });
    });
    registerSystemHandlers(ctx);
    registerSessionHandlers(ctx);
    registerCodeCheck(ctx, deps.rooms.grading);
    if (!session) return;

    const { room, viewer } = session;
    if (viewer.role === "student") socket.data.roundTrips = probeRoundTrips(socket);
    const channels = [channelName(room.id, { kind: kindOf(viewer) })];
    if (viewer.participantId) channels.push(channelName(room.id, { participant: viewer.participantId }));
    // With an adapter that talks to Redis, joining is asynchronous and can fail.
    Promise.resolve(socket.join(channels)).catch((err: unknown) => log.error({ err, sessionId: room.id }, "could not join channels"));
    room.connect({
      id: socket.id,
      viewer,
      send: (message) => socket.emit(message.event, message.payload as never),
      close: () => socket.disconnect(true),
      // Closing the transport, not the socket: the client reconnects by itself (to the new owner).
      reconnect: () => socket.conn.close(),
    });
    socket.on("disconnect", () => session.room.disconnect(socket.id));
  });

  return io;
}
