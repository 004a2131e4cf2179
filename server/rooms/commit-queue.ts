/**
 * Group commit for the whole process. Every room hands its tick's events here instead of
 * opening its own transaction; whatever is waiting when the database is free goes in one
 * transaction (`Storage.appendBatch`), and each room's promise settles with its own rows or
 * its own refusal (a seq conflict stays that room's). While a transaction runs, the next
 * tick's appends of every room gather behind it, so under load there is one commit per tick
 * or fewer for all rooms together; a lone room on a quiet server is not held for a tick
 * boundary.
 *
 * PGlite runs one transaction at a time, so one is in flight (`inFlight: 1`). On
 * PostgreSQL a few run at once (`inFlight: 4` from the server), each on its own pooled
 * connection: a batch larger than `maxRows` is split, and a stalled connection does not hold
 * every room. A request that waited past `staleAfterMs` without being sent is dropped
 * (refused, stored nowhere): its room has passed its commit deadline and re-read the log, and
 * must not see it land later.
 */
import type { AppendOutcome, AppendRequest, NewEvent, Storage, StoredEvent } from "../../db/storage";
import { COMMIT_DEADLINE_MS } from "./commit-outcome";

/** What a room commits through: a CommitQueue, or the storage itself (unit tests). */
export interface Appender {
  append(sessionId: string, fromSeq: number, events: NewEvent[]): Promise<StoredEvent[]>;
}

export interface CommitQueueOptions {
  /** Transactions at once (1 for PGlite). */
  inFlight?: number;
  /** Rows one transaction takes at most; the rest wait for the next (or go on another connection). */
  maxRows?: number;
  /** A request not sent within this long is refused without being sent. */
  staleAfterMs?: number;
}

interface Waiting extends AppendRequest {
  since: number;
  resolve(stored: StoredEvent[]): void;
  reject(err: Error): void;
}

/** Refused before it was sent: nothing of it is stored, and it will never be. */
export class NotSentError extends Error {
  constructor(sessionId: string, waitedMs: number) {
    super(`session ${sessionId}: append not sent, it waited ${Math.round(waitedMs)} ms for the database`);
    this.name = "NotSentError";
  }
}

export class CommitQueue implements Appender {
  private waiting: Waiting[] = [];
  private running = 0;
  private scheduled = false;
  private readonly inFlight: number;
  private readonly maxRows: number;
  private readonly staleAfterMs: number;
  /** Transactions sent and requests they carried, for benches and logs. */
  readonly stats = { transactions: 0, requests: 0 };

  constructor(
    private readonly storage: Storage,
    options: CommitQueueOptions = {},
  ) {
    this.inFlight = Math.max(1, options.inFlight ?? 1);
    this.maxRows = Math.max(1, options.maxRows ?? 2000);
    this.staleAfterMs = options.staleAfterMs ?? COMMIT_DEADLINE_MS;
  }

  /**
   * Resolves with the stored rows once the transaction holding them has committed.
   * @throws SeqConflictError, SessionGoneError, NotSentError (nothing stored), or the database's error (outcome unknown)
   */
  append(sessionId: string, fromSeq: number, events: NewEvent[]): Promise<StoredEvent[]> {
    if (events.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.waiting.push({ sessionId, fromSeq, events, since: performance.now(), resolve, reject });
      this.kick();
    });
  }

  /** Requests waiting for a transaction. */
  get backlog(): number {
    return this.waiting.length;
  }

  /** Starts a transaction once the current turn of the event loop has queued what it will. */
  private kick(): void {
    if (this.scheduled || this.running >= this.inFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < this.inFlight && this.waiting.length > 0) void this.send(this.take());
    });
  }

  /** The oldest waiting requests, up to `maxRows` rows (at least one request); stale ones refused. */
  private take(): Waiting[] {
    const batch: Waiting[] = [];
    let rows = 0;
    const now = performance.now();
    while (this.waiting.length > 0) {
      const next = this.waiting[0]!;
      if (batch.length > 0 && rows + next.events.length > this.maxRows) break;
      this.waiting.shift();
      if (now - next.since > this.staleAfterMs) {
        next.reject(new NotSentError(next.sessionId, now - next.since));
        continue;
      }
      batch.push(next);
      rows += next.events.length;
    }
    return batch;
  }

  private async send(batch: Waiting[]): Promise<void> {
    if (batch.length === 0) return;
    this.running++;
    this.stats.transactions++;
    this.stats.requests += batch.length;
    try {
      // One request alone takes the single-session path: the same statements as before batching.
      const outcomes: AppendOutcome[] =
        batch.length === 1
          ? [await this.storage.append(batch[0]!.sessionId, batch[0]!.fromSeq, batch[0]!.events).then((stored) => ({ stored }))]
          : await this.storage.appendBatch(batch);
      batch.forEach((w, i) => {
        const o = outcomes[i]!;
        if ("stored" in o) w.resolve(o.stored);
        else w.reject(o.error);
      });
    } catch (err) {
      for (const w of batch) w.reject(err as Error);
    } finally {
      this.running--;
      this.kick();
    }
  }
}
