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

export const POSTGRES_URL = process.env.DATABASE_URL;
export const NO_POSTGRES_REASON = "DATABASE_URL is not set: PostgreSQL tests are skipped";

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
