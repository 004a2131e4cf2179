/**
 * The browser's copy of a session: a snapshot plus the events that followed, folded with
 * the same reducer as the server. A gap in the seqs means a lost message: the caller
 * asks for a fresh snapshot instead of guessing.
 */
import { applyEvent } from "../../lib/session/reducer";
import type { LoggedEvent } from "../../lib/session/events";
import type { SessionState } from "../../lib/session/state";

export interface SessionCopy {
  seq: number;
  state: SessionState;
}

/**
 * Folds a tick's events into a new copy (the old one is left untouched for React).
 * Returns null when the events do not follow on from `copy.seq`.
 * @example
 * const next = foldUpdate(copy, update.events); if (!next) requestSync();
 */
export function foldUpdate(copy: SessionCopy, events: readonly LoggedEvent[]): SessionCopy | null {
  const fresh = events.filter((e) => e.seq > copy.seq);
  if (fresh.length === 0) return copy;
  if (fresh[0]!.seq !== copy.seq + 1) return null;
  let state = copy.state;
  let seq = copy.seq;
  for (const e of fresh) {
    if (e.seq !== seq + 1) return null;
    state = applyEvent(state, e);
    seq = e.seq;
  }
  return { seq, state };
}
