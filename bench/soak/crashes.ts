/**
 * kill -9 cycles: a teacher sends commands (each a value used once, tests/helpers/fault-ledger.ts)
 * while the server is killed at a random moment and started again on the same database, over
 * and over. At the end the log must hold every acknowledged value at or before its seq.
 */
import { hostSession, LiveClient } from "../../tests/helpers/classroom";
import { createPostgresDatabase, tempDataDir } from "../../tests/helpers/databases";
import { ConnectRefusal } from "../../tests/helpers/socket-client";
import { FaultLedger, type LedgerCounts } from "../../tests/helpers/fault-ledger";
import { startServer } from "../../tests/helpers/server-process";
import { sleep, untilAccepted, type Deadline } from "./common";

export interface CrashFigures {
  db: "pglite" | "postgres";
  cycles: number;
  counts: LedgerCounts;
  /** Broken promises found in the log (acknowledged but missing, or refused but present). */
  problems: string[];
  /** From the kill to the first acknowledged command on the new process, ms. */
  backMs: number[];
  /** Handshakes the restarted server refused (a phone tries again), by code, and the errors it logged. */
  refusedHandshakes: Record<string, number>;
  serverErrors: string[];
}

export async function crashCycles(db: "pglite" | "postgres", cycles: number, deadline: Deadline, postgresUrl?: string): Promise<CrashFigures> {
  const pg = db === "postgres" ? await createPostgresDatabase(postgresUrl!) : undefined;
  const dir = db === "pglite" ? tempDataDir("synapse-soak-") : undefined;
  const env: Record<string, string> = pg ? { DATABASE_URL: pg.url, LOG_LEVEL: "error" } : { DATA_DIR: dir!.dir, LOG_LEVEL: "error" };
  let server = await startServer(env);
  const host = await hostSession(server.url);
  let teacher: LiveClient;
  const ledger = new FaultLedger();
  const backMs: number[] = [];
  const refusedHandshakes: Record<string, number> = {};
  const serverErrors: string[] = [];
  /** Connects as a phone would: a refused handshake is tried again after a moment. */
  const connectTeacher = async (): Promise<LiveClient> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await LiveClient.connect(server.url, { token: host.teacherToken });
      } catch (err) {
        const code = err instanceof ConnectRefusal ? String(err.data.code) : "CONNECT_ERROR";
        refusedHandshakes[code] = (refusedHandshakes[code] ?? 0) + 1;
        for (const line of server.output().split("\n")) {
          if (/"level":(50|60)/.test(line) && serverErrors.length < 20 && !serverErrors.includes(line)) serverErrors.push(line.slice(0, 600));
        }
        if (attempt >= 10) throw err;
        await sleep(500);
      }
    }
  };
  let done = 0;
  teacher = await connectTeacher();
  try {
    for (; done < cycles && deadline.left(); done++) {
      let running = true;
      const traffic = (async () => {
        while (running && teacher.socket.connected) {
          await ledger.send(teacher).catch(() => {}); // the socket dies with the server
          await sleep(20);
        }
      })();
      await sleep(200 + Math.random() * 800);
      const killedAt = performance.now();
      await server.crash();
      running = false;
      await traffic;
      teacher.close();
      server = await startServer(env);
      teacher = await connectTeacher();
      await untilAccepted(ledger, teacher);
      backMs.push(performance.now() - killedAt);
      if ((done + 1) % 10 === 0) console.log(`  ${db}: ${done + 1} kill -9 cycles, ${JSON.stringify(ledger.counts())}`);
    }
    teacher.close();
    // PGlite is read from its directory once no server holds it.
    if (dir) await server.stop();
    const problems = await ledger.problems(pg ? pg.url : { dataDir: dir!.dir }, host.sessionId);
    return { db, cycles: done, counts: ledger.counts(), problems, backMs, refusedHandshakes, serverErrors };
  } finally {
    teacher.close();
    await server.stop();
    await pg?.drop();
    dir?.remove();
  }
}
