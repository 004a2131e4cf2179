/**
 * Socket.IO on the app's HTTP server: small message limit, protocol version checked in
 * the handshake, one handler file per domain, and unknown events answered with an error.
 */
import type http from "node:http";
import { Server, type Socket } from "socket.io";
import {
  formatIssues,
  handshakeAuthSchema,
  isCommandName,
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from "../lib/protocol";
import { registerSystemHandlers } from "./handlers/system";
import type { Logger } from "./logger";
import { TokenBucket } from "./rate-limit";

/** Largest message a client may send; a network JSON of 10 layers of 64 neurons fits. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export type SynapseServer = Server<ClientToServerEvents, ServerToClientEvents>;

function refusal(code: string, message: string): Error {
  const err = new Error(message) as Error & { data?: unknown };
  err.data = { code, message, serverProtocolVersion: PROTOCOL_VERSION };
  return err;
}

/**
 * Attaches Socket.IO to `httpServer` under `/socket.io/`.
 * @example
 * const io = attachSocketServer(httpServer, log);
 */
export function attachSocketServer(httpServer: http.Server, log: Logger): SynapseServer {
  const io: SynapseServer = new Server(httpServer, {
    path: "/socket.io/",
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    // Other upgrade requests (Next's dev server) are routed by server/http.ts, not destroyed.
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
    next();
  });

  io.on("connection", (socket: Socket) => {
    const bucket = new TokenBucket(60, 30);
    socket.onAny((event: string) => {
      if (!isCommandName(event)) {
        socket.emit("system:error", { code: "UNKNOWN_EVENT", message: `Unknown event "${event}"`, event });
      }
    });
    registerSystemHandlers(socket, log, bucket);
  });

  return io;
}
