import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { SqlStorage } from "../../db/sql-storage";
import { createPostgresDatabase, NO_POSTGRES_REASON, POSTGRES_URL, tempDataDir } from "../helpers/databases";
import { MemoryStorage } from "../helpers/memory-storage";
import { storageContract } from "./storage-contract";

const truncateAll = (database: Database) =>
  database.db.execute(sql`truncate table sessions, participants, events, snapshots, replay_links cascade`);

// PGlite as the server opens it: one connection, so appends take no row locks.
storageContract("PGlite", async () => {
  const dir = tempDataDir();
  const database = await openDatabase({ dataDir: dir.dir });
  return {
    storage: new SqlStorage(database.db, { oneConnection: true }),
    reset: async () => void (await truncateAll(database)),
    close: async () => {
      await database.close();
      dir.remove();
    },
  };
});

describe.skipIf(!POSTGRES_URL)(POSTGRES_URL ? "PostgreSQL" : NO_POSTGRES_REASON, () => {
  storageContract("PostgreSQL", async () => {
    const pg = await createPostgresDatabase(POSTGRES_URL!);
    const database = await openDatabase({ dataDir: "", databaseUrl: pg.url });
    return {
      storage: new SqlStorage(database.db),
      reset: async () => void (await truncateAll(database)),
      close: async () => {
        await database.close();
        await pg.drop();
      },
    };
  });
});

storageContract("in-memory double", async () => {
  let storage = new MemoryStorage();
  return {
    get storage() {
      return storage;
    },
    reset: async () => {
      storage = new MemoryStorage();
    },
    close: async () => {},
  };
});

describe("SqlStorage.appendBatch when the insert itself hits the (session_id, seq) key", () => {
  // A writer that skipped the session's row lock could take a seq between the batch's head
  // check and its insert. A trigger stands in for it: any insert for session "raced" fails
  // with unique_violation, as the key would.
  it("stores nothing of the failed transaction, then each request alone: only the raced one is refused", async () => {
    const dir = tempDataDir();
    const database = await openDatabase({ dataDir: dir.dir });
    try {
      const storage = new SqlStorage(database.db);
      for (const [id, code] of [["a", "AAAAAA"], ["raced", "RRRRRR"], ["b", "BBBBBB"]] as const) await storage.createSession({ id, code });
      await database.db.execute(sql`
        create function raced_key() returns trigger language plpgsql as $$
        begin
          if new.session_id = 'raced' then raise exception 'duplicate key' using errcode = '23505'; end if;
          return new;
        end $$`);
      await database.db.execute(sql`create trigger raced_key before insert on events for each row execute function raced_key()`);
      const ev = (type: string) => ({ type, payload: { v: type }, actor: null });
      const outcomes = await storage.appendBatch([
        { sessionId: "a", fromSeq: 1, events: [ev("a1"), ev("a2")] },
        { sessionId: "raced", fromSeq: 1, events: [ev("r1")] },
        { sessionId: "b", fromSeq: 1, events: [ev("b1")] },
      ]);
      expect(outcomes.map((o) => ("stored" in o ? o.stored.map((e) => e.type) : o.error.name))).toEqual([["a1", "a2"], "SeqConflictError", ["b1"]]);
      expect((await storage.read("a", 1)).map((e) => e.seq)).toEqual([1, 2]);
      expect(await storage.headSeq("raced")).toBe(0);
      expect((await storage.read("b", 1)).map((e) => e.type)).toEqual(["b1"]);
    } finally {
      await database.close();
      dir.remove();
    }
  });
});
