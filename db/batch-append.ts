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
import { appendInOneStatement, fitsOneStatement } from "./append-statement";
import type { Db } from "./client";
import { events, sessions } from "./schema";
import { SeqConflictError, SessionGoneError, type AppendOutcome, type AppendRequest, type StoredEvent } from "./storage";

/** Rows per insert statement: its one JSON parameter stays a few megabytes. */
const ROWS_PER_INSERT = 5000;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * @example
 * const outcomes = await appendBatch(db, requests, (r) => storage.append(r.sessionId, r.fromSeq, r.events), isUniqueViolation, { oneConnection: true });
 */
export async function appendBatch(
  db: Db,
  requests: readonly AppendRequest[],
  appendOne: (request: AppendRequest) => Promise<StoredEvent[]>,
  isKeyViolation: (err: unknown) => boolean,
  options: AppendOptions = {},
): Promise<AppendOutcome[]> {
  if (requests.length === 0) return [];
  try {
    if (options.oneConnection && fitsOneStatement(requests)) return await appendInOneStatement(db, requests);
    return await db.transaction((tx) => inTransaction(tx, requests, options));
  } catch (err) {
    if (!isKeyViolation(err)) throw err;
    const outcomes: AppendOutcome[] = [];
    for (const r of requests) outcomes.push(await settle(appendOne(r)));
    return outcomes;
  }
}

/**
 * One session's append, in the same statements as a batch of one: its rows as one JSON
 * parameter, only the keys and times read back (the rest is what the request sent).
 * @throws SeqConflictError when the head is not `fromSeq - 1`, SessionGoneError when the session is gone
 * @example
 * const stored = await appendOne(db, { sessionId, fromSeq: 8, events });
 */
export async function appendOne(db: Db, request: AppendRequest, options: AppendOptions = {}): Promise<StoredEvent[]> {
  const [outcome] = options.oneConnection && fitsOneStatement([request]) ? await appendInOneStatement(db, [request]) : await db.transaction((tx) => inTransaction(tx, [request], options));
  if (!outcome) throw new Error("a batch of one gave no outcome");
  if ("error" in outcome) throw outcome.error;
  return outcome.stored;
}

async function settle(work: Promise<StoredEvent[]>): Promise<AppendOutcome> {
  try {
    return { stored: await work };
  } catch (err) {
    if (err instanceof SeqConflictError) return { error: err };
    throw err;
  }
}

/** How appends meet other connections' transactions. */
export interface AppendOptions {
  /**
   * The database has one connection (PGlite): no other transaction runs beside ours, so the
   * row locks that order appends and `settledHeadSeq` between connections are left out, and
   * a batch goes as one statement (db/append-statement.ts) instead of a transaction of four.
   */
  oneConnection?: boolean;
}

async function inTransaction(tx: Tx, requests: readonly AppendRequest[], options: AppendOptions): Promise<AppendOutcome[]> {
  const ids = [...new Set(requests.map((r) => r.sessionId))];
  // No KEY UPDATE: conflicts with settledHeadSeq's share lock, not with the key locks of foreign keys.
  const present = options.oneConnection
    ? ids
    : (await tx.select({ id: sessions.id }).from(sessions).where(inArray(sessions.id, ids)).orderBy(asc(sessions.id)).for("no key update")).map((r) => r.id);
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
  // The rows travel as one JSON parameter (one string to build and send, whatever their
  // number); only the keys and times come back, the rest of each row is what the request sent.
  const at = new Map<string, Date>();
  for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
    const json = JSON.stringify(values.slice(i, i + ROWS_PER_INSERT).map((v) => ({ s: v.sessionId, q: v.seq, t: v.type, p: v.payload, a: v.actor, at: v.at ?? null })));
    const result = await tx.execute<{ session_id: string; seq: number; at: Date | string }>(sql`
      insert into ${events} (session_id, seq, type, payload, actor, at)
      select r->>'s', (r->>'q')::int, r->>'t', r->'p', r->>'a', coalesce((r->>'at')::timestamptz, now())
      from jsonb_array_elements(${json}::jsonb) as r
      returning session_id, seq, at`);
    const rows = Array.isArray(result) ? result : (result as unknown as { rows: typeof result }).rows;
    for (const row of rows as { session_id: string; seq: number; at: Date | string }[]) at.set(`${row.seq}:${row.session_id}`, new Date(row.at));
  }
  return requests.map(
    (r, i) =>
      outcomes[i] ?? {
        stored: r.events.map((e, k) => ({ sessionId: r.sessionId, seq: r.fromSeq + k, type: e.type, payload: e.payload ?? null, actor: e.actor, at: at.get(`${r.fromSeq + k}:${r.sessionId}`)! })),
      },
  );
}
