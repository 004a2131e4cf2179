/**
 * SPEC "What good looks like": the student's phone page loads at most 120 KB of gzipped
 * JavaScript before its first slider works. Measured on the tests' production build
 * (.next-test, built by the global setup when missing) by bench/phone-size.ts, which counts
 * the phone bundle's initial files (scripts/build-phone.mjs: the entry and the chunks it
 * imports statically); the lazy chunk with a code question's screen and its Python editor is
 * reported apart. Here a real server's HTML for the page is checked to load exactly those
 * initial files (the entry as its script, the rest preloaded) and no Next.js JavaScript, and
 * every file to be served as counted; the browser test tests/e2e/phone-js-size.spec.ts checks
 * what a phone really fetches.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { phoneJsSize, phoneSizeLine } from "../../bench/phone-size";
import { readPhoneManifest } from "../../server/phone-bundle";
import { serverForSuite } from "../helpers/suite-server";

const BUILD = fileURLToPath(new URL("../../.next-test", import.meta.url));
/** A code of the right shape (lib/session/join-code.ts); no class needs to exist for the page's HTML. */
const CODE = "ACDEFG";

describe("the phone page's JavaScript", () => {
  const size = phoneJsSize(BUILD);

  // A schema library adds tens of kB and the phone needs none (lib/engine/forward.ts); any other
  // package is a choice to make on purpose, with this test in view.
  it("holds no zod, and nothing but React, the Socket.IO client and our own code before the first slider", () => {
    expect(size.inputs.filter((input) => input.includes("node_modules/zod/"))).toEqual([]);
    const withZod = [...size.chunks, ...size.lazy].filter((c) => fs.readFileSync(c.path, "utf8").includes("$ZodType"));
    expect(withZod.map((c) => c.file)).toEqual([]);
    expect(Object.keys(size.parts).sort(), phoneSizeLine(size)).toEqual(["own", "react", "socket.io"]);
  });

  it("is at most 120 KB gzipped in all before the first slider (SPEC)", () => {
    expect(size.gzipBytes, phoneSizeLine(size)).toBeLessThanOrEqual(120_000);
  });

  it("keeps the Python editor in a lazy chunk of its own, reported apart", () => {
    expect(size.chunks[0]!.file).toMatch(/^\/_phone\/student-[A-Z0-9]+\.js$/);
    expect(size.inputs.filter((input) => input.includes("node_modules/@codemirror/"))).toEqual([]);
    expect(size.lazy.length, phoneSizeLine(size)).toBeGreaterThan(0);
    const lazyInputs = readPhoneManifest(path.join(BUILD, "phone")).lazyInputs;
    expect(lazyInputs).toContain("node_modules/@codemirror/view/dist/index.js");
    expect(lazyInputs).toContain("app/components/student/code-question.tsx");
    expect(phoneSizeLine(size)).toContain("lazy chunk");
    console.log(phoneSizeLine(size));
  });
});

/** A raw GET (no path normalisation, no decompression). */
function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (chunk: Buffer) => parts.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Every `<script …>` and `<link …>` start tag in a page, with its attributes. */
function tags(html: string, name: "script" | "link"): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "g"))].map(([, attrs]) =>
    Object.fromEntries([...attrs!.matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)].map(([, key, value]) => [key!, value ?? ""])),
  );
}

describe("the phone page as served", () => {
  const server = serverForSuite("pglite");
  const size = phoneJsSize(BUILD);
  const bundle = size.chunks[0]!;

  it("loads one script, the counted entry, preloads the counted chunks it imports, and nothing of Next.js's or from another site", async () => {
    const html = (await get(`${server.url}/join/${CODE}`)).body.toString("utf8");
    expect(html).toContain(`data-code="${CODE}"`);
    const scripts = tags(html, "script");
    expect(scripts).toEqual([{ type: "module", src: bundle.file }]);
    expect(html).not.toContain("__NEXT_DATA__");
    const preloads = tags(html, "link").filter((l) => /preload/.test(l.rel ?? "") && l.as !== "style");
    expect(preloads.map(({ rel, href }) => ({ rel, href }))).toEqual(size.chunks.slice(1).map((c) => ({ rel: "modulepreload", href: c.file })));
    const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map(([, url]) => url!);
    expect(urls.filter((url) => !url.startsWith("/"))).toEqual([]);
  });

  it("sends a mistyped code's page without any script", async () => {
    const html = (await get(`${server.url}/join/ZZZZZZ`)).body.toString("utf8");
    expect(html).toContain("That is not a join code");
    expect(tags(html, "script")).toEqual([]);
  });

  it("serves the bundle gzipped as counted, as JavaScript, cacheable for a year", async () => {
    const res = await get(server.url + bundle.file, { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      "content-type": "text/javascript; charset=utf-8",
      "content-encoding": "gzip",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      vary: "Accept-Encoding",
    });
    expect(res.body.length).toBe(bundle.gzipBytes);
    expect(zlib.gunzipSync(res.body).equals(fs.readFileSync(bundle.path))).toBe(true);

    const plain = await get(server.url + bundle.file, { "accept-encoding": "gzip;q=0" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(fs.readFileSync(bundle.path))).toBe(true);
  });

  it("serves every chunk, initial and lazy, gzipped as counted", async () => {
    for (const chunk of [...size.chunks, ...size.lazy]) {
      const res = await get(server.url + chunk.file, { "accept-encoding": "gzip" });
      expect({ file: chunk.file, status: res.status, encoding: res.headers["content-encoding"], bytes: res.body.length }).toEqual({
        file: chunk.file,
        status: 200,
        encoding: "gzip",
        bytes: chunk.gzipBytes,
      });
      expect(zlib.gunzipSync(res.body).equals(fs.readFileSync(chunk.path))).toBe(true);
    }
  });

  it("answers nothing under /_phone/ but the build's script files", async () => {
    const name = bundle.file.slice("/_phone/".length);
    for (const path of [
      "/_phone/manifest.json",
      `/_phone/${name}.gz`,
      "/_phone/../BUILD_ID",
      "/_phone/..%2FBUILD_ID",
      "/_phone/%2e%2e/BUILD_ID",
      "/_phone/../../package.json",
      "/_phone/",
      "/_phone/missing-00000000.js",
    ]) {
      expect({ path, status: (await get(server.url + path)).status }).toEqual({ path, status: 404 });
    }
    expect((await get(server.url + bundle.file, {}, "POST")).status).toBe(405);
    const head = await get(server.url + bundle.file, {}, "HEAD");
    expect({ status: head.status, length: head.headers["content-length"], body: head.body.length }).toEqual({
      status: 200,
      length: String(bundle.bytes),
      body: 0,
    });
  });
});
