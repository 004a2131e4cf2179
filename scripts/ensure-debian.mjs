/**
 * Debian packages that npm cannot install: Chromium for the browser tests (Playwright's own
 * browser download cannot work offline) and bubblewrap, the sandbox that grades students'
 * Python (server/grader). `ensurePackages` installs the missing ones with one apt-get update
 * and one apt-get install, which needs root and apt-get; otherwise it throws, naming the
 * command to run.
 *
 *   node scripts/ensure-debian.mjs chromium bubblewrap      install or fail
 *   node scripts/ensure-debian.mjs --optional bubblewrap    install if possible, else warn (npm's prestart)
 */
import { execSync } from "node:child_process";
import fs from "node:fs";

/** Each package, the binary that shows it is installed, and what needs it. */
export const PACKAGES = {
  chromium: { name: "chromium", binary: "/usr/bin/chromium", neededFor: "the browser tests" },
  bubblewrap: { name: "bubblewrap", binary: "/usr/bin/bwrap", neededFor: "code questions" },
};

const APT_GET = "/usr/bin/apt-get";
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/** The packages whose binary is missing. */
export function missingPackages(packages) {
  return packages.filter((p) => !fs.existsSync(p.binary));
}

/**
 * Installs the packages that are missing, with one apt-get update.
 * @throws when some are missing and cannot be installed here (not root, no apt-get, apt-get failed)
 * @example
 * ensurePackages([PACKAGES.chromium, PACKAGES.bubblewrap]);
 */
export function ensurePackages(packages) {
  const missing = missingPackages(packages);
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name).join(" ");
  if (process.getuid?.() !== 0 || !fs.existsSync(APT_GET)) {
    const what = missing.map((p) => `${p.binary}, needed for ${p.neededFor}`).join("; ");
    throw new Error(`Missing ${what}. Install Debian's packages: sudo apt-get install -y ${names}`);
  }
  console.log(`Installing Debian's ${names} for ${missing.map((p) => p.neededFor).join(" and ")}…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${names}`, {
    stdio: "inherit",
    timeout: INSTALL_TIMEOUT_MS,
  });
  const still = missingPackages(missing);
  if (still.length > 0) throw new Error(`apt-get ran, but ${still.map((p) => p.binary).join(" and ")} is still missing`);
}

/** `ensurePackages`, but a failure is only a warning: Synapse starts anyway, without what needs them. */
export function tryEnsurePackages(packages) {
  try {
    ensurePackages(packages);
  } catch (err) {
    const without = missingPackages(packages).map((p) => p.neededFor).join(" and ");
    console.warn(`Warning: ${err?.message ?? err}\nSynapse starts anyway, without ${without || "nothing"}.`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const optional = args.includes("--optional");
  const packages = args.filter((a) => a !== "--optional").map((name) => {
    const p = PACKAGES[name];
    if (!p) throw new Error(`unknown package ${name}: one of ${Object.keys(PACKAGES).join(", ")}`);
    return p;
  });
  if (optional) tryEnsurePackages(packages);
  else ensurePackages(packages);
}
