/**
 * How a room names the outcome of a commit: the deadlines it gives the database, the two
 * refusals a command can get when the database fails (not saved, or not confirmed), and how a
 * row read back is recognised as the one the room tried to append.
 */
import { isDeepStrictEqual } from "node:util";
import { ProtocolError } from "../../lib/protocol/errors";

/** Defaults chosen so a command's answer comes within 4 s: 25 ms tick + 2 s commit + 1.5 s re-read. */
export const COMMIT_DEADLINE_MS = 2000;
export const READ_DEADLINE_MS = 1500;
export const HEAL_EVERY_MS = 500;

/** Refused without trying: the room knows the database is not answering. Nothing was queued. */
export class DatabaseUnavailableError extends ProtocolError {
  constructor() {
    super("UNAVAILABLE", "The database is not answering right now; nothing was changed. Try again in a moment.");
  }
}

/** The commit failed. `uncertain`: we could not find out whether it was stored. */
export class CommitError extends ProtocolError {
  constructor(readonly uncertain: boolean) {
    super(
      uncertain ? "UNAVAILABLE" : "INTERNAL",
      uncertain
        ? "We could not confirm this was saved: the database is not answering. Check in a moment and try again if needed."
        : "Your change could not be saved; nothing was changed. Try again.",
    );
  }
}

export type Row = { type: string; payload: unknown; actor: string | null };

/** Whether a stored row is the event we tried to append (JSON round trip: jsonb drops undefined). */
export function sameEvent(stored: Row, sent: Row): boolean {
  const json = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as unknown;
  return stored.type === sent.type && stored.actor === sent.actor && isDeepStrictEqual(json(stored.payload), json(sent.payload));
}
