/**
 * How much JavaScript a phone downloads for the student's page (/join/CODE) before its first
 * slider works, gzipped, read from a production build (no browser needed); and, apart, the
 * lazy chunks it fetches only when needed (a code question's screen and its Python editor, training mode's nudges).
 *
 * The page is a Pages Router page that Next renders without any of its client JavaScript
 * (`unstable_runtimeJS: false`); its only script is the phone bundle built by
 * scripts/build-phone.mjs, whose manifest (`<distDir>/phone/manifest.json`) names the initial
 * files (the entry, which holds every one of the student's screens from the nickname form to
 * the sliders, and the chunks it imports statically) and the lazy ones. The files counted
 * here are the initial ones, by the URL the page loads them from, at the size of the gzipped
 * twin the server sends (`.js.gz`, gzip level 9). Two tests check that nothing else is loaded
 * first: tests/integration/phone-budget.test.ts reads the page's HTML from a real server, and
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
  /** The initial files, the entry first: what the budget counts. */
  chunks: ChunkSize[];
  gzipBytes: number;
  /** Minified bytes, before gzip, per part of the initial files: `react` (with scheduler), `socket.io`, `own` (app/ and lib/), or another package's name. */
  parts: Record<string, number>;
  /** The source files in the initial files (project-relative, `node_modules/…` for packages). */
  inputs: string[];
  /** The chunks fetched only when needed, not in the budget. */
  lazy: ChunkSize[];
  lazyGzipBytes: number;
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
  const sizeOf = (name: string): ChunkSize => {
    const full = path.join(dir, name);
    return { file: PHONE_URL_PREFIX + name, path: full, bytes: fs.statSync(full).size, gzipBytes: gzipSize(full) };
  };
  const chunks = manifest.initial.map(sizeOf);
  const lazy = manifest.lazy.map(sizeOf);
  return {
    distDir,
    route: PHONE_ROUTE,
    chunks,
    gzipBytes: chunks.reduce((t, c) => t + c.gzipBytes, 0),
    parts: manifest.parts,
    inputs: manifest.inputs,
    lazy,
    lazyGzipBytes: lazy.reduce((t, c) => t + c.gzipBytes, 0),
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
  const lazy = size.lazy.length
    ? ` Fetched only when needed: ${kB(size.lazyGzipBytes)} gzipped in ${size.lazy.length} lazy chunk${size.lazy.length === 1 ? "" : "s"} (a code question's screen and its Python editor; training mode's nudges).`
    : "";
  return (
    `Student phone page (${size.route}): ${kB(size.gzipBytes)} of gzipped JavaScript in ${size.chunks.length} file${size.chunks.length === 1 ? "" : "s"} before the first slider, ` +
    `${verdict} SPEC's ${kB(PHONE_JS_BUDGET_BYTES)} budget; its own bundle without Next.js's client runtime, ` +
    `minified before gzip: ${parts}.${lazy}`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = phoneJsSize(process.argv[2] ?? ".next-test");
  for (const c of size.chunks) console.log(`${kB(c.gzipBytes).padStart(9)} gzipped  ${kB(c.bytes).padStart(9)} minified  ${c.file}`);
  for (const c of size.lazy) console.log(`${kB(c.gzipBytes).padStart(9)} gzipped  ${kB(c.bytes).padStart(9)} minified  ${c.file} (lazy)`);
  console.log(phoneSizeLine(size));
}
