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

/** Snapshots kept per session: the newest few are enough to load fast; the log is the truth. */
export const SNAPSHOTS_KEPT = 3;

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
  /** Events with `fromSeq <= seq <= toSeq`, in order, at most `limit` of them. */
  read(sessionId: string, fromSeq: number, toSeq?: number, limit?: number): Promise<StoredEvent[]>;
  /** The last seq of the session's log, 0 when empty. */
  headSeq(sessionId: string): Promise<number>;
  /**
   * The last seq once every append to the session that is still open has ended (it waits
   * for them): whether an append whose reply was lost landed, known rather than guessed.
   */
  settledHeadSeq(sessionId: string): Promise<number>;

  /** Saves a snapshot and keeps only the latest SNAPSHOTS_KEPT of the session. */
  saveSnapshot(sessionId: string, snapshot: Snapshot): Promise<void>;
  /** The seqs of the session's stored snapshots, oldest first. */
  snapshotSeqs(sessionId: string): Promise<number[]>;
  latestSnapshot(sessionId: string): Promise<Snapshot | null>;
}
