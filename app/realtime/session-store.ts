/**
 * The browser's copy of a session, as an external store for React (`useSyncExternalStore`):
 * a snapshot plus the events that followed, folded with the same reducer as the server.
 * The reducer keeps every part an event did not touch, so selectors and `memo` see which
 * parts changed by reference. A gap in the seqs means a lost message: the store asks for a
 * fresh snapshot instead of guessing.
 */
import type { ErrorBody, Viewer } from "../../lib/protocol";
import type { MyQuiz } from "../../lib/session/domains/quiz/mine";
import type { LoggedEvent } from "../../lib/session/events";
import { applyEvent } from "../../lib/session/reducer";
import type { SessionState } from "../../lib/session/state";

export interface SessionCopy {
  seq: number;
  state: SessionState;
}

export type ConnectionStatus =
  | "connecting"
  | "connected"
  | "reconnecting"
  /** Refused for good (bad token, removed, ended, old page): see `refusal`. */
  | "refused";

/** Everything a screen reads about its live session; replaced (never mutated) on each change. */
export interface SessionView {
  status: ConnectionStatus;
  refusal: ErrorBody | null;
  state: SessionState | null;
  seq: number;
  you: Viewer | null;
  online: ReadonlySet<string>;
  /** Round trip of the last ping, in ms. */
  rttMs: number | null;
  /** A student's own part of the quiz (their numbers, answer, result, rank); null for others. */
  mine: MyQuiz | null;
}

/**
 * Folds a tick's events into a new copy (the old one is left untouched).
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

const INITIAL: SessionView = { status: "connecting", refusal: null, state: null, seq: 0, you: null, online: new Set(), rttMs: null, mine: null };

export class SessionStore {
  private view: SessionView = INITIAL;
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): SessionView => this.view;

  /** Changes some fields of the view and tells every subscriber. */
  update(patch: Partial<SessionView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }

  /** Takes a full snapshot (on connect, after a resync). */
  replace(snapshot: { seq: number; state: SessionState; you?: Viewer; online?: string[]; mine?: MyQuiz }): void {
    this.update({
      seq: snapshot.seq,
      state: snapshot.state,
      ...(snapshot.you ? { you: snapshot.you } : {}),
      ...(snapshot.online ? { online: new Set(snapshot.online) } : {}),
      ...(snapshot.mine ? { mine: snapshot.mine } : {}),
    });
  }

  /** Folds a tick's update; returns false when it does not follow on (the caller resyncs). */
  fold(events: readonly LoggedEvent[], online?: string[]): boolean {
    const { state, seq } = this.view;
    let ok = true;
    const patch: Partial<SessionView> = {};
    if (state && events.length > 0) {
      const next = foldUpdate({ seq, state }, events);
      if (next) Object.assign(patch, next);
      else ok = false;
    }
    if (online) patch.online = new Set(online);
    if (Object.keys(patch).length > 0) this.update(patch);
    return ok;
  }
}
