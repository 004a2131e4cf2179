/**
 * How the server answers `/_py/`: the runtime's five files from node_modules/pyodide with
 * their content types (WebAssembly must be `application/wasm`, or the browser refuses to
 * compile it while streaming), gzipped where it pays, cached for a year; nothing else.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PYODIDE_DIR, PYODIDE_VERSION, servePythonFile } from "../../server/python-runtime";

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => servePythonFile(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request: the path goes on the wire as written, `..` and escapes included. */
function request(rawPath: string, options: { method?: string; gzip?: boolean } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: rawPath, method: options.method ?? "GET", headers: options.gzip ? { "accept-encoding": "gzip, deflate" } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const base = `/_py/${PYODIDE_VERSION}/`;

describe("the browser's Python runtime, served by the app", () => {
  it("is the version the package.json pins", () => {
    const pinned = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> }).dependencies.pyodide;
    expect(PYODIDE_VERSION).toBe(pinned);
  });

  it("sends the WebAssembly as application/wasm, gzipped, decoding to the package's bytes", async () => {
    const answer = await request(`${base}pyodide.asm.wasm`, { gzip: true });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/wasm");
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const raw = fs.readFileSync(path.join(PYODIDE_DIR, "pyodide.asm.wasm"));
    expect(answer.headers["x-raw-length"]).toBe(String(raw.length));
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    expect(answer.body.length).toBeLessThan(raw.length / 2);
    expect(zlib.gunzipSync(answer.body).equals(raw)).toBe(true);
  });

  it("sends each runtime file with its content type, plain to a browser that does not take gzip", async () => {
    const expected: Record<string, string> = {
      "pyodide.mjs": "text/javascript; charset=utf-8",
      "pyodide.asm.mjs": "text/javascript; charset=utf-8",
      "pyodide-lock.json": "application/json; charset=utf-8",
      "python_stdlib.zip": "application/zip",
      "pyodide.asm.wasm": "application/wasm",
    };
    for (const [name, type] of Object.entries(expected)) {
      const answer = await request(base + name);
      const raw = fs.readFileSync(path.join(PYODIDE_DIR, name));
      expect({ name, status: answer.status, type: answer.headers["content-type"], encoding: answer.headers["content-encoding"] }).toEqual({
        name,
        status: 200,
        type,
        encoding: undefined,
      });
      expect(answer.body.equals(raw)).toBe(true);
    }
  });

  it("does not gzip the standard library's zip, which would not shrink", async () => {
    const answer = await request(`${base}python_stdlib.zip`, { gzip: true });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBeUndefined();
  });

  it("answers HEAD with the headers and no body", async () => {
    const answer = await request(`${base}pyodide.mjs`, { method: "HEAD", gzip: true });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(answer.body.length).toBe(0);
  });

  it("refuses other methods", async () => {
    const answer = await request(`${base}pyodide.mjs`, { method: "POST" });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD");
  });

  it("is 404 for every other path: other files of the package, other versions, traversal, escapes", async () => {
    const paths = [
      `${base}package.json`,
      `${base}pyodide.js`,
      `${base}pyodide.mjs.map`,
      `${base}README.md`,
      `${base}console.html`,
      `${base}`,
      `/_py/`,
      `/_py/0.0.1/pyodide.mjs`,
      `/_py/${PYODIDE_VERSION}`,
      `${base}../package.json`,
      `${base}..%2Fpackage.json`,
      `${base}%2e%2e/%2e%2e/package.json`,
      `${base}pyodide%2Emjs`,
      `${base}./pyodide.mjs`,
      `${base}sub/pyodide.mjs`,
      `/_py/${PYODIDE_VERSION}/../../../../etc/passwd`,
      `${base}constructor`,
      `${base}__proto__`,
      `${base}hasOwnProperty`,
    ];
    for (const p of paths) {
      const answer = await request(p, { gzip: true });
      expect({ p, status: answer.status }).toEqual({ p, status: 404 });
      expect(answer.body.toString()).toBe("Not found.");
    }
  });

  it("ignores a query string", async () => {
    const answer = await request(`${base}pyodide-lock.json?v=1`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString())).toHaveProperty("packages");
  });
});
