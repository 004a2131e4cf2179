/**
 * Starts the real Synapse server (server/index.ts, production mode, the test build in
 * .next-test) as a child process on a free port, with its own data directory or its own
 * PostgreSQL database, and stops it by signal or by kill -9.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";
import { createPostgresDatabase, NO_POSTGRES_REASON, POSTGRES_URL, tempDataDir } from "./databases";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** One process (no tsx wrapper), so kill -9 reaches the server itself. */
const NODE_ARGS = ["--import", "tsx", "server/index.ts"];

export type DbChoice = "pglite" | "postgres";

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

export interface ServerStorage {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** A fresh, empty database for one test file, reused across restarts of its server. */
export async function freshStorage(db: DbChoice): Promise<ServerStorage> {
  if (db === "postgres") {
    const pg = await createPostgresDatabase(POSTGRES_URL!);
    return { env: { DATABASE_URL: pg.url }, dispose: pg.drop };
  }
  const dir = tempDataDir();
  return { env: { DATA_DIR: dir.dir }, dispose: async () => dir.remove() };
}

export interface ServerProcess {
  url: string;
  port: number;
  proc: ChildProcess;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** kill -9: no chance to flush or close anything. */
  crash(): Promise<void>;
}

/**
 * The server's environment: production mode on the test build, and only the database
 * the test chose (CI's DATABASE_URL and REDIS_URL are not inherited).
 */
function serverEnv(env: Record<string, string>, port: number): NodeJS.ProcessEnv {
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.DATABASE_URL;
  delete base.REDIS_URL;
  return {
    ...base,
    NODE_ENV: "production",
    NEXT_DIST_DIR: ".next-test",
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "info",
    ...env,
  } as NodeJS.ProcessEnv;
}

/**
 * @example
 * const storage = await freshStorage("pglite");
 * const server = await startServer(storage.env);
 * await fetch(`${server.url}/api/health`);
 * await server.stop();
 */
export async function startServer(env: Record<string, string>, port = 0): Promise<ServerProcess> {
  const proc = spawn(process.execPath, NODE_ARGS, { cwd: ROOT, env: serverEnv(env, port) });
  let output = "";
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));

  const readyPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+)[^\n]*"msg":"Synapse is ready"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${readyPort}`,
    port: readyPort,
    proc,
    output: () => output,
    stop: async () => {
      if (proc.exitCode === null) proc.kill("SIGTERM");
      return exited;
    },
    crash: async () => {
      if (proc.exitCode === null) proc.kill("SIGKILL");
      await exited;
    },
  };
}

/** Runs the server as a one-off and collects what it printed until it exited. */
export async function runServerToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, NODE_ARGS, { cwd: ROOT, env: serverEnv(env, 0) });
  // A server that should have refused to start but did not is stopped, and the test fails on its code.
  const guard = setTimeout(() => proc.kill("SIGKILL"), 40_000);
  proc.once("exit", () => clearTimeout(guard));
  let output = "";
  proc.stdout.on("data", (c: Buffer) => (output += c.toString()));
  proc.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => proc.once("exit", resolve));
  return { code, output };
}
