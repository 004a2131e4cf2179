/**
 * Builds the student's phone page's JavaScript (docs/architecture.md, "The student's page
 * ships its own bundle"): one minified ES module, from app/components/student/phone-entry.tsx,
 * with React DOM and the Socket.IO client in it and no Next.js client runtime.
 *
 * Output: `<distDir>/phone/student-<hash>.js` (the name changes with the content, so the server
 * can tell browsers to keep it for a year), its gzipped twin `.js.gz` (level 9, what the server
 * sends to browsers that accept gzip, and what the size report counts) and
 * `<distDir>/phone/manifest.json`, which the page reads on the server to write its script tag. The dist dir is Next's (`NEXT_DIST_DIR`, else
 * `.next`), so the tests' build (.next-test) and the app's (.next) never touch each other.
 * Run it after `next build`, which empties the dist dir.
 *
 * Usage: node scripts/build-phone.mjs   (NEXT_DIST_DIR=.next-test for the tests' build)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import * as esbuild from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const PHONE_ENTRY = "app/components/student/phone-entry.tsx";
/** Next.js 16's default browser targets ("baseline widely available"), so the phone supports what the other pages do. */
const TARGET = ["chrome111", "edge111", "firefox111", "safari16.4"];

/**
 * Where a package's code lands in the size report: React (react, react-dom, scheduler), the
 * Socket.IO client and its parts, or our own code (app/ and lib/).
 */
function partOf(input) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (!match) return "own";
  const pkg = match[1];
  if (pkg === "react" || pkg === "react-dom" || pkg === "scheduler") return "react";
  if (/socket\.io|engine\.io|@socket\.io\/component-emitter/.test(pkg)) return "socket.io";
  return pkg;
}

/**
 * @example
 * const manifest = await buildPhone(".next-test");
 * manifest.entry; // "student-4F2KQ7ZB.js", served at /_phone/student-4F2KQ7ZB.js
 */
export async function buildPhone(distDir = process.env.NEXT_DIST_DIR || ".next") {
  const outdir = path.resolve(ROOT, distDir, "phone");
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { student: PHONE_ENTRY },
    entryNames: "[name]-[hash]",
    outdir,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: TARGET,
    minify: true,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "eof",
    metafile: true,
    write: true,
    logLevel: "warning",
  });

  const outputs = Object.entries(result.metafile.outputs);
  const entryOutput = outputs.find(([, o]) => o.entryPoint === PHONE_ENTRY);
  if (!entryOutput) throw new Error(`esbuild wrote no output for ${PHONE_ENTRY}`);
  const [entryPath, entryMeta] = entryOutput;
  // Minified bytes per part of the bundle, before gzip (for the size report).
  const parts = {};
  for (const [input, { bytesInOutput }] of Object.entries(entryMeta.inputs)) {
    const part = partOf(input);
    parts[part] = (parts[part] ?? 0) + bytesInOutput;
  }
  const files = outputs.map(([file]) => path.basename(file));
  for (const file of files) {
    const full = path.join(outdir, file);
    fs.writeFileSync(`${full}.gz`, zlib.gzipSync(fs.readFileSync(full), { level: 9 }));
  }
  const manifest = {
    entry: path.basename(entryPath),
    // Every file a phone loads: one, as long as nothing is split out.
    files,
    parts,
    inputs: Object.keys(entryMeta.inputs).sort(),
  };
  // Written last: a manifest only ever names files that exist.
  fs.writeFileSync(path.join(outdir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = await buildPhone(distDir);
  console.log(`phone bundle: ${path.join(distDir, "phone", manifest.entry)}`);
}
