/**
 * Appends of one or many sessions in a single statement, for a database with one connection
 * (PGlite): no transaction of another connection can run beside it, so there are no row locks
 * to take, and one statement (atomic by itself) replaces BEGIN, the heads' read, the insert
 * and COMMIT. It reads every session's head, inserts the rows of the requests whose seqs
 * follow their head, and returns the heads and the inserted rows' keys and times; a request
 * whose session is gone or whose seqs do not follow is refused alone, as in a batch.
 */
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { events, sessions } from "./schema";
import { SeqConflictError, SessionGoneError, type AppendOutcome, type AppendRequest } from "./storage";

/** Rows of one statement; a larger batch goes through the transaction (its one JSON parameter stays a few megabytes). */
export const STATEMENT_MAX_ROWS = 5000;

/**
 * Whether a batch can go as one statement: at most one request per session (the room's
 * commit queue never sends two) and not too many rows.
 * @example
 * fitsOneStatement([{ sessionId: "s1", fromSeq: 2, events }]); // true
 */
export function fitsOneStatement(requests: readonly AppendRequest[]): boolean {
  const ids = new Set(requests.map((r) => r.sessionId));
  return ids.size === requests.length && requests.reduce((n, r) => n + r.events.length, 0) <= STATEMENT_MAX_ROWS;
}

type Row = { kind: "head" | "row"; id: string; seq: number | null; at: Date | string | null };

/**
 * @example
 * const [outcome] = await appendInOneStatement(db, [{ sessionId: "s1", fromSeq: 2, events }]);
 */
export async function appendInOneStatement(db: Db, requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
  const wanted = JSON.stringify(requests.map((r) => ({ s: r.sessionId, f: r.fromSeq })));
  const rows = JSON.stringify(
    requests.flatMap((r) => r.events.map((e, i) => ({ s: r.sessionId, q: r.fromSeq + i, t: e.type, p: e.payload ?? null, a: e.actor, at: e.at ?? null }))),
  );
  const result = await db.execute<Row>(sql`
    with wanted as (select w->>'s' as id, (w->>'f')::int as from_seq from jsonb_array_elements(${wanted}::jsonb) as w),
    heads as (
      select s.id, coalesce((select max(e.seq) from ${events} e where e.session_id = s.id), 0) as head
      from ${sessions} s where s.id in (select id from wanted)
    ),
    follows as (select wanted.id from wanted join heads on heads.id = wanted.id where heads.head = wanted.from_seq - 1),
    inserted as (
      insert into ${events} (session_id, seq, type, payload, actor, at)
      select r->>'s', (r->>'q')::int, r->>'t', r->'p', r->>'a', coalesce((r->>'at')::timestamptz, now())
      from jsonb_array_elements(${rows}::jsonb) as r
      where r->>'s' in (select id from follows)
      returning session_id, seq, at
    )
    select 'row' as kind, session_id as id, seq, at from inserted
    union all
    select 'head', id, head, null from heads`);
  const list = (Array.isArray(result) ? result : (result as unknown as { rows: Row[] }).rows) as Row[];
  const heads = new Map<string, number>();
  const at = new Map<string, Date>();
  for (const row of list) {
    if (row.kind === "head") heads.set(row.id, Number(row.seq ?? 0));
    else at.set(`${row.seq}:${row.id}`, new Date(row.at!));
  }
  return requests.map((r) => {
    const head = heads.get(r.sessionId);
    if (head === undefined) return { error: new SessionGoneError(r.sessionId) };
    if (head !== r.fromSeq - 1) return { error: new SeqConflictError(r.sessionId, r.fromSeq, head) };
    return {
      stored: r.events.map((e, k) => ({ sessionId: r.sessionId, seq: r.fromSeq + k, type: e.type, payload: e.payload ?? null, actor: e.actor, at: at.get(`${r.fromSeq + k}:${r.sessionId}`)! })),
    };
  });
}
