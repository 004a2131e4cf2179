/**
 * The one database client of a process: postgres.js when DATABASE_URL is set, else an
 * embedded PGlite under DATA_DIR. Kept on globalThis so that a second module graph in
 * the same process (Next bundles its server code separately) finds this instance
 * instead of opening a second PGlite on the same directory.
 */
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { lockDataDir } from "./data-dir-lock";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs a trivial query; rejects when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir: string;
}

/**
 * postgres.js waits 30 s for a connection and forever for a query by default, so an outage
 * left commands hanging. These bound what the client and the database wait for; the room's
 * own commit deadline (server/rooms/room.ts) is what a command's answer waits for.
 */
export const POSTGRES_TIMEOUTS = {
  /** Seconds to open a connection (TCP, startup, auth) before the query fails. */
  connect_timeout: 3,
  /** Seconds an unused connection is kept: half-dead connections do not linger after an outage. */
  idle_timeout: 30,
  /** Seconds a connection lives at most, so none is kept for ever. */
  max_lifetime: 30 * 60,
  connection: {
    /** The database cancels any statement running longer (ms); nothing the app runs needs as long. */
    statement_timeout: 15_000,
    /** The database ends a transaction left open this long (ms), releasing its locks after a stalled commit. */
    idle_in_transaction_session_timeout: 10_000,
  },
} as const;

const MIGRATIONS = fileURLToPath(new URL("../drizzle", import.meta.url));
const GLOBAL_KEY = Symbol.for("synapse.database");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Database };

/** The advisory lock that lets one process at a time migrate a shared PostgreSQL database. */
const MIGRATION_LOCK = 742_031_801;

/**
 * Runs `migrate` while holding a PostgreSQL advisory lock, so processes started together
 * against one database (REDIS_URL, docs/scaling.md) migrate one after the other: the first
 * applies the migrations, the others find nothing left to do.
 */
async function migrateOnce(url: string, migrate: () => Promise<void>): Promise<void> {
  const lock = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: POSTGRES_TIMEOUTS.connect_timeout });
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate();
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
    await lock.end({ timeout: 5 });
  }
}

/**
 * Opens the database and applies every pending migration.
 * @example
 * const database = await openDatabase({ dataDir: "./.data" });
 * await database.ping();
 * await database.close();
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, { max: 10, onnotice: () => {}, ...POSTGRES_TIMEOUTS });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    await migrateOnce(options.databaseUrl, () => migratePostgres(db as never, { migrationsFolder: MIGRATIONS }));
    return {
      db,
      kind: "postgres",
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const release = lockDataDir(options.dataDir);
  try {
    const client = await PGlite.create({ dataDir: options.dataDir });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
    return {
      db,
      kind: "pglite",
      ping: async () => {
        await db.execute(sql`select 1`);
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * Registers the process's database so other module graphs can find it.
 * @example
 * setProcessDatabase(await openDatabase({ dataDir: ".data" }));
 */
export function setProcessDatabase(database: Database | undefined): void {
  (globalThis as GlobalWithDb)[GLOBAL_KEY] = database;
}

/**
 * The process's database, opened at boot by the server.
 * @example
 * const { db } = getProcessDatabase();
 */
export function getProcessDatabase(): Database {
  const database = (globalThis as GlobalWithDb)[GLOBAL_KEY];
  if (!database) throw new Error("The database is not open: start Synapse through server/index.ts");
  return database;
}
