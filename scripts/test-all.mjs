/**
 * `npm test`: every test layer, then one summary line that adds them up.
 *   1. unit (vitest)  2. a production build into .next-test  3. integration (vitest,
 *   real server processes, and the grader in bubblewrap)  4. browser (Playwright in Debian's
 *   Chromium). Debian's chromium and bubblewrap are installed first when they are missing.
 * Exits non-zero when any test failed or a layer could not run.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensurePackages, PACKAGES } from "./ensure-debian.mjs";
import { buildForTests, runE2E } from "./test-e2e.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "synapse-reports-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const started = Date.now();

function vitestLayer(project) {
  const file = path.join(reports, `${project}.json`);
  const result = spawnSync(
    "node_modules/.bin/vitest",
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${file}`],
    { stdio: "inherit" },
  );
  if (!fs.existsSync(file)) {
    problems.push(`${project}: vitest wrote no report (exit ${result.status})`);
    totals.failed += 1;
    return;
  }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  if (r.numFailedTests > 0 || result.status !== 0) problems.push(`${project}: ${r.numFailedTests} failed (exit ${result.status})`);
  console.log(`\n[${project}] ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped\n`);
}

async function browserLayer() {
  const file = path.join(reports, "e2e.json");
  const status = await runE2E({ jsonReport: file, build: false });
  if (!fs.existsSync(file)) {
    problems.push(`e2e: Playwright wrote no report (exit ${status})`);
    totals.failed += 1;
    return;
  }
  const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  if (stats.unexpected > 0 || status !== 0) problems.push(`e2e: ${stats.unexpected} failed (exit ${status})`);
  console.log(`\n[e2e] ${stats.expected + stats.flaky} passed, ${stats.unexpected} failed, ${stats.skipped} skipped\n`);
}

try {
  ensurePackages([PACKAGES.chromium, PACKAGES.bubblewrap]);
  vitestLayer("unit");
  fs.rmSync(".next-test", { recursive: true, force: true });
  buildForTests();
  vitestLayer("integration");
  await browserLayer();
} catch (err) {
  problems.push(String(err?.message ?? err));
  totals.failed += 1;
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
if (problems.length) console.log(`Problems:\n  ${problems.join("\n  ")}`);
console.log(`All layers took ${minutes} min.`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(problems.length ? 1 : 0);
