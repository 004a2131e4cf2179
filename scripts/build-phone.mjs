/**
 * Builds the student's phone page's JavaScript (docs/architecture.md, "The student's page
 * ships its own bundle"): minified ES modules from app/components/student/phone-entry.tsx,
 * with React DOM and the Socket.IO client in them and no Next.js client runtime. Code
 * splitting is on: what the entry imports with `import()` (the code question's screen and its
 * Python editor, student/code-question-slot.tsx; training mode's nudges, student/training-slot.tsx) becomes a chunk a phone fetches only when it
 * needs it, and code the entry and such a chunk share goes into chunks the entry imports.
 *
 * Output in `<distDir>/phone/`: the entry `student-<hash>.js`, the chunks `chunk-<hash>.js`
 * (names change with the content, so the server can tell browsers to keep them for a year),
 * each with its gzipped twin `.js.gz` (level 9, what the server sends to browsers that accept
 * gzip, and what the size report counts), and `manifest.json`, which the page reads on the
 * server to write its script tag and the preloads of the entry's own imports. The manifest
 * tells the initial files (the entry and what it imports statically: what a phone loads before
 * its first slider works, SPEC's budget) from the lazy ones. The dist dir is Next's
 * (`NEXT_DIST_DIR`, else `.next`), so the tests' build (.next-test) and the app's (.next)
 * never touch each other. Run it after `next build`, which empties the dist dir.
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
 * The files a module loads before it runs: itself and, transitively, its static imports
 * (esbuild's metafile `imports` of kind `import-statement`), in load order.
 */
function staticClosure(outputs, start) {
  const seen = [];
  const visit = (file) => {
    if (seen.includes(file)) return;
    seen.push(file);
    for (const imp of outputs[file]?.imports ?? []) if (imp.kind === "import-statement" && !imp.external) visit(imp.path);
  };
  visit(start);
  return seen;
}

/** Minified bytes per part (partOf) of some of the build's files, before gzip. */
function partsOf(outputs, files) {
  const parts = {};
  for (const file of files) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file].inputs)) {
      const part = partOf(input);
      parts[part] = (parts[part] ?? 0) + bytesInOutput;
    }
  }
  return parts;
}

const inputsOf = (outputs, files) => [...new Set(files.flatMap((f) => Object.keys(outputs[f].inputs)))].sort();

/**
 * @example
 * const manifest = await buildPhone(".next-test");
 * manifest.entry; // "student-4F2KQ7ZB.js", served at /_phone/student-4F2KQ7ZB.js
 * manifest.initial; // ["student-4F2KQ7ZB.js", "chunk-QX3L2B7C.js"]: what the budget counts
 */
export async function buildPhone(distDir = process.env.NEXT_DIST_DIR || ".next") {
  const outdir = path.resolve(ROOT, distDir, "phone");
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { student: PHONE_ENTRY },
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    outdir,
    bundle: true,
    splitting: true,
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

  const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith(".js")));
  const entryPath = Object.keys(outputs).find((file) => outputs[file].entryPoint === PHONE_ENTRY);
  if (!entryPath) throw new Error(`esbuild wrote no output for ${PHONE_ENTRY}`);
  const initialPaths = staticClosure(outputs, entryPath);
  const lazyPaths = Object.keys(outputs).filter((file) => !initialPaths.includes(file));
  for (const file of Object.keys(outputs)) {
    const full = path.resolve(ROOT, file);
    fs.writeFileSync(`${full}.gz`, zlib.gzipSync(fs.readFileSync(full), { level: 9 }));
  }
  const names = (files) => files.map((f) => path.basename(f));
  const manifest = {
    entry: path.basename(entryPath),
    // What a phone loads before its first slider works: the entry, then its static imports.
    initial: names(initialPaths),
    // Fetched only when needed (the code question's screen and editor, training mode's nudges).
    lazy: names(lazyPaths),
    files: names(Object.keys(outputs)),
    // Minified bytes per part of the initial files, and of the lazy ones.
    parts: partsOf(outputs, initialPaths),
    lazyParts: partsOf(outputs, lazyPaths),
    inputs: inputsOf(outputs, initialPaths),
    lazyInputs: inputsOf(outputs, lazyPaths),
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
