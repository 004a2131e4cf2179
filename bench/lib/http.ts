/**
 * HTTP calls of the benchmark (host, join) over node:http, so a request can come from a
 * chosen loopback source address: the join-code guard limits look-ups per address, and a
 * benchmark class of thousands must not be throttled as a guesser whatever that limit is.
 */
import http from "node:http";

export interface JsonReply {
  status: number;
  body: any;
  ms: number;
}

export function postJson(url: string, path: string, body: unknown, localAddress?: string): Promise<JsonReply> {
  const target = new URL(url);
  const data = body === undefined ? "" : JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: "POST",
        localAddress,
        agent: false,
        timeout: 15_000,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - started });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`POST ${path} timed out`)));
    req.on("error", reject);
    req.end(data);
  });
}

/**
 * A distinct loopback address for every `perAddress` requests: 127.<block>.x.y. Joins use
 * block 1, sockets block 2, hosting block 3, so that no per-address limit of the server
 * (docs/security.md) decides a benchmark's result.
 */
export function loopbackSource(requestIndex: number, perAddress = 40, block = 1): string {
  const a = Math.floor(Math.max(0, requestIndex) / perAddress);
  return `127.${block}.${Math.floor(a / 250) % 250}.${(a % 250) + 1}`;
}

/** Runs `task` for 0..count-1 with at most `concurrency` at once; results in order. */
export async function pool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
  return results;
}
