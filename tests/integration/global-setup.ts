/**
 * Integration tests run the real server in production mode, which needs a Next build.
 * `npm test` builds into .next-test first; a lone `npm run test:integration` builds here
 * when that build is missing.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export default function setup() {
  if (fs.existsSync(path.join(ROOT, ".next-test", "BUILD_ID"))) return;
  execFileSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_DIST_DIR: ".next-test", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
}
