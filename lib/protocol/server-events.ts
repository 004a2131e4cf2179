import type { LoggedEvent } from "../session/events";
import type { MyQuiz } from "../session/domains/quiz/mine";
import type { SessionState } from "../session/state";
import type { ErrorBody } from "./errors";

/** Who a socket is, as the server sees it. */
export type Viewer =
  | { role: "teacher"; participantId: string }
  | { role: "student"; participantId: string }
  | { role: "viewer"; participantId: null };

/** The session as this viewer may see it, at `seq`. `you` is sent on connect. */
export interface SessionSnapshot {
  seq: number;
  state: SessionState;
  you?: Viewer;
  online: string[];
  /** The server's clock (epoch ms) when it was sent: screens count down to its deadlines with it. */
  now?: number;
  /** A student's own part of the quiz (their numbers, answer, result and rank). */
  mine?: MyQuiz;
}

/** One tick's events (fold them with the shared reducer) and, when it changed, who is online. */
export interface SessionUpdate {
  events: LoggedEvent[];
  online?: string[];
}

/**
 * Events the server sends without being asked.
 * - `session:snapshot`: the session as this viewer may see it, on connect, after a resync,
 *   and when the viewer's copy cannot follow by folding (names shown again on the projector).
 * - `session:update`: once per broadcast tick at most: this viewer's projection of the
 *   events logged since the last update.
 * - `session:removed`: this phone is out of the class (removed, or its place went to a new
 *   phone, or its request was refused); the socket is then closed.
 * - `session:reconnect`: connect again with the same token (a place was handed to it).
 * - `system:probe`: acknowledge at once; the server times the round trip (a phone's
 *   one-way delay is half the median of its recent round trips).
 * - `quiz:mine`: a student's own part of the quiz, whenever it changes (never sent to anyone else).
 * - `system:error`: a message the server could not take (unknown event, missing ack).
 */
export type ServerToClientEvents = {
  "session:snapshot": (snapshot: SessionSnapshot) => void;
  "session:update": (update: SessionUpdate) => void;
  "session:removed": (notice: { message: string }) => void;
  "session:reconnect": (notice: { message: string }) => void;
  "quiz:mine": (mine: MyQuiz) => void;
  "system:probe": (payload: Record<string, never>, ack: () => void) => void;
  "system:error": (error: ErrorBody & { event?: string }) => void;
};
