/**
 * The database misbehaves for real: a TCP proxy between the server process and PostgreSQL
 * cuts, stalls and flaps the connection, and drops the reply to a COMMIT. Whatever happens,
 * the session never freezes (the next command after the fault succeeds), commands fail
 * within 5 s with "try again", health says 503 within a second, service resumes by itself,
 * and the log agrees with every answer given (tests/helpers/fault-ledger.ts), also after a
 * kill -9. PostgreSQL only: PGlite runs inside the process, with no connection to break.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openClass, type Classroom } from "../helpers/classroom";
import { createPostgresDatabase, NO_POSTGRES_REASON, POSTGRES_URL } from "../helpers/databases";
import { FaultLedger } from "../helpers/fault-ledger";
import { startServer, type ServerProcess } from "../helpers/server-process";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";

/** What SPEC allows: a command answered within 5 s, health 503 within a second (plus a poll's slack). */
const COMMAND_FAILS_WITHIN_MS = 5_000;
const HEALTH_503_WITHIN_MS = 1_500;
/** How long service may take to come back once the database is reachable again. */
const RESUMES_WITHIN_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function healthStatus(url: string): Promise<number> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3_000) });
    await res.body?.cancel();
    return res.status;
  } catch {
    return 0;
  }
}

/** Milliseconds until health answers `status`, polling every 50 ms; throws after `limitMs`. */
async function msUntilHealth(url: string, status: number, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if ((await healthStatus(url)) === status) return Math.round(performance.now() - started);
    await sleep(50);
  }
  throw new Error(`health did not answer ${status} within ${limitMs} ms`);
}

/** Sends until a command is acknowledged; returns how long that took. */
async function msUntilAccepted(ledger: FaultLedger, cls: Classroom, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if ((await ledger.send(cls.teacher)) === "ok") return Math.round(performance.now() - started);
    await sleep(100);
  }
  throw new Error(`no command was accepted within ${limitMs} ms`);
}

const skip = !POSTGRES_URL;
describe.skipIf(skip)(`a class while the database fails, through a TCP proxy, on postgres${skip ? ` (${NO_POSTGRES_REASON})` : ""}`, () => {
  let proxy: TcpProxy;
  let database: { url: string; drop(): Promise<void> };
  let server: ServerProcess;
  const start = async () => {
    server = await startServer({ DATABASE_URL: proxy.url(database.url), LOG_LEVEL: "warn" });
  };

  beforeAll(async () => {
    database = await createPostgresDatabase(POSTGRES_URL!);
    proxy = await startTcpProxy(Number(new URL(POSTGRES_URL!).port || 5432));
    await start();
  });
  afterAll(async () => {
    proxy?.restore();
    await server?.stop();
    await proxy?.close();
    await database?.drop();
  });

  /** The log agrees with every answer, and the next command lands right after the log's head. */
  async function expectConsistent(ledger: FaultLedger, cls: Classroom) {
    expect(await ledger.problems(database.url, cls.host.sessionId)).toEqual([]);
    const { seq } = await cls.teacher.sync();
    const next = await cls.teacher.sendOk("network:set-inputs", { inputs: [0.5, 0.5] });
    expect(next.seq).toBe(seq + 1);
  }

  it("fails fast with 'try again' while the connection is cut, says 503, and resumes by itself", async () => {
    const cls = await openClass({ get url() { return server.url; } });
    const ledger = new FaultLedger();
    expect(await ledger.send(cls.teacher)).toBe("ok");

    proxy.cut();
    const to503 = msUntilHealth(server.url, 503, HEALTH_503_WITHIN_MS);
    const started = performance.now();
    expect(await ledger.send(cls.teacher)).toBe("refused");
    const failMs = Math.round(performance.now() - started);
    expect(failMs).toBeLessThan(COMMAND_FAILS_WITHIN_MS);
    expect(ledger.refusals.at(-1)!.message).toMatch(/try again/i);
    const healthMs = await to503;
    // A second command while it is down is refused at once, without waiting for the database.
    expect(await ledger.send(cls.teacher)).toBe("refused");
    expect(ledger.refusals.at(-1)!.ms).toBeLessThan(500);

    await sleep(2_000);
    proxy.restore();
    const acceptedMs = await msUntilAccepted(ledger, cls, RESUMES_WITHIN_MS);
    const healthyMs = await msUntilHealth(server.url, 200, RESUMES_WITHIN_MS);
    console.info(`cut: command refused after ${failMs} ms, health 503 after ${healthMs} ms; restored: command accepted after ${acceptedMs} ms, health 200 ${healthyMs} ms later`);
    await expectConsistent(ledger, cls);
  });

  it("fails within 5 s while the connection stalls, and takes the stalled commit's outcome from the log", async () => {
    const cls = await openClass({ get url() { return server.url; } });
    const ledger = new FaultLedger();
    expect(await ledger.send(cls.teacher)).toBe("ok");

    proxy.stall();
    const to503 = msUntilHealth(server.url, 503, HEALTH_503_WITHIN_MS);
    expect(await ledger.send(cls.teacher)).toBe("refused");
    const { code, message, ms } = ledger.refusals.at(-1)!;
    expect(ms).toBeLessThan(COMMAND_FAILS_WITHIN_MS);
    // The commit may still land when the network comes back: it is not "nothing was changed".
    expect({ code, message }).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/could not confirm.*try again/i) });
    const healthMs = await to503;

    proxy.restore();
    const acceptedMs = await msUntilAccepted(ledger, cls, RESUMES_WITHIN_MS);
    const healthyMs = await msUntilHealth(server.url, 200, RESUMES_WITHIN_MS);
    console.info(`stall: command refused after ${Math.round(ms)} ms, health 503 after ${healthMs} ms; restored: command accepted after ${acceptedMs} ms, health 200 ${healthyMs} ms later`);
    await expectConsistent(ledger, cls);
  });

  it("acknowledges a commit whose reply was lost, after reading it back from the log", async () => {
    const cls = await openClass({ get url() { return server.url; } });
    const ledger = new FaultLedger();
    expect(await ledger.send(cls.teacher)).toBe("ok");
    const dropped = proxy.dropReplyAfter(/^commit$/i);
    expect(await ledger.send(cls.teacher)).toBe("ok");
    await dropped;
    expect(ledger.counts()).toEqual({ acked: 2, notChanged: 0, uncertain: 0, other: 0 });
    await expectConsistent(ledger, cls);
  });

  it("never freezes through forty 150 ms flaps, and keeps every acknowledged change through kill -9", async () => {
    const cls = await openClass({ get url() { return server.url; } });
    const ledger = new FaultLedger();
    let flapping = true;
    const flaps = (async () => {
      for (let i = 0; i < 40; i++) {
        proxy.cut();
        await sleep(150);
        proxy.restore();
        await sleep(150);
      }
      flapping = false;
    })();
    // Two commands at a time, so some ticks commit several; 20 a second stays under the rate limit.
    while (flapping) {
      await Promise.all([ledger.send(cls.teacher), ledger.send(cls.teacher)]);
      await sleep(100);
    }
    await flaps;
    const acceptedMs = await msUntilAccepted(ledger, cls, RESUMES_WITHIN_MS);
    await msUntilHealth(server.url, 200, RESUMES_WITHIN_MS);
    const counts = ledger.counts();
    console.info(`flaps: ${JSON.stringify(counts)}, slowest answer ${Math.round(ledger.slowestMs)} ms, accepted ${acceptedMs} ms after the last flap`);
    expect(ledger.slowestMs).toBeLessThan(COMMAND_FAILS_WITHIN_MS);
    expect(counts.acked).toBeGreaterThan(0);
    await expectConsistent(ledger, cls);

    const acked = Math.max(...ledger.acked.values());
    cls.close();
    await server.crash();
    await start();
    const teacher = await cls.connectTeacher();
    expect(teacher.seq).toBeGreaterThan(acked);
    expect(await ledger.problems(database.url, cls.host.sessionId)).toEqual([]);
  });
});
