/**
 * Fresh databases for tests: a PGlite directory under the OS temp dir, and, when
 * DATABASE_URL is set, a PostgreSQL database with a random name created on that server
 * and dropped afterwards, so parallel files and repeated runs never share rows.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { describe } from "vitest";

export const POSTGRES_URL = process.env.DATABASE_URL;
export const NO_POSTGRES_REASON = "DATABASE_URL is not set: PostgreSQL tests are skipped";

/** The database a server under test runs on. */
export type DbChoice = "pglite" | "postgres";

/** A new empty directory under the OS temp dir, and a way to remove it. */
export function tempDataDir(prefix = "synapse-test-"): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Creates an empty PostgreSQL database next to DATABASE_URL's and returns its URL. */
export async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `synapse_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(baseUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A server's database settings (DATA_DIR or DATABASE_URL) and how to throw it away. */
export interface ServerStorage {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** A fresh, empty database for one suite, reused across restarts of its server. */
export async function freshStorage(db: DbChoice): Promise<ServerStorage> {
  if (db === "postgres") {
    if (!POSTGRES_URL) throw new Error(NO_POSTGRES_REASON);
    const pg = await createPostgresDatabase(POSTGRES_URL);
    return { env: { DATABASE_URL: pg.url }, dispose: pg.drop };
  }
  const dir = tempDataDir();
  return { env: { DATA_DIR: dir.dir }, dispose: async () => dir.remove() };
}

/**
 * Runs a suite on PGlite, and on PostgreSQL when DATABASE_URL is set; otherwise the
 * PostgreSQL copy reports as skipped, with the reason in its name.
 * @example
 * describeEachDatabase("a class", (db) => { ... });
 */
export function describeEachDatabase(title: string, body: (db: DbChoice) => void): void {
  for (const db of ["pglite", "postgres"] as const) {
    const skip = db === "postgres" && !POSTGRES_URL;
    describe.skipIf(skip)(`${title} on ${db}${skip ? ` (${NO_POSTGRES_REASON})` : ""}`, () => body(db));
  }
}
