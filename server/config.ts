/**
 * The process's configuration, read once from the environment and validated, so a typo
 * in a variable stops the server at boot with a clear message instead of misbehaving later.
 */
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxy, type TrustedProxy } from "./limits/client-address";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  // Every key this deployment writes in Redis starts with it; tests use one per run.
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "letters, digits and _ . : - only (at most 64)")
    .default("synapse:"),
  RETENTION_DAYS: z.coerce.number().positive().default(30),
  TRUSTED_PROXY: z
    .string()
    .refine((v) => parseTrustedProxy(v) !== null, "must be `loopback` or the proxy's IP address (several: comma-separated)")
    .optional(),
  // Only the test suites set this: it multiplies the per-address budgets, because a test
  // machine sends every class, teacher and guesser from 127.0.0.1 (docs/security.md).
  SYNAPSE_TEST_LIMIT_SCALE: z.coerce.number().positive().default(1),
  // Only the test suites set this: a snapshot every few events, so replays seek from them.
  SYNAPSE_TEST_SNAPSHOT_EVERY: z.coerce.number().int().positive().default(1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  port: number;
  host: string;
  publicUrl?: string;
  databaseUrl?: string;
  dataDir: string;
  redisUrl?: string;
  /** Prefix of every Redis key (REDIS_KEY_PREFIX, `synapse:` by default). */
  redisKeyPrefix: string;
  retentionDays: number;
  /** Whose `X-Forwarded-For` names the client (server/limits/client-address.ts). */
  trustedProxy?: TrustedProxy;
  /** 1 in production; tests raise the per-address budgets with SYNAPSE_TEST_LIMIT_SCALE. */
  limitScale: number;
  /** Events between two snapshots of a room (1,000; tests set fewer with SYNAPSE_TEST_SNAPSHOT_EVERY). */
  snapshotEvery: number;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  dev: boolean;
}

/**
 * Reads the configuration from an environment.
 * @example
 * const config = readConfig(process.env, { dev: false }); // config.port === 3000 by default
 */
export function readConfig(env: NodeJS.ProcessEnv, options: { dev: boolean }): Config {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = envSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new Error(
      "Invalid configuration: REDIS_URL runs several processes, which cannot share the embedded database; set DATABASE_URL too.",
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    retentionDays: e.RETENTION_DAYS,
    trustedProxy: e.TRUSTED_PROXY ? (parseTrustedProxy(e.TRUSTED_PROXY) ?? undefined) : undefined,
    limitScale: e.SYNAPSE_TEST_LIMIT_SCALE,
    snapshotEvery: e.SYNAPSE_TEST_SNAPSHOT_EVERY,
    logLevel: e.LOG_LEVEL,
    dev: options.dev,
  };
}
