/**
 * The database schema. A session is a row plus an append-only log of events with a
 * gap-free per-session sequence; the primary key `(session_id, seq)` is the referee
 * when two writers race for the same slot. Snapshots are folds of the log up to `seq`.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    /** The short join code students type; unique among live sessions only. */
    code: text("code").notNull(),
    status: text("status", { enum: ["live", "ended"] }).notNull().default("live"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("sessions_live_code_idx").on(t.code).where(sql`${t.status} = 'live'`),
    index("sessions_created_at_idx").on(t.createdAt),
  ],
);

/** Who may act in a session. Tokens are stored as SHA-256 hashes, never in the event log. */
export const participants = pgTable(
  "participants",
  {
    id: text("id").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["teacher", "student"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("participants_token_idx").on(t.tokenHash),
    index("participants_session_idx").on(t.sessionId),
  ],
);

export const events = pgTable(
  "events",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    payload: jsonb("payload").notNull(),
    /** Participant id of whoever caused the event; null for the system. */
    actor: text("actor"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

export const snapshots = pgTable(
  "snapshots",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    state: jsonb("state").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

export type SessionRow = typeof sessions.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type SnapshotRow = typeof snapshots.$inferSelect;
