/**
 * `npm run soak:db`: the database-fault tests at larger counts. One real server on its own
 * PostgreSQL database behind a TCP proxy (tests/helpers/tcp-proxy.ts), a teacher sending
 * commands throughout, then: FLAPS cuts of 150 ms, and CRASHES kill -9s of the server in the
 * middle of the traffic. After each phase the log must agree with every answer
 * (tests/helpers/fault-ledger.ts) and the next command must succeed. Loopback only, bounded
 * by count and by MAX_SECONDS. Exits 1 on any broken promise.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run soak:db -- --flaps 200 --crashes 10
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { hostSession, LiveClient } from "../tests/helpers/classroom";
import { createPostgresDatabase } from "../tests/helpers/databases";
import { FaultLedger } from "../tests/helpers/fault-ledger";
import { ROOT, startServer, type ServerProcess } from "../tests/helpers/server-process";
import { startTcpProxy } from "../tests/helpers/tcp-proxy";

const { values } = parseArgs({
  options: {
    flaps: { type: "string", default: "200" },
    crashes: { type: "string", default: "10" },
    "max-seconds": { type: "string", default: "600" },
  },
});
const FLAPS = Number(values.flaps);
const CRASHES = Number(values.crashes);
const DEADLINE = Date.now() + Number(values["max-seconds"]) * 1000;
const base = process.env.DATABASE_URL;
if (!base) {
  console.error("soak:db needs DATABASE_URL (PostgreSQL): PGlite has no connection to break");
  process.exit(2);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const timeLeft = () => Date.now() < DEADLINE;

// The server under test runs from the tests' build, made here when missing.
if (!fs.existsSync(path.join(ROOT, ".next-test", "BUILD_ID")) || !fs.existsSync(path.join(ROOT, ".next-test", "phone", "manifest.json"))) {
  const script = new URL("../scripts/test-e2e.mjs", import.meta.url).href;
  const { buildForTests } = (await import(script)) as { buildForTests(): Promise<void> | void };
  await buildForTests();
}
const database = await createPostgresDatabase(base);
const proxy = await startTcpProxy(Number(new URL(base).port || 5432));
const start = () => startServer({ DATABASE_URL: proxy.url(database.url), LOG_LEVEL: "error" });
let server: ServerProcess = await start();
const ledger = new FaultLedger();
const host = await hostSession(server.url);
let teacher = await LiveClient.connect(server.url, { token: host.teacherToken });
const problems: string[] = [];

/** Sends until a command is acknowledged; the ms it took. */
async function untilAccepted(limitMs = 10_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if ((await ledger.send(teacher)) === "ok") return Math.round(performance.now() - started);
    await sleep(100);
  }
  throw new Error(`no command accepted within ${limitMs} ms: the session is frozen`);
}

async function check(phase: string): Promise<void> {
  const found = await ledger.problems(database.url, host.sessionId);
  problems.push(...found.map((p) => `${phase}: ${p}`));
  console.log(`${phase}: ${JSON.stringify(ledger.counts())}, slowest answer ${Math.round(ledger.slowestMs)} ms, ${found.length} broken promises`);
}

try {
  let flaps = 0;
  let sending = true;
  const traffic = (async () => {
    while (sending) {
      await Promise.all([ledger.send(teacher), ledger.send(teacher)]);
      await sleep(100);
    }
  })();
  for (; flaps < FLAPS && timeLeft(); flaps++) {
    proxy.cut();
    await sleep(150);
    proxy.restore();
    await sleep(150);
  }
  sending = false;
  await traffic;
  console.log(`${flaps} flaps of 150 ms; first command accepted ${await untilAccepted()} ms after the last`);
  await check("flaps");

  for (let i = 0; i < CRASHES && timeLeft(); i++) {
    let running = true;
    const traffic = (async () => {
      while (running && teacher.socket.connected) {
        await ledger.send(teacher).catch(() => {}); // the socket dies with the server
        await sleep(50);
      }
    })();
    await sleep(200 + Math.random() * 800);
    await server.crash();
    running = false;
    await traffic;
    teacher.close();
    const started = performance.now();
    server = await start();
    teacher = await LiveClient.connect(server.url, { token: host.teacherToken });
    const accepted = await untilAccepted();
    console.log(`crash ${i + 1}: back and accepting after ${Math.round(performance.now() - started)} ms (${accepted} ms of it the first command)`);
    await check(`crash ${i + 1}`);
  }
} finally {
  teacher.close();
  proxy.restore();
  await server.stop();
  await proxy.close();
  await database.drop();
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("every acknowledged change is in the log; nothing refused as not changed is");
