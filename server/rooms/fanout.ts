/**
 * Turns one tick's committed events into what each kind of viewer receives: its projection
 * of the events (lib/session/views), or a fresh projected snapshot when its copy cannot
 * follow by folding. One message per kind per tick, so each client still gets at most one
 * update per tick.
 */
import type { ServerToClientEvents } from "../../lib/protocol/server-events";
import type { LoggedEvent } from "../../lib/session/events";
import type { SessionState } from "../../lib/session/state";
import { projectEvent, projectState, VIEWER_KINDS, type ViewerKind } from "../../lib/session/views";

/** Where a room's messages go: every client of one viewer kind (or of several), or one participant's clients. */
export type Channel = { kind: ViewerKind } | { kinds: ViewerKind[] } | { participant: string };

/** A message of the server's events (lib/protocol/server-events), as the room hands it out. */
export type RoomMessage = {
  [E in Exclude<keyof ServerToClientEvents, "system:error">]: { event: E; payload: Parameters<ServerToClientEvents[E]>[0] };
}[Exclude<keyof ServerToClientEvents, "system:error">];

export type Deliver = (channel: Channel, message: RoomMessage) => void;

/** A committed event and the state right after it. */
export interface Committed {
  event: LoggedEvent;
  after: SessionState;
}

/**
 * @example
 * fanOut(items, { changed: true, ids: () => ["p1"] }, { seq, state, now: Date.now() }, deliver);
 */
export function fanOut(
  items: readonly Committed[],
  presence: { changed: boolean; ids: () => string[] },
  head: { seq: number; state: SessionState; now: number },
  deliver: Deliver,
): void {
  // Who is online is listed only when it changed or a viewer needs a whole snapshot.
  const online = presence.changed ? presence.ids() : null;
  // Kinds whose updates hold the very same events (every kind, for slider moves) share one
  // message, which Socket.IO then encodes once for all their sockets.
  const shared: { kinds: ViewerKind[]; events: LoggedEvent[] }[] = [];
  for (const kind of VIEWER_KINDS) {
    const events: LoggedEvent[] = [];
    let resync = false;
    for (const { event, after } of items) {
      const projected = projectEvent(event, kind, after);
      if (projected === "resync") {
        resync = true;
        break;
      }
      events.push(projected);
    }
    if (resync) {
      deliver({ kind }, { event: "session:snapshot", payload: { seq: head.seq, state: projectState(head.state, kind), online: online ?? presence.ids(), now: head.now } });
    } else if (events.length > 0 || online) {
      const same = shared.find((g) => g.events.length === events.length && g.events.every((e, i) => e === events[i]));
      if (same) same.kinds.push(kind);
      else shared.push({ kinds: [kind], events });
    }
  }
  for (const { kinds, events } of shared) {
    const message: RoomMessage = { event: "session:update", payload: online ? { events, online } : { events } };
    if (kinds.length === 1) deliver({ kind: kinds[0]! }, message);
    else deliver({ kinds }, message);
  }
}
