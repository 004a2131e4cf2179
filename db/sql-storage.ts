/**
 * The Storage interface over drizzle, for PGlite and PostgreSQL alike. The primary key
 * (session_id, seq) is the referee between concurrent writers; the head check inside
 * the transaction keeps the sequence free of gaps. An append holds its session's row lock
 * until it ends, so `settledHeadSeq` can wait for one whose reply was lost.
 */
import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, lt, lte, max, sql } from "drizzle-orm";
import { appendBatch, appendOne, type AppendOptions } from "./batch-append";
import type { Db } from "./client";
import { events, MARKED_TYPES_SQL, participants, replayLinks, sessions, snapshots } from "./schema";
import {
  CodeTakenError,
  SeqConflictError,
  type AppendOutcome,
  type AppendRequest,
  type ReplayLinkRecord,
  type SessionStats,
  type NewEvent,
  type ParticipantRecord,
  type SessionRecord,
  type Snapshot,
  type Storage,
  type StoredEvent,
} from "./storage";

const UNIQUE_VIOLATION = "23505";

/**
 * `type in ('session.ended', …)` written as literals (MARKED_TYPES_SQL), exactly as the partial index
 * events_marks_idx says it: with bound parameters instead, the planner could not prove the
 * index applies and would read every event of the session.
 */
const MARKED = sql`${events.type} in (${sql.raw(MARKED_TYPES_SQL)})`;

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === UNIQUE_VIOLATION) return true;
  }
  return false;
}

function toSession(row: typeof sessions.$inferSelect): SessionRecord {
  return { id: row.id, code: row.code, status: row.status, createdAt: row.createdAt, endedAt: row.endedAt };
}

function toEvent(row: typeof events.$inferSelect): StoredEvent {
  return { sessionId: row.sessionId, seq: row.seq, type: row.type, payload: row.payload, actor: row.actor, at: row.at };
}

/**
 * Storage backed by the process's drizzle database.
 * @example
 * const database = await openDatabase({ dataDir: ".data" });
 * const storage = new SqlStorage(database.db, { oneConnection: database.kind === "pglite" });
 * await storage.createSession({ id: "s1", code: "ABCDEF" });
 */
export class SqlStorage implements Storage {
  constructor(
    private readonly db: Db,
    private readonly options: AppendOptions = {},
  ) {}

  async createSession(session: { id: string; code: string; createdAt?: Date }): Promise<SessionRecord> {
    try {
      const [row] = await this.db.insert(sessions).values(session).returning();
      return toSession(row!);
    } catch (err) {
      if (isUniqueViolation(err)) throw new CodeTakenError(session.code);
      throw err;
    }
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const [row] = await this.db.select().from(sessions).where(eq(sessions.id, id));
    return row ? toSession(row) : null;
  }

  async findLiveSessionByCode(code: string): Promise<SessionRecord | null> {
    const [row] = await this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.code, code), eq(sessions.status, "live")));
    return row ? toSession(row) : null;
  }

  async listLiveSessions(): Promise<SessionRecord[]> {
    const rows = await this.db.select().from(sessions).where(eq(sessions.status, "live"));
    return rows.map(toSession);
  }

  async endSession(id: string, at?: Date): Promise<void> {
    await this.db.update(sessions).set({ status: "ended", endedAt: at ?? new Date() }).where(eq(sessions.id, id));
  }

  async deleteSession(id: string): Promise<boolean> {
    const rows = await this.db.delete(sessions).where(eq(sessions.id, id)).returning({ id: sessions.id });
    return rows.length > 0;
  }

  async deleteSessionsBefore(cutoff: Date): Promise<string[]> {
    const rows = await this.db.delete(sessions).where(lt(sessions.createdAt, cutoff)).returning({ id: sessions.id });
    return rows.map((r) => r.id);
  }

  async addParticipant(p: ParticipantRecord): Promise<void> {
    await this.db.insert(participants).values(p);
  }

  async findParticipantByToken(tokenHash: string): Promise<ParticipantRecord | null> {
    const [row] = await this.db.select().from(participants).where(eq(participants.tokenHash, tokenHash));
    return row ? { id: row.id, sessionId: row.sessionId, role: row.role, tokenHash: row.tokenHash } : null;
  }

  async transferParticipant(fromId: string, toId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [from] = await tx.select().from(participants).where(eq(participants.id, fromId));
      if (!from) return;
      await tx.delete(participants).where(eq(participants.id, fromId));
      await tx.update(participants).set({ tokenHash: from.tokenHash }).where(eq(participants.id, toId));
    });
  }

  async removeParticipant(id: string): Promise<void> {
    await this.db.delete(participants).where(eq(participants.id, id));
  }

  async append(sessionId: string, fromSeq: number, batch: NewEvent[]): Promise<StoredEvent[]> {
    if (batch.length === 0) return [];
    try {
      return await appendOne(this.db, { sessionId, fromSeq, events: batch }, this.options);
    } catch (err) {
      if (err instanceof SeqConflictError) throw err;
      if (isUniqueViolation(err)) {
        throw new SeqConflictError(sessionId, fromSeq, await this.headSeq(sessionId));
      }
      throw err;
    }
  }

  appendBatch(requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    return appendBatch(this.db, requests, (r) => this.append(r.sessionId, r.fromSeq, r.events), isUniqueViolation, this.options);
  }

  async read(sessionId: string, fromSeq: number, toSeq?: number, limit?: number): Promise<StoredEvent[]> {
    // Seqs have no gaps, so a page of `limit` events ends at fromSeq + limit - 1. Bounding the
    // range says so to the planner: without statistics (PGlite never analyzes) it otherwise
    // reads every row to the log's end and sorts them for each page, quadratic in a long log.
    const last = limit === undefined ? toSeq : Math.min(toSeq ?? Infinity, fromSeq + limit - 1);
    const where = [eq(events.sessionId, sessionId), gte(events.seq, fromSeq)];
    if (last !== undefined) where.push(lte(events.seq, last));
    // The payload travels as text and is parsed here: on PGlite that reads a long log about
    // twice as fast as letting the driver decode jsonb (docs/benchmarks.md, replay seek).
    const query = this.db
      .select({ ...getTableColumns(events), payload: sql<string>`${events.payload}::text` })
      .from(events)
      .where(and(...where))
      .orderBy(asc(events.seq));
    const rows = limit === undefined ? await query : await query.limit(limit);
    return rows.map((row) => toEvent({ ...row, payload: JSON.parse(row.payload) as unknown }));
  }

  async headSeq(sessionId: string): Promise<number> {
    const [head] = await this.db
      .select({ seq: max(events.seq) })
      .from(events)
      .where(eq(events.sessionId, sessionId));
    return head?.seq ?? 0;
  }

  async settledHeadSeq(sessionId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, sessionId)).for("share");
      const [head] = await tx
        .select({ seq: max(events.seq) })
        .from(events)
        .where(eq(events.sessionId, sessionId));
      return head?.seq ?? 0;
    });
  }

  async saveSnapshot(sessionId: string, snapshot: Snapshot): Promise<void> {
    await this.db
      .insert(snapshots)
      .values({ sessionId, seq: snapshot.seq, state: snapshot.state })
      .onConflictDoUpdate({ target: [snapshots.sessionId, snapshots.seq], set: { state: snapshot.state } });
  }

  async snapshotSeqs(sessionId: string): Promise<number[]> {
    const rows = await this.db.select({ seq: snapshots.seq }).from(snapshots).where(eq(snapshots.sessionId, sessionId)).orderBy(asc(snapshots.seq));
    return rows.map((r) => r.seq);
  }

  async latestSnapshot(sessionId: string): Promise<Snapshot | null> {
    const [row] = await this.db
      .select()
      .from(snapshots)
      .where(eq(snapshots.sessionId, sessionId))
      .orderBy(desc(snapshots.seq))
      .limit(1);
    return row ? { seq: row.seq, state: row.state } : null;
  }

  async snapshotAtOrBefore(sessionId: string, seq: number): Promise<Snapshot | null> {
    const [row] = await this.db
      .select()
      .from(snapshots)
      .where(and(eq(snapshots.sessionId, sessionId), lte(snapshots.seq, seq)))
      .orderBy(desc(snapshots.seq))
      .limit(1);
    return row ? { seq: row.seq, state: row.state } : null;
  }

  async sessionStats(sessionId: string): Promise<SessionStats> {
    const [head] = await this.db
      .select({ seq: events.seq, at: events.at })
      .from(events)
      .where(eq(events.sessionId, sessionId))
      .orderBy(desc(events.seq))
      .limit(1);
    // The type filter matches the partial index events_marks_idx: only the marked events are read.
    const [counts] = await this.db
      .select({
        students: sql<number>`count(*) filter (where ${events.type} = 'student.joined')`.mapWith(Number),
        questions: sql<number>`count(*) filter (where ${events.type} = 'quiz.launched')`.mapWith(Number),
      })
      .from(events)
      .where(and(eq(events.sessionId, sessionId), MARKED));
    return { events: head?.seq ?? 0, lastEventAt: head?.at ?? null, students: counts?.students ?? 0, questions: counts?.questions ?? 0 };
  }

  async readMarks(sessionId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    const rows = await this.db
      .select()
      .from(events)
      .where(and(eq(events.sessionId, sessionId), gt(events.seq, afterSeq), MARKED))
      .orderBy(asc(events.seq))
      .limit(limit);
    return rows.map(toEvent);
  }

  async eventTimes(sessionId: string, seqs: readonly number[]): Promise<{ seq: number; at: Date }[]> {
    if (seqs.length === 0) return [];
    return this.db
      .select({ seq: events.seq, at: events.at })
      .from(events)
      .where(and(eq(events.sessionId, sessionId), inArray(events.seq, [...seqs])))
      .orderBy(asc(events.seq));
  }

  async createReplayLink(link: { tokenHash: string; sessionId: string; hideNames: boolean }): Promise<ReplayLinkRecord> {
    const [row] = await this.db.insert(replayLinks).values(link).returning();
    return row!;
  }

  async findReplayLink(tokenHash: string): Promise<ReplayLinkRecord | null> {
    const [row] = await this.db.select().from(replayLinks).where(eq(replayLinks.tokenHash, tokenHash));
    return row ?? null;
  }
}
