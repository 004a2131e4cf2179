/**
 * The address phones should use: PUBLIC_URL when set; else the host name the teacher's
 * browser used, unless it is a loopback name; else this machine's first non-internal IPv4
 * address. When only loopback is known there is no address a phone can open.
 */
import os from "node:os";

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1|0\.0\.0\.0)$/i;

export interface PublicBase {
  base: string | null;
  loopbackOnly: boolean;
}

/**
 * @example
 * publicBase({ publicUrl: undefined, hostHeader: "192.168.1.20:3000", port: 3000 }); // { base: "http://192.168.1.20:3000", loopbackOnly: false }
 */
export function publicBase(options: {
  publicUrl?: string;
  hostHeader?: string;
  port: number;
  interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>;
}): PublicBase {
  if (options.publicUrl) return { base: options.publicUrl.replace(/\/+$/, ""), loopbackOnly: false };
  const host = options.hostHeader?.trim();
  if (host) {
    const hostname = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":")[0]!;
    if (!LOOPBACK.test(hostname)) return { base: `http://${host}`, loopbackOnly: false };
  }
  const interfaces = options.interfaces ?? os.networkInterfaces();
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.family === "IPv4" && !info.internal) return { base: `http://${info.address}:${options.port}`, loopbackOnly: false };
    }
  }
  return { base: null, loopbackOnly: true };
}
