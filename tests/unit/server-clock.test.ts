import { describe, expect, it } from "vitest";
import { noteServerTime, serverNow } from "../../app/realtime/server-clock";

describe("the server's clock as a page estimates it", () => {
  it("follows the server when the page's clock is minutes off, either way", () => {
    noteServerTime(Date.now() + 600_000);
    expect(serverNow() - Date.now()).toBeGreaterThan(599_000);
    expect(serverNow() - Date.now()).toBeLessThanOrEqual(600_000);
    noteServerTime(Date.now() - 90_000);
    expect(Date.now() - serverNow()).toBeGreaterThanOrEqual(89_000);
    expect(Date.now() - serverNow()).toBeLessThanOrEqual(90_000 + 1_000);
  });

  it("ignores a time that is not a number", () => {
    noteServerTime(Date.now() + 5_000);
    noteServerTime(Number.NaN);
    expect(serverNow() - Date.now()).toBeGreaterThan(4_000);
  });
});
