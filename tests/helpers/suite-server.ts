/**
 * One real server per suite: started on a fresh database before the suite's tests,
 * stopped and its database dropped after them. Tests restart it (cleanly or by kill -9)
 * on the same database; `url` always names the running process.
 */
import { afterAll, beforeAll } from "vitest";
import { freshStorage, type DbChoice, type ServerStorage } from "./databases";
import { startServer, type ServerProcess } from "./server-process";

/** Where a test finds the server; the getters follow restarts. */
export interface SuiteServer {
  readonly url: string;
  readonly process: ServerProcess;
  /** Stops the server with SIGTERM, starts it again on the same database, and resolves with the old exit code. */
  restart(): Promise<number | null>;
  /** Kills the server with -9 and starts it again on the same database. */
  crashAndRestart(): Promise<void>;
}

/**
 * Registers the hooks that start and stop the suite's server; call it in a `describe`.
 * @example
 * describeEachDatabase("a class", (db) => { const server = serverForSuite(db); it(...) });
 */
export function serverForSuite(db: DbChoice, env: Record<string, string> = {}): SuiteServer {
  let storage: ServerStorage | undefined;
  let running: ServerProcess | undefined;
  const current = (): ServerProcess => {
    if (!running) throw new Error("the suite's server is not running");
    return running;
  };
  const startAgain = async () => {
    running = undefined;
    running = await startServer({ ...storage!.env, ...env });
  };

  beforeAll(async () => {
    storage = await freshStorage(db);
    running = await startServer({ ...storage.env, ...env });
  });
  afterAll(async () => {
    await running?.stop();
    await storage?.dispose();
  });

  return {
    get url() {
      return current().url;
    },
    get process() {
      return current();
    },
    restart: async () => {
      const code = await current().stop();
      await startAgain();
      return code;
    },
    crashAndRestart: async () => {
      await current().crash();
      await startAgain();
    },
  };
}
