/**
 * Real socket.io-client sockets for integration tests, with promise helpers.
 */
import { io, type Socket } from "socket.io-client";
import { PROTOCOL_VERSION } from "../../lib/protocol";

export type TestSocket = Socket;

/** Connects and resolves once connected; rejects with the server's refusal data. */
export function connect(
  url: string,
  auth: Record<string, unknown> = {},
  listen: (socket: TestSocket) => void = () => {},
): Promise<TestSocket> {
  const socket = io(url, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
  });
  // Listeners go on before the connection: the server sends a snapshot right away.
  listen(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err: Error & { data?: unknown }) => {
      socket.close();
      reject(Object.assign(new Error(err.message), { data: err.data }));
    });
  });
}

/** Emits a command and resolves with its acknowledgement. */
export function send<T = any>(socket: TestSocket, event: string, payload?: unknown, timeoutMs = 10_000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

/** Resolves with the next `event` the socket receives that satisfies `match`. */
export function nextEvent<T = any>(
  socket: TestSocket,
  event: string,
  match: (payload: T) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}
