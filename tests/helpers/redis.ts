/**
 * Redis for tests: REDIS_URL as CI sets it, a key prefix of its own for each run (so
 * parallel files and repeated runs never spend from one budget), and a way to delete the
 * run's keys afterwards.
 */
import crypto from "node:crypto";
import { Redis } from "ioredis";

export const REDIS_URL = process.env.REDIS_URL;
export const NO_REDIS_REASON = "REDIS_URL is not set: Redis tests are skipped";

/** A fresh prefix such as `synapse-test-1a2b3c4d:`. */
export function uniqueRedisPrefix(): string {
  return `synapse-test-${crypto.randomBytes(4).toString("hex")}:`;
}

/** Deletes every key under `prefix` on `url` (straight to Redis, not through a test proxy). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      if (keys.length) await client.del(...keys);
      cursor = next;
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}
