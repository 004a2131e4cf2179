"use client";

/**
 * Connects to a session over Socket.IO with a token (teacher or student) or as a
 * read-only viewer (projector), keeps the folded state, and sends commands.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { Ack, CommandName, CommandPayload, CommandResult, ErrorBody, Viewer } from "../../lib/protocol";
import { PROTOCOL_VERSION } from "../../lib/protocol/version";
import type { LoggedEvent } from "../../lib/session/events";
import type { SessionState } from "../../lib/session/state";
import { foldUpdate, type SessionCopy } from "./session-store";

export type SessionAuth = { token: string } | { watch: string };

export type ConnectionStatus =
  | "connecting"
  | "connected"
  | "reconnecting"
  /** Refused for good (bad token, removed, ended, old page): see `refusal`. */
  | "refused";

export interface LiveSession {
  status: ConnectionStatus;
  refusal: ErrorBody | null;
  state: SessionState | null;
  seq: number;
  you: Viewer | null;
  online: ReadonlySet<string>;
  /** Round trip of the last ping, in ms. */
  rttMs: number | null;
  send<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<Ack<CommandResult<K>>>;
}

const NOT_CONNECTED: ErrorBody = { code: "INTERNAL", message: "Not connected: your change will need to be made again once the connection is back." };

/**
 * @example
 * const live = useSession({ token });
 * live.state?.network; live.send("neuron:set", { bias: 0.5 });
 */
export function useSession(auth: SessionAuth | null): LiveSession {
  const [copy, setCopy] = useState<SessionCopy | null>(null);
  const [you, setYou] = useState<Viewer | null>(null);
  const [online, setOnline] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [refusal, setRefusal] = useState<ErrorBody | null>(null);
  const [rttMs, setRtt] = useState<number | null>(null);
  const socketRef = useRef<Socket | null>(null);
  const copyRef = useRef<SessionCopy | null>(null);
  const authKey = auth ? JSON.stringify(auth) : null;

  useEffect(() => {
    if (!authKey) return;
    const socket = io({
      path: "/socket.io/",
      transports: ["websocket"],
      auth: { protocolVersion: PROTOCOL_VERSION, ...JSON.parse(authKey) },
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
    });
    socketRef.current = socket;
    setStatus("connecting");

    const apply = (next: SessionCopy) => {
      copyRef.current = next;
      setCopy(next);
    };
    const resync = () => {
      socket.timeout(10_000).emit("session:sync", {}, (err: unknown, ack: Ack<{ seq: number; state: unknown }>) => {
        if (!err && ack.ok) apply({ seq: ack.seq, state: ack.state as SessionState });
      });
    };

    socket.on("connect", () => {
      setStatus("connected");
      setRefusal(null);
    });
    socket.on("disconnect", (reason) => {
      // "io server disconnect" means the server closed us on purpose; no automatic retry.
      if (reason === "io server disconnect") setStatus((s) => (s === "refused" ? s : "refused"));
      else setStatus("reconnecting");
    });
    socket.on("connect_error", (err: Error & { data?: ErrorBody }) => {
      const data = err.data;
      if (data && ["UNAUTHENTICATED", "FORBIDDEN", "SESSION_ENDED", "PROTOCOL_MISMATCH", "NOT_FOUND", "BAD_REQUEST"].includes(data.code)) {
        setRefusal({ code: data.code, message: data.message });
        setStatus("refused");
        socket.disconnect();
      } else {
        setStatus("reconnecting");
      }
    });
    socket.on("session:snapshot", (snap: { seq: number; state: unknown; you: Viewer; online: string[] }) => {
      apply({ seq: snap.seq, state: snap.state as SessionState });
      setYou(snap.you);
      setOnline(new Set(snap.online));
    });
    socket.on("session:update", (update: { events: LoggedEvent[]; online?: string[] }) => {
      const current = copyRef.current;
      if (current && update.events.length > 0) {
        const next = foldUpdate(current, update.events);
        if (next) apply(next);
        else resync();
      }
      if (update.online) setOnline(new Set(update.online));
    });
    socket.on("session:removed", (notice: { message: string }) => {
      setRefusal({ code: "FORBIDDEN", message: notice.message });
      setStatus("refused");
    });

    const ping = setInterval(() => {
      if (!socket.connected) return;
      const sent = performance.now();
      socket.timeout(5000).emit("system:ping", { clientTime: Date.now() }, (err: unknown) => {
        if (!err) setRtt(Math.round(performance.now() - sent));
      });
    }, 5000);

    return () => {
      clearInterval(ping);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [authKey]);

  const send = useCallback(
    <K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<Ack<CommandResult<K>>> => {
      const socket = socketRef.current;
      if (!socket || !socket.connected) return Promise.resolve({ ok: false, error: NOT_CONNECTED });
      return (socket.timeout(10_000).emitWithAck(name as string, payload) as Promise<Ack<CommandResult<K>>>).catch(
        () => ({ ok: false as const, error: { code: "INTERNAL" as const, message: "The server did not answer in time; try again." } }),
      );
    },
    [],
  );

  return { status, refusal, state: copy?.state ?? null, seq: copy?.seq ?? 0, you, online, rttMs, send };
}
