"use client";

/**
 * Connects to a session over Socket.IO with a token (teacher or student) or as a read-only
 * viewer (projector), keeps the folded state in a `SessionStore`, and sends commands.
 * `useSession` gives the whole view; `useSessionSelector` lets a component re-render only
 * when the part it reads changes.
 */
import { noteServerTime } from "./server-clock";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { io, type Socket } from "socket.io-client";
import type { Ack, ErrorBody } from "../../lib/protocol/errors";
import type { CommandName, CommandPayload, CommandResult } from "../../lib/protocol/commands";
import type { SessionSnapshot, SessionUpdate } from "../../lib/protocol/server-events";
import type { MyQuiz } from "../../lib/session/domains/quiz/mine";
import { PROTOCOL_VERSION } from "../../lib/protocol/version";
import { SessionStore, type SessionView } from "./session-store";

export type { ConnectionStatus } from "./session-store";
export type SessionAuth = { token: string } | { watch: string };

/** How long a command waits for its acknowledgement unless told otherwise. */
const ACK_TIMEOUT_MS = 10_000;

/** Sends a command; `timeoutMs` for one that may take longer (the sandbox's first run). */
export type Send = <K extends CommandName>(name: K, payload: CommandPayload<K>, options?: { timeoutMs?: number }) => Promise<Ack<CommandResult<K>>>;

export interface LiveSession extends SessionView {
  send: Send;
  store: SessionStore;
}

const NOT_CONNECTED: ErrorBody = { code: "INTERNAL", message: "Not connected: your change will need to be made again once the connection is back." };
const FINAL_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "SESSION_ENDED", "PROTOCOL_MISMATCH", "NOT_FOUND", "BAD_REQUEST"];

function wire(socket: Socket, store: SessionStore): () => void {
  const resync = () => {
    socket.timeout(10_000).emit("session:sync", {}, (err: unknown, ack: Ack<{ seq: number; state: unknown; mine?: unknown }>) => {
      if (!err && ack.ok) store.replace({ seq: ack.seq, state: ack.state as SessionSnapshot["state"], ...(ack.mine ? { mine: ack.mine as MyQuiz } : {}) });
    });
  };
  socket.on("connect", () => store.update({ status: "connected", refusal: null }));
  socket.on("disconnect", (reason) => {
    // "io server disconnect" means the server closed us on purpose; no automatic retry.
    store.update({ status: reason === "io server disconnect" ? "refused" : "reconnecting" });
  });
  socket.on("connect_error", (err: Error & { data?: ErrorBody }) => {
    const data = err.data;
    if (data && FINAL_CODES.includes(data.code)) {
      store.update({ refusal: { code: data.code, message: data.message }, status: "refused" });
      socket.disconnect();
    } else {
      store.update({ status: "reconnecting" });
    }
  });
  socket.on("session:snapshot", (snap: SessionSnapshot) => {
    if (snap.now !== undefined) noteServerTime(snap.now);
    store.replace(snap);
  });
  socket.on("quiz:mine", (mine: MyQuiz) => store.update({ mine }));
  // The server times this phone's round trips (quiz answer times subtract half of them).
  socket.on("system:probe", (_payload: unknown, ack?: () => void) => ack?.());
  socket.on("session:update", (update: SessionUpdate) => {
    if (!store.fold(update.events, update.online)) resync();
  });
  socket.on("session:removed", (notice: { message: string }) => store.update({ refusal: { code: "FORBIDDEN", message: notice.message }, status: "refused" }));
  // The server handed this phone a place: connect again with the same pass to take it.
  socket.on("session:reconnect", () => {
    store.update({ status: "reconnecting" });
    socket.disconnect().connect();
  });
  const ping = setInterval(() => {
    if (!socket.connected) return;
    const sent = performance.now();
    socket.timeout(5000).emit("system:ping", { clientTime: Date.now() }, (err: unknown) => {
      if (!err) store.update({ rttMs: Math.round(performance.now() - sent) });
    });
  }, 5000);
  return () => clearInterval(ping);
}

/**
 * @example
 * const live = useSession({ token });
 * live.state?.network; live.send("neuron:set", { bias: 0.5 });
 */
export function useSession(auth: SessionAuth | null): LiveSession {
  const authKey = auth ? JSON.stringify(auth) : null;
  const [connection, setConnection] = useState<{ key: string | null; store: SessionStore; socket: Socket | null }>(() => ({
    key: null,
    store: new SessionStore(),
    socket: null,
  }));

  useEffect(() => {
    if (!authKey) return;
    const store = new SessionStore();
    const socket = io({
      path: "/socket.io/",
      transports: ["websocket"],
      auth: { protocolVersion: PROTOCOL_VERSION, ...JSON.parse(authKey) },
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
    });
    const unwire = wire(socket, store);
    setConnection({ key: authKey, store, socket });
    return () => {
      unwire();
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [authKey]);

  const { store, socket } = connection;
  const view = useSyncExternalStore(store.subscribe, store.getView, store.getView);
  const send = useCallback<Send>(
    (name, payload, options) => {
      if (!socket || !socket.connected) return Promise.resolve({ ok: false, error: NOT_CONNECTED });
      return (socket.timeout(options?.timeoutMs ?? ACK_TIMEOUT_MS).emitWithAck(name as string, payload) as Promise<Ack<CommandResult<typeof name>>>).catch(() => ({
        ok: false as const,
        error: { code: "INTERNAL" as const, message: "The server did not answer in time; try again." },
      }));
    },
    [socket],
  );
  return { ...view, send, store };
}

/**
 * The part of the session a component reads; it re-renders only when that part changes
 * (compared by reference, which the reducer keeps stable for unchanged parts).
 * @example
 * const network = useSessionSelector(live.store, (v) => v.state?.network);
 */
export function useSessionSelector<T>(store: SessionStore, select: (view: SessionView) => T): T {
  const get = () => select(store.getView());
  return useSyncExternalStore(store.subscribe, get, get);
}
