/**
 * What the realtime core needs from storage, behind one interface so that the SQL
 * implementation (PGlite or PostgreSQL) and any in-memory double pass one contract suite.
 */

export interface NewEvent {
  type: string;
  payload: unknown;
  /** Participant id of whoever caused the event; null for the system. */
  actor: string | null;
  /** When it happened: the database's clock when omitted (an imported log keeps its own times). */
  at?: Date;
}

export interface StoredEvent extends NewEvent {
  sessionId: string;
  seq: number;
  at: Date;
}

export interface SessionRecord {
  id: string;
  code: string;
  status: "live" | "ended";
  createdAt: Date;
  endedAt: Date | null;
}

export interface ParticipantRecord {
  id: string;
  sessionId: string;
  role: "teacher" | "student";
  tokenHash: string;
}

export interface Snapshot {
  seq: number;
  state: unknown;
}

/**
 * The event types a replay's timeline marks and a session's summary counts. The events
 * table has a partial index on exactly these (db/schema.ts `events_marks_idx`), so they are
 * found without reading the whole log. The index is built from this list (db/schema.ts), so
 * a change here needs a new migration (`npm run db:generate`).
 */
export const MARK_EVENT_TYPES = [
  "session.ended",
  "student.joined",
  "lesson.step",
  "quiz.launched",
  "quiz.closed",
  "quiz.revealed",
  "training.started",
  "training.round-started",
  "training.round-ended",
  "training.stepped",
  "training.stopped",
] as const;

/** What a session's summary counts, read by SQL without loading the session. */
export interface SessionStats {
  /** Events in the log (its last seq: the log has no gaps). */
  events: number;
  /** Time of the last event, null for an empty log. */
  lastEventAt: Date | null;
  /** `student.joined` events: students who ever joined. */
  students: number;
  /** `quiz.launched` events. */
  questions: number;
}

/** A read-only replay link; the token itself is never stored, only its SHA-256 hash. */
export interface ReplayLinkRecord {
  tokenHash: string;
  sessionId: string;
  hideNames: boolean;
  createdAt: Date;
}

/** Thrown when an append does not start right after the session's last event. */
export class SeqConflictError extends Error {
  constructor(
    readonly sessionId: string,
    readonly expectedSeq: number,
    readonly headSeq: number,
  ) {
    super(`session ${sessionId}: append at seq ${expectedSeq} refused, the log ends at ${headSeq}`);
    this.name = "SeqConflictError";
  }
}

/** One session's share of a batched append (`Storage.appendBatch`). */
export interface AppendRequest {
  sessionId: string;
  fromSeq: number;
  events: NewEvent[];
}

/** What became of one request of a batch: its stored rows, or why it was refused (nothing of it stored). */
export type AppendOutcome = { stored: StoredEvent[] } | { error: Error };

/** Thrown (as a batch item's outcome) when an append names a session that does not exist. */
export class SessionGoneError extends Error {
  constructor(readonly sessionId: string) {
    super(`session ${sessionId} does not exist`);
    this.name = "SessionGoneError";
  }
}

/** Thrown when a live session already uses the join code. */
export class CodeTakenError extends Error {
  constructor(readonly code: string) {
    super(`join code ${code} is already used by a live session`);
    this.name = "CodeTakenError";
  }
}

export interface Storage {
  /** @throws CodeTakenError when a live session has the same code. */
  createSession(session: { id: string; code: string; createdAt?: Date }): Promise<SessionRecord>;
  getSession(id: string): Promise<SessionRecord | null>;
  findLiveSessionByCode(code: string): Promise<SessionRecord | null>;
  listLiveSessions(): Promise<SessionRecord[]>;
  /** Marks the session ended, at `at` (now when omitted). */
  endSession(id: string, at?: Date): Promise<void>;
  /** Deletes one session with everything it holds (log, snapshots, tokens, links); false when there was none. */
  deleteSession(id: string): Promise<boolean>;
  /** Deletes sessions created before `cutoff`, with everything they hold; returns their ids. */
  deleteSessionsBefore(cutoff: Date): Promise<string[]>;

  addParticipant(participant: ParticipantRecord): Promise<void>;
  findParticipantByToken(tokenHash: string): Promise<ParticipantRecord | null>;
  /**
   * Hands `toId`'s place to whoever holds `fromId`'s token: `toId` takes that token (its own
   * old token stops working) and `fromId` is deleted. Does nothing when `fromId` is gone.
   */
  transferParticipant(fromId: string, toId: string): Promise<void>;
  removeParticipant(id: string): Promise<void>;

  /**
   * Appends events with consecutive seqs starting at `fromSeq`, in one transaction.
   * `fromSeq` must be exactly one past the session's last seq (1 for an empty log).
   * @throws SeqConflictError otherwise, or when another writer took the slot first.
   */
  append(sessionId: string, fromSeq: number, events: NewEvent[]): Promise<StoredEvent[]>;
  /**
   * Several appends (of different sessions, or of one session in order) in one transaction,
   * each checked as `append` checks it. One request's refusal (SeqConflictError,
   * SessionGoneError) is its own outcome, in the same position, and stores nothing of it;
   * the others are stored.
   * @throws when the database itself fails: the outcome of every request is then unknown.
   */
  appendBatch(requests: readonly AppendRequest[]): Promise<AppendOutcome[]>;
  /** Events with `fromSeq <= seq <= toSeq`, in order, at most `limit` of them. */
  read(sessionId: string, fromSeq: number, toSeq?: number, limit?: number): Promise<StoredEvent[]>;
  /** The last seq of the session's log, 0 when empty. */
  headSeq(sessionId: string): Promise<number>;
  /**
   * The last seq once every append to the session that is still open has ended (it waits
   * for them): whether an append whose reply was lost landed, known rather than guessed.
   */
  settledHeadSeq(sessionId: string): Promise<number>;

  /**
   * Saves a snapshot (replacing one at the same seq). Every snapshot is kept: they are the
   * points a replay seeks from (docs/architecture.md, "Replays").
   */
  saveSnapshot(sessionId: string, snapshot: Snapshot): Promise<void>;
  /** The seqs of the session's stored snapshots, oldest first. */
  snapshotSeqs(sessionId: string): Promise<number[]>;
  latestSnapshot(sessionId: string): Promise<Snapshot | null>;
  /** The snapshot with the greatest seq not above `seq`, or null. */
  snapshotAtOrBefore(sessionId: string, seq: number): Promise<Snapshot | null>;

  /** Counts for the session's summary (see SessionStats). */
  sessionStats(sessionId: string): Promise<SessionStats>;
  /** Events of MARK_EVENT_TYPES with `seq > afterSeq`, in order, at most `limit`. */
  readMarks(sessionId: string, afterSeq: number, limit: number): Promise<StoredEvent[]>;
  /** The times of the events at these seqs (those that exist), in seq order. */
  eventTimes(sessionId: string, seqs: readonly number[]): Promise<{ seq: number; at: Date }[]>;

  createReplayLink(link: { tokenHash: string; sessionId: string; hideNames: boolean }): Promise<ReplayLinkRecord>;
  findReplayLink(tokenHash: string): Promise<ReplayLinkRecord | null>;
}
