/**
 * Real socket.io-client sockets for integration tests, typed with the protocol: commands
 * sent with their payload types and answered with their acknowledgement types, and waits
 * for server events with a condition and a timeout.
 */
import { io, type Socket } from "socket.io-client";
import {
  connectErrorDataSchema,
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type CommandName,
  type CommandPayload,
  type CommandResult,
  type ServerToClientEvents,
  type SessionSnapshot,
  type SessionUpdate,
} from "../../lib/protocol";
import type { SessionState } from "../../lib/session/state";

/** A client socket typed with the protocol's events. */
export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The handshake a test sends: `protocolVersion` defaults to the current one and may be anything, to test refusals. */
export interface TestAuth {
  protocolVersion?: unknown;
  token?: string;
  watch?: string;
}

/** How long a test waits for an acknowledgement or a server event by default. */
export const MESSAGE_TIMEOUT_MS = 10_000;

/** `session:snapshot` (`you` comes with the first one, on connect). */
export type SnapshotMessage = SessionSnapshot;

/** `session:update`. */
export type UpdateMessage = SessionUpdate;

type ServerEventName = keyof ServerToClientEvents;
type ServerPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

/** A handshake the server refused: its message and its `{ code, message }` data. */
export class ConnectRefusal extends Error {
  constructor(
    message: string,
    readonly data: { code: string; message: string; serverProtocolVersion?: number },
  ) {
    super(message);
    this.name = "ConnectRefusal";
  }
}

/** The same socket without event types, for messages the protocol does not allow (bad payloads, unknown events). */
export function untyped(socket: TestSocket): Socket {
  return socket as unknown as Socket;
}

/** Connects and resolves once connected; rejects with a ConnectRefusal when the server refuses. */
export function connect(url: string, auth: TestAuth = {}, listen: (socket: TestSocket) => void = () => {}): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
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
      const data = connectErrorDataSchema.safeParse(err.data);
      if (data.success) reject(new ConnectRefusal(err.message, data.data));
      else reject(err);
    });
  });
}

/** Resolves with the server's refusal of this handshake; fails when the socket is let in. */
export async function connectRefused(url: string, auth: TestAuth = {}): Promise<ConnectRefusal> {
  let socket: TestSocket;
  try {
    socket = await connect(url, auth);
  } catch (err) {
    if (err instanceof ConnectRefusal) return err;
    throw err;
  }
  socket.close();
  throw new Error(`the server accepted a handshake it should refuse: ${JSON.stringify(auth)}`);
}

/** Emits any event with any payload and resolves with the acknowledgement, for malformed messages. */
export async function sendUnchecked(socket: TestSocket, event: string, payload: unknown, timeoutMs = MESSAGE_TIMEOUT_MS): Promise<Ack> {
  const ack: Ack = await untyped(socket).timeout(timeoutMs).emitWithAck(event, payload);
  return ack;
}

/** Emits a command and resolves with its acknowledgement, `{ ok: true, ...result }` or `{ ok: false, error }`. */
export function send<K extends CommandName>(
  socket: TestSocket,
  event: K,
  payload: CommandPayload<K>,
  timeoutMs = MESSAGE_TIMEOUT_MS,
): Promise<Ack<CommandResult<K>>> {
  return sendUnchecked(socket, event, payload, timeoutMs) as Promise<Ack<CommandResult<K>>>;
}

/** Emits a command and resolves with its result; rejects with the code and message when it is refused. */
export async function sendOk<K extends CommandName>(
  socket: TestSocket,
  event: K,
  payload: CommandPayload<K>,
  timeoutMs = MESSAGE_TIMEOUT_MS,
): Promise<CommandResult<K>> {
  const ack = await send(socket, event, payload, timeoutMs);
  if (!ack.ok) throw new Error(`${event} was refused: ${ack.error.code} ${ack.error.message}`);
  return ack;
}

/** The server's committed state and seq now (`session:sync`). */
export async function syncState(socket: TestSocket): Promise<{ seq: number; state: SessionState }> {
  const { seq, state } = await sendOk(socket, "session:sync", {});
  return { seq, state: state as SessionState };
}

/** Calls `listener` with every `session:snapshot`, its state typed. */
export function onSnapshot(socket: TestSocket, listener: (snapshot: SnapshotMessage) => void): void {
  socket.on("session:snapshot", (snapshot) => listener(snapshot as SnapshotMessage));
}

/** Calls `listener` with every `session:update`, its events typed. */
export function onUpdate(socket: TestSocket, listener: (update: UpdateMessage) => void): void {
  socket.on("session:update", (update) => listener(update as UpdateMessage));
}

/** Resolves with the next `event` the socket receives that satisfies `match`; rejects after `timeoutMs`. */
export function nextEvent<E extends ServerEventName>(
  socket: TestSocket,
  event: E,
  match: (payload: ServerPayload<E>) => boolean = () => true,
  timeoutMs = MESSAGE_TIMEOUT_MS,
): Promise<ServerPayload<E>> {
  const plain = untyped(socket);
  const name: string = event;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      plain.off(name, handler);
      reject(new Error(`no matching ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (received: unknown) => {
      const payload = received as ServerPayload<E>;
      if (!match(payload)) return;
      clearTimeout(timer);
      plain.off(name, handler);
      resolve(payload);
    };
    plain.on(name, handler);
  });
}


