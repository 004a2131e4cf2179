/**
 * Reports and exports of a long session (`npx tsx bench/export.ts`): 200,000 events (200
 * students moving sliders) written straight into a fresh PGlite database, the real server
 * started on it (the tests' build in .next-test), then the time of the report, of each CSV
 * file and of the JSON export (its size, and the server's RSS before and at most during
 * it), and of importing that export again as a new session. Printed; docs/benchmarks.md
 * records the figures of one run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeBigSession } from "../tests/helpers/big-session";
import { startServer } from "../tests/helpers/server-process";
import { ensureBuild } from "./servers";

const EVENTS = 200_000;
const MB = 1024 * 1024;

function rss(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;
}

async function main(): Promise<void> {
  ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "synapse-bench-export-"));
  try {
    let t = Date.now();
    const big = await writeBigSession({ dataDir }, EVENTS);
    console.log(`wrote ${big.events} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const server = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    const pid = server.proc.pid!;
    const auth = { authorization: `Bearer ${big.teacherToken}` };
    try {
      const timed = async (what: string, path: string) => {
        const base = rss(pid);
        let peak = base;
        const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 20);
        t = Date.now();
        const res = await fetch(`${server.url}/api/sessions/${big.sessionId}/${path}`, { headers: auth });
        let bytes = 0;
        const keep: Uint8Array[] = [];
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          bytes += chunk.length;
          if (path === "export.json") keep.push(chunk);
        }
        clearInterval(sampler);
        const s = (Date.now() - t) / 1000;
        console.log(`${what}: ${res.status}, ${(bytes / MB).toFixed(2)} MB in ${s.toFixed(1)} s; server RSS ${(base / MB).toFixed(0)} MB, +${((peak - base) / MB).toFixed(1)} MB at most`);
        return Buffer.concat(keep);
      };
      await timed("report (JSON)", "report");
      await timed("questions.csv", "report/questions.csv");
      await timed("students.csv", "report/students.csv");
      await timed("JSON export (first)", "export.json");
      const log = await timed("JSON export (again)", "export.json");
      t = Date.now();
      const res = await fetch(`${server.url}/api/sessions/import`, { method: "POST", headers: { "content-type": "application/json" }, body: log });
      console.log(`import: ${res.status} ${JSON.stringify({ ...(await res.json()), teacherToken: undefined })} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
