/**
 * The student's phone bundle (scripts/build-phone.mjs) on the server: where the build put it,
 * the script URL the page writes (`/_phone/student-<hash>.js`), and the handler that serves
 * the files. The build writes into Next's dist dir (`NEXT_DIST_DIR`, else `.next`), resolved
 * from the working directory like Next's own build and `DATA_DIR`: the server runs from the
 * project root, as `npm start` does.
 */
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";

/** The URL prefix the custom server answers itself (server/app.ts). */
export const PHONE_URL_PREFIX = "/_phone/";

/** What scripts/build-phone.mjs writes to `<distDir>/phone/manifest.json`. */
export interface PhoneManifest {
  /** The entry module's file name, e.g. `student-4F2KQ7ZB.js`. */
  entry: string;
  /** What a phone loads before its first slider works: the entry, then the chunks it imports statically. */
  initial: string[];
  /** Chunks fetched only when needed (the code question's screen and its Python editor). */
  lazy: string[];
  /** Every file the build wrote. */
  files: string[];
  /** Minified bytes per part of the initial files: `react`, `socket.io`, `own` (app/ and lib/), or a package name. */
  parts: Record<string, number>;
  /** The same for the lazy chunks. */
  lazyParts: Record<string, number>;
  /** The source files in the initial files, relative to the project root. */
  inputs: string[];
  /** The source files in the lazy chunks. */
  lazyInputs: string[];
}

/** `<distDir>/phone`, where the build writes the bundle and its manifest. */
export function phoneBundleDir(distDir = process.env.NEXT_DIST_DIR || ".next"): string {
  return path.resolve(distDir, "phone");
}

/** Reads a build's phone manifest; throws, saying how to build it, when missing. */
export function readPhoneManifest(dir = phoneBundleDir()): PhoneManifest {
  const file = path.join(dir, "manifest.json");
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new Error(`No phone bundle at ${file}: run \`npm run build\` (or \`node scripts/build-phone.mjs\` after \`next build\`).`);
  }
  return JSON.parse(text) as PhoneManifest;
}

/** The URLs the phone page writes: its module script, and the chunks that script imports (preloaded). */
export interface PhoneScripts {
  script: string;
  preloads: string[];
}

const scriptUrls = new Map<string, PhoneScripts>();

/**
 * The phone page's module script and the chunks it imports at once (written as
 * `modulepreload` links, so they download beside the entry instead of after it), read from
 * the manifest once per process (a build replaces the whole dist dir, and a running server is
 * restarted after one). Lazy chunks are not preloaded: most lessons never need them.
 * @example
 * phoneScripts(); // { script: "/_phone/student-4F2KQ7ZB.js", preloads: ["/_phone/chunk-QX3L2B7C.js"] }
 */
export function phoneScripts(dir = phoneBundleDir()): PhoneScripts {
  let urls = scriptUrls.get(dir);
  if (!urls) {
    const manifest = readPhoneManifest(dir);
    urls = {
      script: PHONE_URL_PREFIX + manifest.entry,
      preloads: manifest.initial.filter((f) => f !== manifest.entry).map((f) => PHONE_URL_PREFIX + f),
    };
    scriptUrls.set(dir, urls);
  }
  return urls;
}

/** A file the build can have written: a name without any path, ending in .js. */
const FILE_NAME = /^[A-Za-z0-9_-]+\.js$/;

/** Whether an `Accept-Encoding` header allows gzip (`gzip` or `*`, without `q=0`). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(",") : (header ?? "");
  return value.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding?.trim() !== "gzip" && coding?.trim() !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Answers a request under `/_phone/` from `dir`. Names carry a content hash, so a file never
 * changes and may be cached for a year. A browser that accepts gzip gets the build's `.gz`
 * twin (the bytes the size report counts). Anything but a plain file name from the build (a
 * slash, `..`, an encoded character, the manifest) is 404 without touching the disk.
 */
export function servePhoneFile(req: http.IncomingMessage, res: http.ServerResponse, dir = phoneBundleDir()): void {
  const pathname = (req.url ?? "").split("?")[0]!;
  const name = pathname.slice(PHONE_URL_PREFIX.length);
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
    res.end("Method not allowed.");
    return;
  }
  const notFound = () => {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
    res.end("Not found.");
  };
  if (!pathname.startsWith(PHONE_URL_PREFIX) || !FILE_NAME.test(name)) return notFound();
  const gzip = acceptsGzip(req.headers["accept-encoding"]);
  const file = path.join(dir, gzip ? `${name}.gz` : name);
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return notFound();
    res.writeHead(200, {
      "content-type": "text/javascript; charset=utf-8",
      "content-length": stat.size,
      ...(gzip ? { "content-encoding": "gzip" } : {}),
      vary: "Accept-Encoding",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    fs.createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  });
}
