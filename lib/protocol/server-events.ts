import type { ErrorBody } from "./errors";

/** Who a socket is, as the server sees it. */
export type Viewer =
  | { role: "teacher"; participantId: string }
  | { role: "student"; participantId: string }
  | { role: "viewer"; participantId: null };

/**
 * Events the server sends without being asked.
 * - `session:snapshot`: the whole session state at `seq`, on connect and after a resync.
 * - `session:update`: once per broadcast tick at most: the events logged since the last
 *   update (fold them with the shared reducer) and, when it changed, who is online.
 * - `session:removed`: the teacher removed this student; the socket is then closed.
 * - `system:error`: a message the server could not take (unknown event, missing ack).
 */
export type ServerToClientEvents = {
  "session:snapshot": (snapshot: { seq: number; state: unknown; you: Viewer; online: string[] }) => void;
  "session:update": (update: { events: unknown[]; online?: string[] }) => void;
  "session:removed": (notice: { message: string }) => void;
  "system:error": (error: ErrorBody & { event?: string }) => void;
};
