import { describe, expect, it } from "vitest";
import { GuessGuard } from "../../server/guard";
import { publicBase } from "../../server/public-url";

describe("join-code guessing guard", () => {
  it("lets a whole class behind one address look up and join", () => {
    const guard = new GuessGuard();
    for (let i = 0; i < 200; i++) expect(guard.allow("10.0.0.7")).toBe(true);
  });

  it("slows one address to a crawl after a couple of dozen wrong codes", () => {
    const guard = new GuessGuard();
    let refusedAt = -1;
    for (let i = 0; i < 100 && refusedAt < 0; i++) {
      if (!guard.allow("10.0.0.8") || !guard.chargeWrong("10.0.0.8")) refusedAt = i;
    }
    expect(refusedAt).toBeGreaterThan(10);
    expect(refusedAt).toBeLessThan(30);
    expect(guard.allow("10.0.0.9")).toBe(true);
  });

  it("caps wrong codes from everyone together", () => {
    const guard = new GuessGuard();
    let refused = 0;
    for (let i = 0; i < 1000; i++) if (!guard.chargeWrong(`10.1.${i >> 8}.${i & 255}`)) refused++;
    expect(refused).toBeGreaterThan(300);
  });
});

describe("public join address", () => {
  const lan = { eth0: [{ address: "192.168.1.20", family: "IPv4", internal: false }] } as never;
  const loopbackOnly = { lo: [{ address: "127.0.0.1", family: "IPv4", internal: true }] } as never;

  it("prefers PUBLIC_URL", () => {
    expect(publicBase({ publicUrl: "https://class.example.org/", hostHeader: "x:1", port: 3000 })).toEqual({
      base: "https://class.example.org",
      loopbackOnly: false,
    });
  });

  it("uses the host the teacher's browser used unless it is a loopback name", () => {
    expect(publicBase({ hostHeader: "10.0.0.5:3000", port: 3000, interfaces: lan }).base).toBe("http://10.0.0.5:3000");
    expect(publicBase({ hostHeader: "localhost:3000", port: 3000, interfaces: lan }).base).toBe("http://192.168.1.20:3000");
    expect(publicBase({ hostHeader: "127.0.0.1:4000", port: 4000, interfaces: lan }).base).toBe("http://192.168.1.20:4000");
  });

  it("says so when only loopback is known", () => {
    expect(publicBase({ hostHeader: "localhost:3000", port: 3000, interfaces: loopbackOnly })).toEqual({
      base: null,
      loopbackOnly: true,
    });
  });
});
