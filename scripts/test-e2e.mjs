/**
 * Runs the Playwright suite against a server on a free port with a throwaway data
 * directory, so it never meets an app that is already running in this clone.
 * Usage: node scripts/test-e2e.mjs [--no-build] [playwright args…]
 * (--no-build reuses an existing .next-test build.)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ensurePackages, PACKAGES } from "./ensure-debian.mjs";

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The tests' production build in .next-test: Next's, then the phone bundle (as `npm run build` does for .next). */
export function buildForTests() {
  const env = { ...process.env, NEXT_DIST_DIR: ".next-test", NEXT_TELEMETRY_DISABLED: "1" };
  const result = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env });
  if (result.status !== 0) throw new Error("next build failed");
  const phone = spawnSync(process.execPath, ["scripts/build-phone.mjs"], { stdio: "inherit", env });
  if (phone.status !== 0) throw new Error("the phone bundle's build failed");
}

/** Whether .next-test holds a complete build (Next's and the phone bundle). */
export function hasTestBuild() {
  return fs.existsSync(".next-test/BUILD_ID") && fs.existsSync(".next-test/phone/manifest.json");
}

/** `build: false` when the caller has just built .next-test (npm test does). */
export async function runE2E({ jsonReport, extraArgs = [], build = true } = {}) {
  ensurePackages([PACKAGES.chromium]);
  if (build || !hasTestBuild()) buildForTests();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "synapse-e2e-"));
  try {
    const result = spawnSync("node_modules/.bin/playwright", ["test", ...extraArgs], {
      stdio: "inherit",
      env: {
        ...process.env,
        E2E_PORT: String(await freePort()),
        E2E_DATA_DIR: dataDir,
        ...(jsonReport ? { E2E_JSON_REPORT: jsonReport } : {}),
      },
    });
    return result.status ?? 1;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const build = !args.includes("--no-build");
  process.exit(await runE2E({ extraArgs: args.filter((a) => a !== "--no-build"), build }));
}
