/**
 * Whose address a request is charged to. It is the socket's peer, unless TRUSTED_PROXY
 * names that peer: then it is the last hop of `X-Forwarded-For`, the one the proxy itself
 * wrote (earlier hops are whatever the client claimed). Loopback is an address like any
 * other: behind a same-host reverse proxy every request comes from it, so exempting it
 * would exempt everyone. IPv6 callers are charged per /64, the block one subscriber gets.
 */
import net from "node:net";

/** `loopback` (127.0.0.0/8 and ::1) or the proxies' exact addresses. */
export type TrustedProxy = { kind: "loopback" } | { kind: "addresses"; addresses: ReadonlySet<string> };

/**
 * Parses TRUSTED_PROXY; null when it is neither `loopback` nor a list of IP addresses.
 * @example
 * parseTrustedProxy("loopback"); // { kind: "loopback" }
 * parseTrustedProxy("10.0.0.2, 10.0.0.3"); // { kind: "addresses", addresses: Set {"10.0.0.2", "10.0.0.3"} }
 */
export function parseTrustedProxy(value: string): TrustedProxy | null {
  const v = value.trim();
  if (v.toLowerCase() === "loopback") return { kind: "loopback" };
  const parts = v.split(",").map((p) => unmapped(p.trim()));
  if (parts.length === 0 || parts.some((p) => net.isIP(p) === 0)) return null;
  return { kind: "addresses", addresses: new Set(parts.map(canonical)) };
}

/** `::ffff:1.2.3.4` (an IPv4 peer on a dual-stack socket) as `1.2.3.4`. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

/** The eight groups of an IPv6 address, expanded; null when it is not one. */
function ipv6Groups(address: string): string[] | null {
  if (net.isIPv6(address) === false) return null;
  let text = address.toLowerCase().replace(/%.*$/, "");
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => g.padStart(4, "0"));
}

/** An address in one spelling, so that `::1` and `0:0::1` are one key. */
function canonical(address: string): string {
  const a = unmapped(address);
  const groups = net.isIPv6(a) ? ipv6Groups(a) : null;
  return groups ? groups.join(":") : a;
}

export function isLoopback(address: string): boolean {
  const a = unmapped(address);
  return /^127\./.test(a) || (net.isIPv6(a) && canonical(a) === "0000:0000:0000:0000:0000:0000:0000:0001");
}

function trusts(proxy: TrustedProxy | undefined, peer: string): boolean {
  if (!proxy) return false;
  return proxy.kind === "loopback" ? isLoopback(peer) : proxy.addresses.has(canonical(peer));
}

/**
 * The key a caller's budgets are kept under: an IPv4 address, or an IPv6 /64 as `a:b:c:d::/64`.
 * @example
 * clientAddress("127.0.0.1", "203.0.113.9, 10.0.0.1", { kind: "loopback" }); // "10.0.0.1"
 * clientAddress("198.51.100.4", "10.0.0.1", { kind: "loopback" }); // "198.51.100.4" (not the proxy)
 * clientAddress("2001:db8:1:2:aaaa::1", undefined, undefined); // "2001:0db8:0001:0002::/64"
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, proxy: TrustedProxy | undefined): string {
  let address = unmapped(peer ?? "unknown");
  if (trusts(proxy, address) && forwardedFor !== undefined) {
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
    const last = unmapped(header.split(",").at(-1)!.trim().replace(/^\[(.*)\]$/, "$1"));
    if (net.isIP(last) !== 0) address = last;
  }
  const groups = ipv6Groups(address);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : address;
}
