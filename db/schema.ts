/**
 * The database schema. A session is a row plus an append-only log of events with a
 * gap-free per-session sequence; the primary key `(session_id, seq)` is the referee
 * when two writers race for the same slot. Snapshots are folds of the log up to `seq`.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { MARK_EVENT_TYPES } from "./storage";

/**
 * The marked event types as SQL literals (`'session.ended', 'student.joined', …`), as the
 * partial index events_marks_idx and the queries that use it both write them: literals, not
 * bound parameters, so the planner can prove the index applies.
 * @example
 * sql`${events.type} in (${sql.raw(MARKED_TYPES_SQL)})`;
 */
export const MARKED_TYPES_SQL = MARK_EVENT_TYPES.map((t) => `'${t}'`).join(", ");

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
  (t) => [
    primaryKey({ columns: [t.sessionId, t.seq] }),
    /** The few events a replay's timeline marks and a summary counts: found without reading the log. */
    index("events_marks_idx")
      .on(t.sessionId, t.seq)
      .where(sql`${t.type} in (${sql.raw(MARKED_TYPES_SQL)})`),
  ],
);

export const snapshots = pgTable(
  "snapshots",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    /**
     * `json`, not `jsonb`: kept as written, keys in their order. jsonb reorders object keys,
     * and a fold that lists a record's values (a question's answers at the reveal) then gave
     * another order after a snapshot than the live room had (tests/integration/replay-links).
     */
    state: json("state").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.seq] })],
);

/**
 * Read-only replay links: anyone holding the token may watch the session's replay, as the
 * projector would see it. Only the token's SHA-256 hash is stored.
 */
export const replayLinks = pgTable(
  "replay_links",
  {
    tokenHash: text("token_hash").notNull(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    hideNames: boolean("hide_names").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("replay_links_token_idx").on(t.tokenHash), index("replay_links_session_idx").on(t.sessionId)],
);

export type SessionRow = typeof sessions.$inferSelect;
export type ParticipantRow = typeof participants.$inferSelect;
export type EventRow = typeof events.$inferSelect;
export type SnapshotRow = typeof snapshots.$inferSelect;
