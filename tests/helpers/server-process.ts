/**
 * Starts the real Synapse server (server/index.ts, production mode, the test build in
 * .next-test) as a child process on a free port, with its own data directory or its own
 * PostgreSQL database; it is ready when `GET /api/health` answers 200. Stops it by signal
 * or by kill -9.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** One process (no tsx wrapper), so kill -9 reaches the server itself. */
const NODE_ARGS = ["--import", "tsx", "server/index.ts"];

/** How long a server may take to answer health 200 on a busy two-core machine. */
const READY_TIMEOUT_MS = 60_000;
/** Pause between two health probes while the server starts. */
const READY_POLL_MS = 100;
/** Attempts when another process takes the chosen free port before the server binds it. */
const PORT_ATTEMPTS = 3;

export interface ServerProcess {
  url: string;
  port: number;
  proc: ChildProcess;
  /** Everything the server printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
  /** kill -9: no chance to flush or close anything. */
  crash(): Promise<void>;
}

/**
 * The server's environment: production mode on the test build, only the database the
 * test chose (CI's DATABASE_URL and REDIS_URL are not inherited), and per-address limits
 * raised for a machine where every client has one address.
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
    // Every test class, teacher and guesser comes from 127.0.0.1: per-address budgets are
    // raised a hundredfold (docs/security.md); the limits suite sets 1 to test the real ones.
    SYNAPSE_TEST_LIMIT_SCALE: "100",
    ...env,
  } as NodeJS.ProcessEnv;
}

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", resolve);
  });
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no port from the probe socket");
  return address.port;
}

/** The last `lines` lines of `text`, for error messages. */
function tail(text: string, lines = 40): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n") || "(nothing)";
}

/** Why a start failed, with what the server printed. */
class StartError extends Error {
  constructor(
    reason: string,
    stderr: string,
    stdout: string,
  ) {
    super(`${reason}\n--- server stderr (tail) ---\n${tail(stderr)}\n--- server stdout (tail) ---\n${tail(stdout, 20)}`);
  }
}

/** Whether `GET /api/health` answers 200 now. */
async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false; // not listening yet, or too busy to answer in time
  }
}

async function launch(env: Record<string, string>, port: number): Promise<ServerProcess> {
  const proc = spawn(process.execPath, NODE_ARGS, { cwd: ROOT, env: serverEnv(env, port) });
  let output = "";
  let stdout = "";
  let stderr = "";
  proc.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    output += chunk.toString();
  });
  proc.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => proc.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await healthy(url))) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      await exited;
      throw new StartError(`server exited with ${proc.exitCode ?? proc.signalCode} before /api/health answered 200`, stderr, stdout);
    }
    if (Date.now() >= deadline) {
      proc.kill("SIGKILL");
      await exited;
      throw new StartError(`server did not answer /api/health with 200 within ${READY_TIMEOUT_MS / 1000} s`, stderr, stdout);
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }

  return {
    url,
    port,
    proc,
    output: () => output,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      return exited;
    },
    crash: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
      await exited;
    },
  };
}

/**
 * Starts the server and resolves once `GET /api/health` answers 200; rejects with the
 * tail of its stderr when it exits first or is not ready within a minute.
 * @example
 * const storage = await freshStorage("pglite");
 * const server = await startServer(storage.env);
 * await fetch(`${server.url}/api/health`);
 * await server.stop();
 */
export async function startServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(env, port ?? (await freePort()));
    } catch (err) {
      const portTaken = err instanceof StartError && /EADDRINUSE/.test(err.message);
      if (!portTaken || port !== undefined || attempt >= PORT_ATTEMPTS) throw err;
    }
  }
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
