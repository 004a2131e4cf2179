/**
 * The JSON export of a session's log (docs/export.md): one JSON document laid out one event
 * per line, so it can be written and read a line at a time.
 *
 *   {"format":"synapse-session-log","version":1,"exportedAt":"…","session":{…},"events":[
 *   {"seq":1,"type":"session.created","payload":{…},"actor":null,"at":"2026-…Z"},
 *   …
 *   {"seq":N,…}
 *   ]}
 */
import { z } from "zod";
import type { SessionRecord, StoredEvent } from "../../db/storage";

export const LOG_FORMAT = "synapse-session-log";
export const LOG_VERSION = 1;

export const exportSessionSchema = z.strictObject({
  sessionId: z.string().max(64),
  code: z.string().max(16),
  status: z.enum(["live", "ended"]),
  createdAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  /** How many events follow. */
  events: z.number().int().nonnegative(),
});

/** Everything before the events: the first line, closed with `]}` to parse it alone. */
export const exportHeaderSchema = z.strictObject({
  format: z.literal(LOG_FORMAT),
  version: z.literal(LOG_VERSION),
  exportedAt: z.iso.datetime(),
  session: exportSessionSchema,
  events: z.array(z.unknown()).max(0),
});

/** One event as the log stores it; its payload is checked with its type's own schema on import. */
export const exportedEventSchema = z.strictObject({
  seq: z.number().int().positive(),
  type: z.string().min(1).max(64),
  payload: z.unknown(),
  actor: z.string().min(1).max(64).nullable(),
  at: z.iso.datetime(),
});
export type ExportedEvent = z.infer<typeof exportedEventSchema>;

/** The whole document at once (a small file that was re-formatted, read whole). */
export const exportDocumentSchema = exportHeaderSchema.extend({ events: z.array(z.unknown()) });

/**
 * The first line: the format, the session, and the opening of the events' array.
 * @example
 * headerLine(session, 3, new Date()); // '{"format":"synapse-session-log",…,"events":['
 */
export function headerLine(session: SessionRecord, events: number, exportedAt: Date): string {
  const header = {
    format: LOG_FORMAT,
    version: LOG_VERSION,
    exportedAt: exportedAt.toISOString(),
    session: {
      sessionId: session.id,
      code: session.code,
      status: session.status,
      createdAt: session.createdAt.toISOString(),
      endedAt: session.endedAt?.toISOString() ?? null,
      events,
    },
  };
  return `${JSON.stringify(header).slice(0, -1)},"events":[`;
}

/** One event as one line of JSON (without the comma that separates it from the next). */
export function eventLine(row: StoredEvent): string {
  return JSON.stringify({ seq: row.seq, type: row.type, payload: row.payload, actor: row.actor, at: row.at.toISOString() });
}

/** The last line. */
export const CLOSING_LINE = "]}";
