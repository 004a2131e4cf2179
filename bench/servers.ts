/** Starting the servers under test, and hosting and joining sessions over HTTP. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { HARD_LIMIT_S } from "./args";
import { log, now } from "./log";
import { loopbackSource, pool, postJson } from "./lib/http";
import { ROOT, startServer, type ServerChild } from "./lib/procs";

const tempDirs: string[] = [];
/** Removes the servers' temp data directories when this process exits. */
export function removeTempDirsOnExit(): void {
  process.on("exit", () => {
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** The tests' build in .next-test, Next's and the phone bundle's, built when missing. */
export function ensureBuild(): void {
  const env = { ...process.env, NEXT_DIST_DIR: ".next-test", NEXT_TELEMETRY_DISABLED: "1" };
  if (!fs.existsSync(path.join(ROOT, ".next-test", "BUILD_ID"))) {
    log("no build in .next-test: running next build (a few minutes)");
    const result = spawnSync("npx", ["next", "build"], { cwd: ROOT, env, stdio: "inherit", timeout: 15 * 60_000 });
    if (result.status !== 0) throw new Error("next build failed");
  }
  if (!fs.existsSync(path.join(ROOT, ".next-test", "phone", "manifest.json"))) {
    const result = spawnSync(process.execPath, ["scripts/build-phone.mjs"], { cwd: ROOT, env, stdio: "inherit", timeout: 60_000 });
    if (result.status !== 0) throw new Error("the phone bundle's build failed");
  }
}

export async function startSynapse(): Promise<ServerChild> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "synapse-bench-"));
  tempDirs.push(dataDir);
  return startServer("synapse", "server/index.ts", {
    NODE_ENV: "production",
    NEXT_DIST_DIR: ".next-test",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
  }, HARD_LIMIT_S);
}

export async function startBare(): Promise<ServerChild> {
  return startServer("bare", "bench/bare-server.ts", { NODE_ENV: "production", BENCH_PARENT_PID: String(process.pid) }, HARD_LIMIT_S);
}

let hosted = 0;

export async function host(url: string): Promise<{ sessionId: string; code: string; teacherToken: string }> {
  const res = await postJson(url, "/api/sessions", undefined, loopbackSource(hosted++, 10, 3));
  if (res.status !== 201) throw new Error(`hosting failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Joins students over HTTP, `concurrency` at a time, each source address used for at most
 * 40 joins so that the join-code guard's per-address limit never decides the result.
 */
export async function joinAll(url: string, codes: string[], concurrency: number, addressOffset = 0) {
  const failures: Record<string, number> = {};
  const started = now();
  const joined = await pool(codes.length, concurrency, async (i) => {
    const res = await postJson(url, `/api/join/${codes[i]}`, { nickname: `Student ${i + 1}` }, loopbackSource(i + addressOffset));
    if (res.status !== 201) {
      const code = String(res.body?.error?.code ?? res.status);
      failures[code] = (failures[code] ?? 0) + 1;
      return null;
    }
    return { token: res.body.token as string, ms: res.ms };
  });
  return { joined, failures, ms: now() - started };
}
