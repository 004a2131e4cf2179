import { describe, expect, it } from "vitest";
import { publicBase } from "../../server/public-url";

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
