/**
 * How much JavaScript a phone downloads for the student's page (/join/CODE) before its first
 * slider works, gzipped, read from a production build (no browser needed).
 *
 * The page is a Pages Router page that Next renders without any of its client JavaScript
 * (`unstable_runtimeJS: false`); its only script is the phone bundle built by
 * scripts/build-phone.mjs, listed in `<distDir>/phone/manifest.json`, which holds every one of
 * the student's screens, from the nickname form to the sliders. So the files counted here are
 * the manifest's, by the URL the page loads them from, at the size of the gzipped twin the
 * server sends (`.js.gz`, gzip level 9). Two tests check that nothing else is loaded:
 * tests/integration/phone-budget.test.ts reads the page's HTML from a real server, and
 * tests/e2e/phone-js-size.spec.ts watches what a browser fetches.
 *
 * SPEC ("What good looks like"): at most 120 KB. Here 1 KB = 1000 bytes, the stricter reading.
 *
 * Usage: `npx tsx bench/phone-size.ts [distDir]` (default .next-test, the tests' build).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import { PHONE_URL_PREFIX, readPhoneManifest } from "../server/phone-bundle";

export const PHONE_ROUTE = "/join/[code]";
export const PHONE_JS_BUDGET_BYTES = 120_000;

export interface ChunkSize {
  /** The URL path the phone loads it from, e.g. `/_phone/student-4F2KQ7ZB.js`. */
  file: string;
  /** On disk: the build's file. */
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface PhoneJsSize {
  distDir: string;
  route: string;
  chunks: ChunkSize[];
  gzipBytes: number;
  /** Minified bytes, before gzip, per part of the bundle: `react` (with scheduler), `socket.io`, `own` (app/ and lib/), or another package's name. */
  parts: Record<string, number>;
  /** The source files in the bundle (project-relative, `node_modules/…` for packages). */
  inputs: string[];
}

/** The gzipped size the server sends: the build's `.gz` twin, or gzip level 9 of the file when there is none. */
function gzipSize(file: string): number {
  if (fs.existsSync(`${file}.gz`)) return fs.statSync(`${file}.gz`).size;
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/**
 * @example
 * const size = phoneJsSize(".next-test");
 * size.gzipBytes <= PHONE_JS_BUDGET_BYTES; // SPEC's budget
 */
export function phoneJsSize(distDir = ".next-test"): PhoneJsSize {
  const dir = path.join(distDir, "phone");
  const manifest = readPhoneManifest(dir);
  const chunks = manifest.files.map((name) => {
    const full = path.join(dir, name);
    return { file: PHONE_URL_PREFIX + name, path: full, bytes: fs.statSync(full).size, gzipBytes: gzipSize(full) };
  });
  return {
    distDir,
    route: PHONE_ROUTE,
    chunks,
    gzipBytes: chunks.reduce((t, c) => t + c.gzipBytes, 0),
    parts: manifest.parts,
    inputs: manifest.inputs,
  };
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

const PART_NAMES: Record<string, string> = { react: "React DOM and React", "socket.io": "the Socket.IO client", own: "our code" };

/** One line for the console and docs/benchmarks.md. */
export function phoneSizeLine(size: PhoneJsSize): string {
  const verdict = size.gzipBytes <= PHONE_JS_BUDGET_BYTES ? "within" : "OVER";
  const parts = Object.entries(size.parts)
    .sort(([, a], [, b]) => b - a)
    .map(([part, bytes]) => `${PART_NAMES[part] ?? part} ${kB(bytes)}`)
    .join(", ");
  return (
    `Student phone page (${size.route}): ${kB(size.gzipBytes)} of gzipped JavaScript in ${size.chunks.length} file${size.chunks.length === 1 ? "" : "s"}, ` +
    `${verdict} SPEC's ${kB(PHONE_JS_BUDGET_BYTES)} budget; one bundle without Next.js's client runtime, ` +
    `minified before gzip: ${parts}.`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = phoneJsSize(process.argv[2] ?? ".next-test");
  for (const c of size.chunks) console.log(`${kB(c.gzipBytes).padStart(9)} gzipped  ${kB(c.bytes).padStart(9)} minified  ${c.file}`);
  console.log(phoneSizeLine(size));
}
