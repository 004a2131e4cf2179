/**
 * The teacher page's main-thread work under load: `npm run bench:teacher -- [--root DIR]
 * [--students 200] [--rate 5] [--seconds 10]`.
 *
 * Starts the server of the tree at --root (default: this one; its production build in
 * .next-test) on a free loopback port with a throwaway PGlite directory, hosts a class from
 * the real home page in Chromium (1280×720), joins N students over HTTP and connects their
 * sockets, then has every student move its bias `rate` times a second. Reports Chrome's own
 * main-thread busy time (Performance.getMetrics TaskDuration) per second of load, and the
 * same with no load. Pointing --root at an older checkout measures "before".
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { loopbackSource, pool, postJson } from "./lib/http";
import { freePort, sleep } from "./lib/procs";

const { values: args } = parseArgs({
  options: {
    root: { type: "string", default: process.cwd() },
    students: { type: "string", default: "200" },
    rate: { type: "string", default: "5" },
    seconds: { type: "string", default: "10" },
  },
});
const ROOT = path.resolve(args.root!);
const STUDENTS = Math.min(1000, Number(args.students));
const RATE = Math.min(20, Number(args.rate));
const SECONDS = Math.min(60, Number(args.seconds));
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function protocolVersion(): number {
  const text = fs.readFileSync(path.join(ROOT, "lib/protocol/version.ts"), "utf8");
  return Number(/PROTOCOL_VERSION = (\d+)/.exec(text)![1]);
}

async function startServer(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "synapse-bench-teacher-"));
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: ".next-test", NEXT_TELEMETRY_DISABLED: "1", HOST: "127.0.0.1", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const proc = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    proc.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { url, stop };
    await sleep(250);
  }
  stop();
  throw new Error(`the server in ${ROOT} did not become healthy`);
}

async function main(): Promise<void> {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const sockets: Socket[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(server.url);
    await page.getByRole("button", { name: "Host a class" }).click();
    const codeBox = page.getByLabel("Join code", { exact: true }).first();
    await page.waitForFunction(() => /[A-Z0-9]{6}/.test(document.querySelector('[aria-label="Join code"]')?.textContent ?? ""));
    const code = /[A-Z0-9]{6}/.exec((await codeBox.textContent()) ?? "")![0];
    const version = protocolVersion();
    const passes = await pool(STUDENTS, 8, async (i) => {
      const reply = await postJson(server.url, `/api/join/${code}`, { nickname: `S${i + 1}` }, loopbackSource(i));
      if (reply.status !== 201) throw new Error(`join ${i}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body as { token: string };
    });
    for (const pass of passes) {
      const s = io(server.url, { transports: ["websocket"], auth: { protocolVersion: version, token: pass.token }, forceNew: true });
      sockets.push(s);
    }
    await Promise.all(sockets.map((s) => (s.connected ? Promise.resolve() : new Promise<void>((r) => s.once("connect", () => r())))));
    await page.getByText(`S${STUDENTS}`, { exact: true }).first().waitFor({ timeout: 30_000 }).catch(() => {});
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const busy = async () => {
      const { metrics } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
      return metrics.find((m) => m.name === "TaskDuration")!.value;
    };
    const measure = async (ms: number) => {
      const t0 = performance.now();
      const b0 = await busy();
      await sleep(ms);
      return ((await busy()) - b0) / ((performance.now() - t0) / 1000);
    };
    const idle = await measure(3000);
    let value = 0;
    const timers = sockets.map((s, i) =>
      setInterval(() => {
        value = (value + 1) % 400;
        s.emit("neuron:set", { bias: Math.round((value / 100 - 2) * 100) / 100 + (i % 7) / 1000 }, () => {});
      }, 1000 / RATE),
    );
    await sleep(1000);
    const loaded = await measure(SECONDS * 1000);
    timers.forEach(clearInterval);
    const line = `teacher page, ${STUDENTS} students × ${RATE}/s, ${path.basename(ROOT)}: main thread busy ${(loaded * 1000).toFixed(0)} ms per second under load (idle ${(idle * 1000).toFixed(0)} ms/s)`;
    console.log(line);
  } finally {
    for (const s of sockets) s.close();
    await browser.close();
    server.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error("bench failed:", err);
    process.exit(1);
  },
);
