"use client";

/**
 * The rows of "Past sessions": every teacher token this browser holds, each with its summary
 * from the server (a few asked at a time). A session the server no longer knows (deleted, or
 * past retention) is `gone`; a pass it no longer accepts is `refused`.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { SessionSummary } from "../../../lib/protocol/replay";
import { forgetSession, readKnownSessions } from "./known-sessions";
import { HttpError } from "../http/bearer-json";
import { fetchSummary } from "./teacher-api";

export type RowState =
  | { kind: "loading" }
  | { kind: "ok"; summary: SessionSummary }
  | { kind: "gone" }
  | { kind: "refused"; message: string }
  | { kind: "error"; message: string };

export interface PastSessionRow {
  sessionId: string;
  token: string;
  imported: boolean;
  state: RowState;
}

const AT_ONCE = 4;

export function stateOf(err: unknown): RowState {
  if (err instanceof HttpError) {
    // Deleting a session deletes its teacher pass too, so the server answers a deleted
    // session's pass with 401 (pass unknown) rather than 404 (session unknown).
    if (err.status === 404 || err.status === 401) return { kind: "gone" };
    if (err.status === 403) return { kind: "refused", message: err.message };
    return { kind: "error", message: err.message };
  }
  return { kind: "error", message: (err as Error).message };
}

/** Newest first; rows without a summary after them, in a stable order. */
function ordered(rows: PastSessionRow[]): PastSessionRow[] {
  const created = (r: PastSessionRow) => (r.state.kind === "ok" ? Date.parse(r.state.summary.createdAt) : -Infinity);
  return [...rows].sort((a, b) => created(b) - created(a) || a.sessionId.localeCompare(b.sessionId));
}

export function usePastSessions() {
  const [rows, setRows] = useState<PastSessionRow[] | null>(null);
  const alive = useRef(true);

  const patch = useCallback((sessionId: string, state: RowState) => {
    if (!alive.current) return;
    setRows((prev) => (prev ? ordered(prev.map((r) => (r.sessionId === sessionId ? { ...r, state } : r))) : prev));
  }, []);

  const load = useCallback(
    async (sessionId: string, token: string) => {
      // A network blip or a busy server is asked again twice, a second apart and then two.
      for (let attempt = 0; ; attempt++) {
        try {
          patch(sessionId, { kind: "ok", summary: await fetchSummary(sessionId, token) });
          return;
        } catch (err) {
          const state = stateOf(err);
          if (state.kind !== "error" || attempt >= 2 || !alive.current) {
            patch(sessionId, state);
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 1000 * (attempt + 1)));
        }
      }
    },
    [patch],
  );

  useEffect(() => {
    alive.current = true;
    const known = readKnownSessions();
    setRows(known.map((k) => ({ ...k, state: { kind: "loading" } })));
    const queue = [...known];
    const worker = async () => {
      for (let next = queue.shift(); next && alive.current; next = queue.shift()) await load(next.sessionId, next.token);
    };
    for (let i = 0; i < AT_ONCE; i++) void worker();
    return () => {
      alive.current = false;
    };
  }, [load]);

  /** Adds (or refreshes) a session this browser now holds a token for. */
  const add = useCallback((sessionId: string, token: string, summary?: SessionSummary, imported = false) => {
    setRows((prev) => {
      const rest = (prev ?? []).filter((r) => r.sessionId !== sessionId);
      return ordered([{ sessionId, token, imported, state: summary ? { kind: "ok", summary } : { kind: "loading" } }, ...rest]);
    });
    if (!summary) void load(sessionId, token);
  }, [load]);

  /** Forgets a session here (the token too). */
  const remove = useCallback((sessionId: string) => {
    forgetSession(sessionId);
    setRows((prev) => (prev ? prev.filter((r) => r.sessionId !== sessionId) : prev));
  }, []);

  return { rows, add, remove };
}
