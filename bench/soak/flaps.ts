/**
 * PostgreSQL through a TCP proxy the soak controls (tests/helpers/tcp-proxy.ts): many 150 ms
 * flaps under traffic, then whole outages (cut for `outageMs`), each followed by the time
 * until a command lands again. The log must agree with every answer given.
 */
import { hostSession, LiveClient } from "../../tests/helpers/classroom";
import { createPostgresDatabase } from "../../tests/helpers/databases";
import { FaultLedger, type LedgerCounts } from "../../tests/helpers/fault-ledger";
import { startServer } from "../../tests/helpers/server-process";
import { startTcpProxy } from "../../tests/helpers/tcp-proxy";
import { sleep, untilAccepted, type Deadline } from "./common";

export interface FlapFigures {
  flaps: number;
  /** After the last flap, until a command was acknowledged, ms. */
  afterFlapsMs: number;
  outages: number;
  outageMs: number;
  /** After each outage ended, until a command was acknowledged, ms. */
  recoveryMs: number[];
  counts: LedgerCounts;
  slowestAnswerMs: number;
  problems: string[];
}

export async function flapPhase(postgresUrl: string, flaps: number, outages: number, outageMs: number, deadline: Deadline): Promise<FlapFigures> {
  const database = await createPostgresDatabase(postgresUrl);
  const proxy = await startTcpProxy(Number(new URL(postgresUrl).port || 5432));
  const server = await startServer({ DATABASE_URL: proxy.url(database.url), LOG_LEVEL: "error" });
  const host = await hostSession(server.url);
  const teacher = await LiveClient.connect(server.url, { token: host.teacherToken });
  const ledger = new FaultLedger();
  try {
    let sending = true;
    // Two commands at a time, 20 a second: under the teacher's command budget.
    const traffic = (async () => {
      while (sending) {
        await Promise.all([ledger.send(teacher), ledger.send(teacher)]);
        await sleep(100);
      }
    })();
    let flapped = 0;
    for (; flapped < flaps && deadline.left(); flapped++) {
      proxy.cut();
      await sleep(150);
      proxy.restore();
      await sleep(150);
      if ((flapped + 1) % 100 === 0) console.log(`  ${flapped + 1} flaps, ${JSON.stringify(ledger.counts())}`);
    }
    sending = false;
    await traffic;
    const afterFlapsMs = await untilAccepted(ledger, teacher);

    const recoveryMs: number[] = [];
    for (let i = 0; i < outages && deadline.left(); i++) {
      await untilAccepted(ledger, teacher);
      // Commands keep coming during the outage (and are refused), as a class's would.
      proxy.cut();
      const cutUntil = performance.now() + outageMs;
      while (performance.now() < cutUntil) {
        await ledger.send(teacher);
        await sleep(Math.min(100, Math.max(0, cutUntil - performance.now())));
      }
      proxy.restore();
      recoveryMs.push(await untilAccepted(ledger, teacher));
    }
    const problems = await ledger.problems(database.url, host.sessionId);
    return { flaps: flapped, afterFlapsMs, outages: recoveryMs.length, outageMs, recoveryMs, counts: ledger.counts(), slowestAnswerMs: ledger.slowestMs, problems };
  } finally {
    teacher.close();
    proxy.restore();
    await server.stop();
    await proxy.close();
    await database.drop();
  }
}
