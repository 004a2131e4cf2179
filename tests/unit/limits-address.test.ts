import { describe, expect, it } from "vitest";
import { clientAddress, isLoopback, parseTrustedProxy } from "../../server/limits/client-address";
import { readConfig } from "../../server/config";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("the address a caller is charged to", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("198.51.100.4", "203.0.113.9", undefined)).toBe("198.51.100.4");
    expect(clientAddress("127.0.0.1", "203.0.113.9", undefined)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:198.51.100.4", undefined, undefined)).toBe("198.51.100.4");
  });

  it("is the last hop of X-Forwarded-For when the peer is the trusted proxy", () => {
    const loopback = parseTrustedProxy("loopback")!;
    expect(clientAddress("127.0.0.1", "1.2.3.4, 203.0.113.9", loopback)).toBe("203.0.113.9");
    expect(clientAddress("::1", ["1.2.3.4", "203.0.113.10"], loopback)).toBe("203.0.113.10");
    expect(clientAddress("::ffff:127.0.0.1", "203.0.113.11", loopback)).toBe("203.0.113.11");
    const named = parseTrustedProxy("10.0.0.2, 10.0.0.3")!;
    expect(clientAddress("10.0.0.3", "203.0.113.12", named)).toBe("203.0.113.12");
  });

  it("ignores X-Forwarded-For from anyone but the proxy, and a last hop that is not an address", () => {
    const named = parseTrustedProxy("10.0.0.2")!;
    expect(clientAddress("10.0.0.9", "203.0.113.9", named)).toBe("10.0.0.9");
    expect(clientAddress("10.0.0.2", "203.0.113.9, not-an-address", named)).toBe("10.0.0.2");
    expect(clientAddress("127.0.0.1", "203.0.113.9", named)).toBe("127.0.0.1");
  });

  it("charges IPv6 callers per /64", () => {
    expect(clientAddress("2001:db8:1:2:aaaa::1", undefined, undefined)).toBe("2001:0db8:0001:0002::/64");
    expect(clientAddress("2001:db8:1:2:ffff:ffff:ffff:ffff", undefined, undefined)).toBe("2001:0db8:0001:0002::/64");
    expect(clientAddress("2001:db8:1:3::1", undefined, undefined)).not.toBe(clientAddress("2001:db8:1:2::1", undefined, undefined));
  });

  it("knows loopback, and TRUSTED_PROXY refuses what is not an address", () => {
    expect(isLoopback("127.3.4.5")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("0:0:0:0:0:0:0:1")).toBe(true);
    expect(isLoopback("10.0.0.1")).toBe(false);
    expect(parseTrustedProxy("proxy.internal")).toBeNull();
    expect(() => readConfig(env({ TRUSTED_PROXY: "proxy.internal" }), { dev: false })).toThrow(/TRUSTED_PROXY/);
    expect(readConfig(env({ TRUSTED_PROXY: "loopback" }), { dev: false }).trustedProxy).toEqual({ kind: "loopback" });
    expect(readConfig(env({}), { dev: false })).toMatchObject({ trustedProxy: undefined, limitScale: 1 });
  });
});
