/**
 * Socket.IO on the app's HTTP server: a thin adapter between sockets and rooms. The
 * handshake checks the protocol version and turns the token into a participant (never a
 * claim in a payload); each socket then joins its session's room and gets a snapshot.
 */
import type http from "node:http";
import { Server, type Socket } from "socket.io";
import type { Storage } from "../db/storage";
import {
  formatIssues,
  handshakeAuthSchema,
  isCommandName,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type Viewer,
} from "../lib/protocol";
import { isJoinCode, normalizeJoinCode } from "../lib/session/join-code";
import type { GuessGuard } from "./guard";
import type { SocketSession } from "./handlers/command";
import { registerNetworkHandlers } from "./handlers/network";
import { registerRoomHandlers } from "./handlers/room";
import { registerSessionHandlers } from "./handlers/session";
import { registerSystemHandlers } from "./handlers/system";
import type { Logger } from "./logger";
import { TokenBucket } from "./rate-limit";
import type { RoomManager } from "./rooms/room-manager";
import { hashToken } from "./tokens";

/** Largest message a client may send; a network JSON of 10 layers of 64 neurons fits. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export type SynapseServer = Server<ClientToServerEvents, ServerToClientEvents>;

export interface SocketDeps {
  rooms: RoomManager;
  storage: Storage;
  guard: GuessGuard;
  log: Logger;
}

/** The Socket.IO room name of a session. */
export const sessionChannel = (sessionId: string) => `session:${sessionId}`;

function refusal(code: string, message: string): Error {
  const err = new Error(message) as Error & { data?: unknown };
  err.data = { code, message, serverProtocolVersion: PROTOCOL_VERSION };
  return err;
}

async function resolveSession(
  auth: { token?: string; watch?: string },
  address: string,
  deps: SocketDeps,
): Promise<SocketSession | null> {
  if (auth.token) {
    const participant = await deps.storage.findParticipantByToken(hashToken(auth.token));
    if (!participant) throw refusal("UNAUTHENTICATED", "This device's pass for the class is not valid any more. Join again with the code.");
    const room = await deps.rooms.get(participant.sessionId);
    if (!room) throw refusal("NOT_FOUND", "That class no longer exists.");
    if (participant.role === "student" && room.working.students[participant.id]?.removed) {
      throw refusal("FORBIDDEN", "The teacher has taken you out of this class.");
    }
    const viewer: Viewer = { role: participant.role, participantId: participant.id };
    return { room, viewer };
  }
  if (auth.watch) {
    if (!deps.guard.allow(address)) throw refusal("RATE_LIMITED", "Too many tries: wait a minute, then try again.");
    const code = normalizeJoinCode(auth.watch);
    const session = isJoinCode(code) ? await deps.storage.findLiveSessionByCode(code) : null;
    const room = session ? await deps.rooms.get(session.id) : null;
    if (!room) {
      deps.guard.chargeWrong(address);
      throw refusal("NOT_FOUND", `No class is running with the code ${code}.`);
    }
    return { room, viewer: { role: "viewer", participantId: null } };
  }
  return null;
}

/**
 * Attaches Socket.IO to `httpServer` under `/socket.io/`.
 * @example
 * const io = attachSocketServer(httpServer, { rooms, storage, guard, log });
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
  });

  io.use((socket, next) => {
    const parsed = handshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) {
      next(refusal("BAD_REQUEST", `handshake: ${formatIssues(parsed.error.issues)}`));
      return;
    }
    if (parsed.data.protocolVersion !== PROTOCOL_VERSION) {
      next(
        refusal(
          "PROTOCOL_MISMATCH",
          `This page speaks protocol version ${parsed.data.protocolVersion}, the server speaks ${PROTOCOL_VERSION}. Reload the page.`,
        ),
      );
      return;
    }
    resolveSession(parsed.data, socket.handshake.address, deps).then(
      (session) => {
        socket.data.session = session;
        next();
      },
      (err: Error & { data?: unknown }) => {
        if (!err.data) log.error({ err }, "handshake failed");
        next(err.data ? err : refusal("INTERNAL", "The server could not check this connection; it will try again."));
      },
    );
  });

  io.on("connection", (socket: Socket) => {
    const session = (socket.data.session ?? null) as SocketSession | null;
    const ctx = { socket, log, session, bucket: new TokenBucket(60, 30) };
    socket.onAny((event: string) => {
      if (!isCommandName(event)) {
        socket.emit("system:error", { code: "UNKNOWN_EVENT", message: `Unknown event "${event}"`, event });
      }
    });
    registerSystemHandlers(ctx);
    registerSessionHandlers(ctx);
    registerNetworkHandlers(ctx);
    registerRoomHandlers(ctx);
    if (!session) return;

    void socket.join(sessionChannel(session.room.id));
    session.room.connect({
      id: socket.id,
      viewer: session.viewer,
      send: (event, payload) => socket.emit(event, payload as never),
      close: () => socket.disconnect(true),
    });
    socket.on("disconnect", () => session.room.disconnect(socket.id));
  });

  return io;
}
