/**
 * The state of a session just after event N: the nearest snapshot at or before N written in
 * the current state version (server/rooms/load-state.ts), then the events after it folded
 * in pages, so a long session never sits whole in memory. The same reducer the room runs.
 */
import type { Storage } from "../../db/storage";
import { parseStoredEvent } from "../../lib/session/event-schemas";
import type { LoggedEvent } from "../../lib/session/events";
import { MoveRun } from "../../lib/session/move-run";
import { applyEvent, createState } from "../../lib/session/reducer";
import type { SessionState } from "../../lib/session/state";
import { usable } from "../rooms/load-state";

export const PAGE_SIZE = 1_000;

/** A state at a seq, with the time of that seq's event (epoch ms). */
export interface SeqState {
  seq: number;
  at: number;
  state: SessionState;
}

/** Lets other work run between pages of a long pass. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Folds one stored event into the state (null before `session.created`). */
export function foldOne(sessionId: string, state: SessionState | null, event: LoggedEvent): SessionState {
  if (state === null) {
    if (event.type !== "session.created") throw new Error(`session ${sessionId}: the log starts with ${event.type}`);
    return createState(event);
  }
  return applyEvent(state, event);
}

/** What a pass over `from..to` ends with: the last seq read, its time, and the state after it. */
export interface Folded {
  seq: number;
  at: number | null;
  state: SessionState | null;
}

/**
 * Reads events `from..to` in pages and hands each, parsed, with the state just after it.
 * `quick` folds a run of slider moves (most of a long log) as the room batches a tick
 * (lib/session/move-run.ts): the same state after the run for one fold per student; `each`
 * then sees every other event, and the last move of each run (a run is cut at each page's
 * end) with the state after the run.
 * @example
 * await foldRange(storage, id, start, 10, 20, (event, after) => out.push(event));
 * const { state } = await foldRange(storage, id, start, 1_000_000, undefined, { quick: true });
 */
export async function foldRange(
  storage: Storage,
  sessionId: string,
  start: { seq: number; state: SessionState | null },
  to: number,
  each?: (event: LoggedEvent, after: SessionState) => void,
  { pageSize = PAGE_SIZE, quick = false }: { pageSize?: number; quick?: boolean } = {},
): Promise<Folded> {
  let { seq, state } = start;
  let at: number | null = null;
  const run = new MoveRun();
  const endRun = () => {
    if (run.size === 0 || !state) return;
    state = run.foldInto(state);
    each?.(run.last!, state);
  };
  while (seq < to) {
    const page = await storage.read(sessionId, seq + 1, to, pageSize);
    if (page.length === 0) break;
    for (const row of page) {
      const event = parseStoredEvent(sessionId, row);
      seq = row.seq;
      at = row.at.getTime();
      if (quick && state && run.take(event)) continue;
      endRun();
      state = foldOne(sessionId, state, event);
      each?.(event, state);
    }
    endRun();
    if (page.length < pageSize) break;
    if (seq < to) await breathe();
  }
  return { seq, at, state };
}

/**
 * The state just after event `seq` (1..head), starting from the best of a stored snapshot
 * and a state the caller already has (`near`, e.g. the last seek's).
 * @returns null when the log has no event `seq`.
 */
export async function stateAt(storage: Storage, sessionId: string, seq: number, near?: SeqState): Promise<SeqState | null> {
  const snap = usable(await storage.snapshotAtOrBefore(sessionId, seq));
  let start: { seq: number; state: SessionState | null; at: number | null } = { seq: 0, state: null, at: null };
  if (snap) start = { ...snap, at: null };
  if (near && near.seq <= seq && near.seq > start.seq) start = near;
  const folded = await foldRange(storage, sessionId, start, seq, undefined, { quick: true });
  if (folded.seq !== seq || !folded.state) return null;
  let at = folded.at ?? start.at;
  if (at === null) at = (await storage.eventTimes(sessionId, [seq]))[0]?.at.getTime() ?? null;
  if (at === null) return null;
  return { seq, at, state: folded.state };
}
