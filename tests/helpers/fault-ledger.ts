/**
 * What a class was told while the database misbehaved, checked against the log itself.
 * Each command sets the inputs to a value no other command uses, so its event can be
 * found in the log: every acknowledged value must be there by its acknowledged seq, and no value
 * refused as "nothing was changed" may be there at all. "Could not confirm" may go
 * either way. Works on PostgreSQL and, once its server has stopped, on a PGlite directory.
 */
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { LiveClient } from "./classroom";

export interface LedgerCounts {
  acked: number;
  notChanged: number;
  uncertain: number;
  other: number;
}

export class FaultLedger {
  private next = 1;
  /** value → the seq it was acknowledged at. */
  readonly acked = new Map<number, number>();
  /** Values refused with INTERNAL ("nothing was changed") or refused before they were tried. */
  readonly notChanged = new Set<number>();
  readonly uncertain = new Set<number>();
  /** Codes and messages of refusals, for the test's report. */
  readonly refusals: { code: string; message: string; ms: number }[] = [];
  /** The slowest answer of any command (ms). */
  slowestMs = 0;

  /** Sends one `network:set-inputs` with a fresh value and records its answer. */
  async send(teacher: LiveClient): Promise<"ok" | "refused"> {
    const value = this.next++ / 10_000;
    const started = performance.now();
    const ack = await teacher.send("network:set-inputs", { inputs: [value, 0] });
    const ms = performance.now() - started;
    this.slowestMs = Math.max(this.slowestMs, ms);
    if (ack.ok) {
      this.acked.set(value, ack.seq);
      return "ok";
    }
    this.refusals.push({ code: ack.error.code, message: ack.error.message, ms });
    if (ack.error.code === "UNAVAILABLE" && /could not confirm/i.test(ack.error.message)) this.uncertain.add(value);
    else this.notChanged.add(value);
    return "refused";
  }

  counts(): LedgerCounts {
    const other = this.refusals.filter((r) => r.code !== "UNAVAILABLE" && r.code !== "INTERNAL").length;
    return { acked: this.acked.size, notChanged: this.notChanged.size, uncertain: this.uncertain.size, other };
  }

  /**
   * Reads the session's inputs events straight from the database (PostgreSQL by URL, not
   * through a test proxy, or a stopped server's PGlite directory) and lists every broken
   * promise; an empty list means the log agrees with what was said.
   */
  async problems(database: string | { dataDir: string }, sessionId: string): Promise<string[]> {
    return this.problemsIn(await readInputsEvents(database, sessionId));
  }

  /** The broken promises, given the session's `inputs.set` events. */
  problemsIn(rows: InputsRow[]): string[] {
    const seqOf = new Map(rows.map((r) => [r.payload.inputs[0]!, r.seq]));
    const problems: string[] = [];
    for (const [value, seq] of this.acked) {
      // An acknowledgement carries the seq of its tick's last event: the command's is at or before it.
      const stored = seqOf.get(value);
      if (stored === undefined || stored > seq) problems.push(`acknowledged ${value} at seq ${seq}, the log has it at ${stored ?? "no seq"}`);
    }
    for (const value of this.notChanged) {
      if (seqOf.has(value)) problems.push(`refused ${value} as not changed, but the log has it at seq ${seqOf.get(value)}`);
    }
    return problems;
  }
}

interface InputsRow {
  seq: number;
  payload: { inputs: number[] };
}

const INPUTS_EVENTS = "select seq, payload from events where session_id = $1 and type = 'inputs.set' order by seq";

/** The session's `inputs.set` events, from PostgreSQL or from a PGlite directory no server holds. */
async function readInputsEvents(database: string | { dataDir: string }, sessionId: string): Promise<InputsRow[]> {
  if (typeof database === "string") {
    const sql = postgres(database, { max: 1, onnotice: () => {} });
    try {
      return await sql.unsafe<InputsRow[]>(INPUTS_EVENTS, [sessionId]);
    } finally {
      await sql.end();
    }
  }
  const pg = await PGlite.create({ dataDir: database.dataDir });
  try {
    return (await pg.query<InputsRow>(INPUTS_EVENTS, [sessionId])).rows;
  } finally {
    await pg.close();
  }
}
