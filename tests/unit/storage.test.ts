import { sql } from "drizzle-orm";
import { describe } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { SqlStorage } from "../../db/sql-storage";
import { createPostgresDatabase, NO_POSTGRES_REASON, POSTGRES_URL, tempDataDir } from "../helpers/databases";
import { MemoryStorage } from "../helpers/memory-storage";
import { storageContract } from "./storage-contract";

const truncateAll = (database: Database) =>
  database.db.execute(sql`truncate table sessions, participants, events, snapshots, replay_links cascade`);

storageContract("PGlite", async () => {
  const dir = tempDataDir();
  const database = await openDatabase({ dataDir: dir.dir });
  return {
    storage: new SqlStorage(database.db),
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
