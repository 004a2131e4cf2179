/**
 * The browser's Python (Pyodide, from the npm package `pyodide`) served by the app itself, so
 * "Try it live" works with no internet: `/_py/<version>/<file>` answers the five files the
 * runtime loads from its `indexURL`, straight from node_modules/pyodide. The version is in the
 * path, so a file never changes under its URL and may be cached for a year.
 */
import fs from "node:fs";
import type http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { acceptsGzip } from "./phone-bundle";

const require = createRequire(import.meta.url);

/** node_modules/pyodide, wherever npm put it. */
export const PYODIDE_DIR = path.dirname(require.resolve("pyodide/package.json"));
export const PYODIDE_VERSION: string = (JSON.parse(fs.readFileSync(path.join(PYODIDE_DIR, "package.json"), "utf8")) as { version: string }).version;

/** The URL prefix the custom server answers itself (server/app.ts). */
export const PYTHON_URL_PREFIX = "/_py/";

/** What the runtime fetches or imports, with its content type and whether gzip pays (a zip does not shrink). */
export const PYTHON_RUNTIME_FILES: Readonly<Record<string, { type: string; gzip: boolean }>> = {
  "pyodide.mjs": { type: "text/javascript; charset=utf-8", gzip: true },
  "pyodide.asm.mjs": { type: "text/javascript; charset=utf-8", gzip: true },
  "pyodide.asm.wasm": { type: "application/wasm", gzip: true },
  "pyodide-lock.json": { type: "application/json; charset=utf-8", gzip: true },
  "python_stdlib.zip": { type: "application/zip", gzip: false },
};

const gzipAsync = promisify(zlib.gzip);
/** Gzipped files, compressed on first request and kept for the life of the process (about 3.8 MB). */
const gzipped = new Map<string, Promise<Buffer>>();

function gzippedFile(file: string): Promise<Buffer> {
  let buffer = gzipped.get(file);
  if (!buffer) {
    buffer = fs.promises.readFile(file).then((raw) => gzipAsync(raw, { level: 6 }));
    buffer.catch(() => gzipped.delete(file));
    gzipped.set(file, buffer);
  }
  return buffer;
}

/**
 * Answers a request under `/_py/`. Only `/_py/<this version>/<one of the runtime files>` is
 * served; anything else (another version, another file of the package, a slash or `..` in the
 * name, an escape) is 404 without touching the disk. Files that compress are sent gzipped to
 * browsers that accept it, with `x-raw-length` giving their size once decoded, which the
 * worker's progress bar counts against.
 */
export function servePythonFile(req: http.IncomingMessage, res: http.ServerResponse, dir = PYODIDE_DIR, version = PYODIDE_VERSION): void {
  const pathname = (req.url ?? "").split("?")[0]!;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
    res.end("Method not allowed.");
    return;
  }
  const notFound = () => {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" });
    res.end("Not found.");
  };
  const prefix = `${PYTHON_URL_PREFIX}${version}/`;
  if (!pathname.startsWith(prefix)) return notFound();
  const name = pathname.slice(prefix.length);
  const kind = Object.hasOwn(PYTHON_RUNTIME_FILES, name) ? PYTHON_RUNTIME_FILES[name] : undefined;
  if (!kind) return notFound();
  const file = path.join(dir, name);
  const gzip = kind.gzip && acceptsGzip(req.headers["accept-encoding"]);

  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return notFound();
    const headers = {
      "content-type": kind.type,
      vary: "Accept-Encoding",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "x-raw-length": String(stat.size),
    };
    if (!gzip) {
      res.writeHead(200, { ...headers, "content-length": stat.size });
      if (req.method === "HEAD") return void res.end();
      fs.createReadStream(file)
        .on("error", () => res.destroy())
        .pipe(res);
      return;
    }
    gzippedFile(file).then(
      (body) => {
        res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": body.length });
        res.end(req.method === "HEAD" ? undefined : body);
      },
      () => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      },
    );
  });
}
