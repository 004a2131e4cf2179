/**
 * How much JavaScript a phone downloads for the student's page (/join/CODE) before its first
 * slider works, gzipped, read from a production build's `build-manifest.json` (no browser
 * needed). All of the student's screens, from the nickname form to the sliders, are in the
 * page's client bundle. The page may live in either router:
 *
 * - Pages Router (`pages/join/[code].tsx`): `pages["/_app"]` (React, Next's client and the
 *   bundler's runtime, plus the app frame) and `pages["/join/[code]"]`, plus `lowPriorityFiles`
 *   (the build and SSG manifests), which the page's HTML also loads;
 * - App Router (`app/join/[code]/page.tsx`): `rootMainFiles`, the framework chunks every page
 *   loads, plus the route's `page_client-reference-manifest.js` `entryJSFiles` (the root
 *   layout's and the page's chunks).
 *
 * `polyfillFiles` are listed apart: they load with `nomodule`, so phones from the last several
 * years never fetch them.
 *
 * SPEC ("What good looks like"): at most 120 KB. Here 1 KB = 1000 bytes, the stricter reading.
 *
 * Usage: `npx tsx bench/phone-size.ts [distDir]` (default .next-test, the tests' build).
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import zlib from "node:zlib";

/** The route as both routers' manifests name it (the App Router's adds `/page`). */
export const PHONE_ROUTE = "/join/[code]";
export const PHONE_JS_BUDGET_BYTES = 120_000;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded by every page (framework), rather than by this route's own code. */
  shared: boolean;
}

export interface PhoneJsSize {
  distDir: string;
  route: string;
  router: "pages" | "app";
  chunks: ChunkSize[];
  gzipBytes: number;
  sharedGzipBytes: number;
  routeGzipBytes: number;
  /** `nomodule` polyfills, not counted in gzipBytes. */
  polyfillGzipBytes: number;
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** The route's `entryJSFiles` from its client reference manifest (a script that sets a global). */
function appRouteEntryFiles(distDir: string, route: string): string[] {
  const file = path.join(distDir, "server", "app", `${route}_client-reference-manifest.js`);
  const sandbox: { globalThis?: unknown; self?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.globalThis = sandbox;
  sandbox.self = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
  const entry = sandbox.__RSC_MANIFEST?.[route]?.entryJSFiles;
  if (!entry) throw new Error(`${file} has no entryJSFiles for ${route}`);
  return Object.values(entry).flat();
}

/**
 * @example
 * const size = phoneJsSize(".next-test");
 * size.gzipBytes <= PHONE_JS_BUDGET_BYTES; // SPEC's budget
 */
export function phoneJsSize(distDir = ".next-test", route = PHONE_ROUTE): PhoneJsSize {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as {
    pages: Record<string, string[]>;
    rootMainFiles: string[];
    lowPriorityFiles: string[];
    polyfillFiles: string[];
  };
  const pageFiles = manifest.pages[route];
  const router = pageFiles ? "pages" : "app";
  // Framework: what any page of the same router loads; the rest is the route's own code.
  const sharedFiles = pageFiles ? [...(manifest.pages["/_app"] ?? []), ...manifest.lowPriorityFiles] : manifest.rootMainFiles;
  const routeFiles = pageFiles ?? appRouteEntryFiles(distDir, `${route}/page`);
  const shared = new Set(sharedFiles);
  const files = [...new Set([...sharedFiles, ...routeFiles])].filter((f) => f.endsWith(".js"));
  const chunks = files.map((file) => {
    const full = path.join(distDir, file);
    return { file, bytes: fs.statSync(full).size, gzipBytes: gzipSize(full), shared: shared.has(file) };
  });
  const sum = (list: ChunkSize[]) => list.reduce((t, c) => t + c.gzipBytes, 0);
  return {
    distDir,
    route,
    router,
    chunks,
    gzipBytes: sum(chunks),
    sharedGzipBytes: sum(chunks.filter((c) => c.shared)),
    routeGzipBytes: sum(chunks.filter((c) => !c.shared)),
    polyfillGzipBytes: manifest.polyfillFiles.reduce((t, f) => t + gzipSize(path.join(distDir, f)), 0),
  };
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/** One line for the console and docs/benchmarks.md. */
export function phoneSizeLine(size: PhoneJsSize): string {
  const verdict = size.gzipBytes <= PHONE_JS_BUDGET_BYTES ? "within" : "OVER";
  return (
    `Student phone page (${size.route}, ${size.router === "pages" ? "Pages" : "App"} Router): ${kB(size.gzipBytes)} of gzipped JavaScript in ${size.chunks.length} chunks, ` +
    `${verdict} SPEC's ${kB(PHONE_JS_BUDGET_BYTES)} budget; ${kB(size.sharedGzipBytes)} of it is the framework every page loads ` +
    `(React, Next's client, the bundler's runtime) and ${kB(size.routeGzipBytes)} the page's own code ` +
    `(nomodule polyfills, not fetched by current phones: ${kB(size.polyfillGzipBytes)}).`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = phoneJsSize(process.argv[2] ?? ".next-test");
  for (const c of size.chunks) console.log(`${kB(c.gzipBytes).padStart(9)}  ${c.shared ? "framework" : "route    "}  ${c.file}`);
  console.log(phoneSizeLine(size));
}
