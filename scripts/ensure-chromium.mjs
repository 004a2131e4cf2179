/**
 * Browser tests use Debian's Chromium at /usr/bin/chromium (Playwright's own browser
 * download cannot work offline). Installs it with apt-get when it is missing.
 */
import { execSync } from "node:child_process";
import fs from "node:fs";

export const CHROMIUM = "/usr/bin/chromium";

export function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${CHROMIUM} is missing. Install Debian's chromium package: sudo apt-get install -y chromium`);
  }
  console.log("Installing Debian's chromium for the browser tests…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
