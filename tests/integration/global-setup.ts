/**
 * Integration tests run the real server in production mode, which needs a build: Next's and
 * the student's phone bundle (scripts/build-phone.mjs). `npm test` builds into .next-test
 * first; a lone `npm run test:integration` builds here whatever part is missing.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export default function setup() {
  const env = { ...process.env, NEXT_DIST_DIR: ".next-test", NEXT_TELEMETRY_DISABLED: "1" };
  const built = (file: string) => fs.existsSync(path.join(ROOT, ".next-test", file));
  if (!built("BUILD_ID")) {
    execFileSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], { cwd: ROOT, env, stdio: "inherit" });
  }
  if (!built("phone/manifest.json")) {
    execFileSync(process.execPath, ["scripts/build-phone.mjs"], { cwd: ROOT, env, stdio: "inherit" });
  }
}
