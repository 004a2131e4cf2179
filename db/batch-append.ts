/**
 * Many sessions' appends in one transaction, in a fixed number of statements whatever the
 * number of sessions: lock every session's row (in id order, so two batches never deadlock),
 * read every head, refuse the requests whose seqs do not follow their head, insert the rest
 * in one statement (a few for very large batches). The same locks as a single append
 * (`FOR NO KEY UPDATE` on the session's row), so `settledHeadSeq` waits for a batch too.
 *
 * A refused request never reaches the insert, so it cannot fail the others. If the insert
 * fails on the `(session_id, seq)` key anyway (a writer that does not take the row lock),
 * nothing of the batch is stored and each request is tried again alone, so only the one
 * whose seqs were taken is refused.
 */
import { asc, inArray, sql } from "drizzle-orm";
import type { Db } from "./client";
import { events, sessions } from "./schema";
import { SeqConflictError, SessionGoneError, type AppendOutcome, type AppendRequest, type StoredEvent } from "./storage";

/** Rows per insert statement: 6 parameters a row stays well under PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 5000;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * @example
 * const outcomes = await appendBatch(db, requests, (r) => storage.append(r.sessionId, r.fromSeq, r.events), isUniqueViolation);
 */
export async function appendBatch(
  db: Db,
  requests: readonly AppendRequest[],
  appendOne: (request: AppendRequest) => Promise<StoredEvent[]>,
  isKeyViolation: (err: unknown) => boolean,
): Promise<AppendOutcome[]> {
  if (requests.length === 0) return [];
  try {
    return await db.transaction((tx) => inTransaction(tx, requests));
  } catch (err) {
    if (!isKeyViolation(err)) throw err;
    const outcomes: AppendOutcome[] = [];
    for (const r of requests) outcomes.push(await settle(appendOne(r)));
    return outcomes;
  }
}

async function settle(work: Promise<StoredEvent[]>): Promise<AppendOutcome> {
  try {
    return { stored: await work };
  } catch (err) {
    if (err instanceof SeqConflictError) return { error: err };
    throw err;
  }
}

async function inTransaction(tx: Tx, requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
  const ids = [...new Set(requests.map((r) => r.sessionId))];
  // No KEY UPDATE: conflicts with settledHeadSeq's share lock, not with the key locks of foreign keys.
  const locked = await tx.select({ id: sessions.id }).from(sessions).where(inArray(sessions.id, ids)).orderBy(asc(sessions.id)).for("no key update");
  const present = locked.map((r) => r.id);
  // A second statement, after the locks: its snapshot sees every append that held them before us.
  const heads = new Map<string, number>();
  if (present.length > 0) {
    const rows = await tx
      .select({ id: sessions.id, seq: sql<number | null>`(select max(${events.seq}) from ${events} where ${events.sessionId} = ${sessions.id})` })
      .from(sessions)
      .where(inArray(sessions.id, present));
    for (const r of rows) heads.set(r.id, Number(r.seq ?? 0));
  }
  const outcomes: (AppendOutcome | null)[] = [];
  const values: (typeof events.$inferInsert)[] = [];
  for (const r of requests) {
    const head = heads.get(r.sessionId);
    if (head === undefined) outcomes.push({ error: new SessionGoneError(r.sessionId) });
    else if (head !== r.fromSeq - 1) outcomes.push({ error: new SeqConflictError(r.sessionId, r.fromSeq, head) });
    else {
      outcomes.push(null);
      heads.set(r.sessionId, head + r.events.length);
      r.events.forEach((e, i) =>
        values.push({ sessionId: r.sessionId, seq: r.fromSeq + i, type: e.type, payload: e.payload ?? null, actor: e.actor, ...(e.at ? { at: e.at } : {}) }),
      );
    }
  }
  const stored = new Map<string, StoredEvent>();
  for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
    const rows = await tx.insert(events).values(values.slice(i, i + ROWS_PER_INSERT)).returning();
    for (const row of rows) stored.set(`${row.seq}:${row.sessionId}`, { sessionId: row.sessionId, seq: row.seq, type: row.type, payload: row.payload, actor: row.actor, at: row.at });
  }
  return requests.map((r, i) => outcomes[i] ?? { stored: r.events.map((_, k) => stored.get(`${r.fromSeq + k}:${r.sessionId}`)!) });
}
