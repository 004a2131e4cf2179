/**
 * Rebuilds a session's state from the database: the latest snapshot of the current state
 * version, then the events after it, each parsed with its schema, read in pages so a long
 * session never sits whole in memory. A snapshot of another version is ignored (the log is
 * the truth, and stays readable forever); a corrupt row names its session and seq.
 */
import type { Storage } from "../../db/storage";
import { parseStoredEvent } from "../../lib/session/event-schemas";
import { applyEvent, createState } from "../../lib/session/reducer";
import { STATE_VERSION, type SessionState } from "../../lib/session/state";

/** How a snapshot is written: the state with the version of its shape. */
export interface VersionedSnapshot {
  version: number;
  state: SessionState;
}

export function toSnapshot(state: SessionState): VersionedSnapshot {
  return { version: STATE_VERSION, state };
}

/** The snapshot's state when it was written in the current state version, else null (fold from the log). */
export function usable(snap: { seq: number; state: unknown } | null): { seq: number; state: SessionState } | null {
  if (!snap || typeof snap.state !== "object" || snap.state === null) return null;
  const v = snap.state as Partial<VersionedSnapshot>;
  return v.version === STATE_VERSION && v.state ? { seq: snap.seq, state: v.state } : null;
}

/**
 * @example
 * const loaded = await loadSessionState(storage, id); // null when there is no such session
 */
export async function loadSessionState(
  storage: Storage,
  sessionId: string,
  pageSize = 1000,
): Promise<{ state: SessionState; seq: number } | null> {
  const snap = usable(await storage.latestSnapshot(sessionId));
  let state = snap?.state ?? null;
  let seq = snap?.seq ?? 0;
  for (;;) {
    const page = await storage.read(sessionId, seq + 1, undefined, pageSize);
    for (const row of page) {
      const event = parseStoredEvent(sessionId, row);
      if (state === null) {
        if (event.type !== "session.created") throw new Error(`session ${sessionId}: the log starts with ${event.type}`);
        state = createState(event);
      } else {
        state = applyEvent(state, event);
      }
      seq = row.seq;
    }
    if (page.length < pageSize) break;
  }
  return state ? { state, seq } : null;
}
