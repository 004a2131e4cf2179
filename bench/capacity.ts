/** Scenario C: how many idle students one process holds. */
import { PROTOCOL_VERSION } from "../lib/protocol/version";
import { CAPACITY, HARD_LIMIT_S, SESSION_SIZE } from "./args";
import { log, now } from "./log";
import type { CapacityResult } from "./results";
import { host, joinAll, startSynapse } from "./servers";
import { pool } from "./lib/http";
import type { ClientSpec } from "./lib/messages";
import { cpuSeconds, rssMb, sleep, watchRss } from "./lib/procs";
import { fmt, summarize } from "./lib/stats";
import { Worker } from "./lib/worker";

export async function capacityScenario(): Promise<CapacityResult> {
  log(`capacity: starting synapse for ${CAPACITY} idle students in sessions of ${SESSION_SIZE}`);
  const server = await startSynapse();
  const workers: Worker[] = [];
  try {
    const rssIdle = rssMb(server.pid);
    const rss = watchRss(server.pid, 500);
    const sessionCount = Math.ceil(CAPACITY / SESSION_SIZE);
    const sessions = await pool(sessionCount, 4, () => host(server.url));
    const codes = Array.from({ length: CAPACITY }, (_, i) => sessions[Math.floor(i / SESSION_SIZE)]!.code);
    log(`capacity: ${sessionCount} sessions hosted, joining ${CAPACITY} students`);
    const joins = await joinAll(server.url, codes, 16);
    const rssJoined = rssMb(server.pid);

    // Two processes of students: a few thousand sockets in one client process is fine,
    // but connecting them is faster from two.
    const procs = CAPACITY > 1000 ? 2 : 1;
    for (let w = 0; w < procs; w++) workers.push(new Worker(`capacity-${w + 1}`, HARD_LIMIT_S));
    const started = now();
    workers.forEach((w, wi) => {
      const specs: ClientSpec[] = [];
      joins.joined.forEach((j, i) => {
        if (j && i % procs === wi) specs.push({ role: "student", index: i, group: Math.floor(i / SESSION_SIZE), mover: i % SESSION_SIZE === 0, auth: { protocolVersion: PROTOCOL_VERSION, token: j.token } });
      });
      w.post({ type: "connect", url: server.url, specs, concurrency: 25, timeoutMs: 30_000 });
    });
    const connected = await Promise.all(workers.map((w) => w.next("connected", 300_000)));
    const connectMs = now() - started;
    log(`capacity: ${connected.reduce((a, c) => a + c.ok, 0)} sockets connected in ${fmt(connectMs / 1000)} s; idling 5 s`);
    await sleep(2000);
    const rssConnected = rssMb(server.pid);
    const cpu0 = cpuSeconds(server.pid);
    await sleep(5000);
    const idleCpuPct = ((cpuSeconds(server.pid) - cpu0) / 5) * 100;

    // Are they alive? One student per session moves once; all should get the update.
    for (const w of workers) w.post({ type: "probe", bias: 0.125 });
    const probed = await Promise.all(workers.map((w) => w.next("probed", 30_000)));
    await sleep(1000);
    for (const w of workers) w.post({ type: "probe-result" });
    const seen = await Promise.all(workers.map((w) => w.next("probe-result", 10_000)));
    const { peak: rssPeak } = rss.stop();

    const probeAcks = probed.flatMap((p) => p.ackMs);
    return {
      sessions: sessionCount,
      students: CAPACITY,
      joinMs: joins.ms,
      joinFailures: joins.failures,
      connected: connected.reduce((a, c) => a + c.ok, 0),
      snapshots: connected.reduce((a, c) => a + c.snapshots, 0),
      failed: connected.reduce((a, c) => a + c.failed, 0),
      errors: connected.flatMap((c) => c.errors),
      connectMs,
      rssIdle,
      rssJoined,
      rssConnected,
      rssPeak,
      idleCpuPct,
      probeAcked: probed.reduce((a, p) => a + p.acked, 0),
      probeAckP99: summarize(probeAcks).p99,
      sawUpdate: seen.reduce((a, s) => a + s.sawUpdate, 0),
      stillConnected: seen.reduce((a, s) => a + s.connected, 0),
    };
  } finally {
    await Promise.all(workers.map((w) => w.close().catch(() => {})));
    await server.stop();
  }
}
