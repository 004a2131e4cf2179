/**
 * SPEC "What good looks like": the student's phone page loads at most 120 KB of gzipped
 * JavaScript before its first slider works. Measured on the tests' production build
 * (.next-test, built by the global setup when missing) by bench/phone-size.ts; the browser
 * test tests/e2e/phone-js-size.spec.ts checks that the chunks a phone really fetches are the
 * ones measured here.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { phoneJsSize, phoneSizeLine } from "../../bench/phone-size";

const BUILD = fileURLToPath(new URL("../../.next-test", import.meta.url));
// A schema library in the page's bundle adds tens of kB; the phone needs none (see lib/engine/forward.ts).
const ROUTE_OWN_BUDGET_BYTES = 40_000;

describe("the phone page's JavaScript", () => {
  const size = phoneJsSize(BUILD);

  it("loads no zod and at most 40 kB of its own code beyond the framework", () => {
    const withZod = size.chunks.filter((c) => fs.readFileSync(path.join(BUILD, c.file), "utf8").includes("$ZodType"));
    expect(withZod.map((c) => c.file)).toEqual([]);
    expect(size.routeGzipBytes, phoneSizeLine(size)).toBeLessThanOrEqual(ROUTE_OWN_BUDGET_BYTES);
  });

  it("is at most 120 KB gzipped in all (SPEC)", () => {
    expect(size.gzipBytes, phoneSizeLine(size)).toBeLessThanOrEqual(120_000);
  });
});
