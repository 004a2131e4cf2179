/**
 * Scenario C: how many idle students one process holds, and how fast it still answers.
 * Students sit in sessions of `--session-size`, connected from two client processes; a third
 * process holds the one student per session who moves (the probe), so the acknowledgement it
 * measures is not queued behind thousands of other sockets' updates in the same client event
 * loop (a phone has a processor of its own). Run for Synapse and for the bare Socket.IO
 * server with the same sockets, rooms and probes.
 */
import { PROTOCOL_VERSION } from "../lib/protocol/version";
import { CAPACITY, HARD_LIMIT_S, SESSION_SIZE } from "./args";
import { log, now } from "./log";
import type { CapacityResult } from "./results";
import { host, joinAll, startBare, startSynapse } from "./servers";
import { pool } from "./lib/http";
import type { ClientSpec } from "./lib/messages";
import { cpuSeconds, rssMb, sleep, watchRss } from "./lib/procs";
import { fmt, summarize } from "./lib/stats";
import { Worker } from "./lib/worker";

/** Probe rounds: each moves one student in every session at the same moment. */
const PROBE_ROUNDS = 5;

async function specsFor(kind: "synapse" | "bare", url: string, sessionCount: number) {
  if (kind === "bare") {
    const specs = Array.from({ length: CAPACITY }, (_, i): ClientSpec => {
      const group = Math.floor(i / SESSION_SIZE);
      return { role: "student", index: i, group, mover: i % SESSION_SIZE === 0, auth: { room: `r${group}`, id: `s${i}`, role: "student" } };
    });
    return { specs, joinMs: 0, joinFailures: {} };
  }
  const sessions = await pool(sessionCount, 4, () => host(url));
  const codes = Array.from({ length: CAPACITY }, (_, i) => sessions[Math.floor(i / SESSION_SIZE)]!.code);
  log(`capacity: ${sessionCount} sessions hosted, joining ${CAPACITY} students`);
  const joins = await joinAll(url, codes, 16);
  const specs: ClientSpec[] = [];
  joins.joined.forEach((j, i) => {
    if (j) specs.push({ role: "student", index: i, group: Math.floor(i / SESSION_SIZE), mover: i % SESSION_SIZE === 0, auth: { protocolVersion: PROTOCOL_VERSION, token: j.token } });
  });
  return { specs, joinMs: joins.ms, joinFailures: joins.failures };
}

export async function capacityScenario(kind: "synapse" | "bare"): Promise<CapacityResult> {
  log(`capacity (${kind}): ${CAPACITY} idle students in sessions of ${SESSION_SIZE}`);
  const server = kind === "synapse" ? await startSynapse() : await startBare();
  const idle: Worker[] = [];
  let prober: Worker | null = null;
  try {
    await sleep(1000);
    const rssIdle = rssMb(server.pid);
    const rss = watchRss(server.pid, 500);
    const sessionCount = Math.ceil(CAPACITY / SESSION_SIZE);
    const { specs, joinMs, joinFailures } = await specsFor(kind, server.url, sessionCount);
    const rssJoined = rssMb(server.pid);

    const procs = CAPACITY > 1000 ? 2 : 1;
    for (let w = 0; w < procs; w++) idle.push(new Worker(`capacity-${w + 1}`, HARD_LIMIT_S));
    prober = new Worker("capacity-probe", HARD_LIMIT_S);
    const started = now();
    const quiet = specs.filter((s) => !s.mover);
    const all = [...idle, prober];
    // In two halves: the memory a student costs is the growth from the first half to the
    // second, which the startup's garbage (collected at some moment or other) cannot blur.
    const half = (h: 0 | 1, wi: number) => quiet.filter((_, i) => i % procs === wi && (i < quiet.length / 2) === (h === 0));
    idle.forEach((w, wi) => w.post({ type: "connect", url: server.url, specs: half(0, wi), concurrency: 25, timeoutMs: 30_000 }));
    prober.post({ type: "connect", url: server.url, specs: specs.filter((s) => s.mover), concurrency: 25, timeoutMs: 30_000 });
    const firstHalf = await Promise.all(all.map((w) => w.next("connected", 300_000)));
    await sleep(2000);
    const rssHalf = rssMb(server.pid);
    idle.forEach((w, wi) => w.post({ type: "connect", url: server.url, specs: half(1, wi), concurrency: 25, timeoutMs: 30_000 }));
    const secondHalf = await Promise.all(idle.map((w) => w.next("connected", 300_000)));
    const connected = [...secondHalf, firstHalf[firstHalf.length - 1]!];
    const connectMs = now() - started;
    log(`capacity (${kind}): ${connected.reduce((a, c) => a + c.ok, 0)} sockets connected in ${fmt(connectMs / 1000)} s; idling`);
    await sleep(2000);
    const rssConnected = rssMb(server.pid);
    const firstCount = firstHalf.reduce((a, c) => a + c.ok, 0);
    const cpu0 = cpuSeconds(server.pid);
    await sleep(5000);
    const idleCpuPct = ((cpuSeconds(server.pid) - cpu0) / 5) * 100;

    // Are they alive, and how fast is the answer? One student per session moves at once.
    const acks: number[] = [];
    const roundP99: number[] = [];
    let refused = 0;
    for (let round = 0; round < PROBE_ROUNDS; round++) {
      // The idle processes note what they have seen first, so no update can slip in before.
      for (const w of idle) w.post({ type: "probe", bias: 0 });
      await Promise.all(idle.map((w) => w.next("probed", 30_000)));
      prober.post({ type: "probe", bias: 0.125 + round / 100 });
      const probed = await prober.next("probed", 30_000);
      acks.push(...probed.ackMs);
      refused += probed.refused;
      roundP99.push(summarize(probed.ackMs).p99);
      await sleep(1000);
    }
    for (const w of all) w.post({ type: "probe-result" });
    const seen = await Promise.all(all.map((w) => w.next("probe-result", 10_000)));
    const { peak: rssPeak } = rss.stop();
    const probe = summarize(acks);
    const students = connected.reduce((a, c) => a + c.ok, 0);
    return {
      name: kind,
      sessions: sessionCount,
      students: CAPACITY,
      joinMs,
      joinFailures,
      connected: students,
      snapshots: connected.reduce((a, c) => a + c.snapshots, 0),
      failed: [...firstHalf, ...secondHalf].reduce((a, c) => a + c.failed, 0),
      errors: [...firstHalf, ...secondHalf].flatMap((c) => c.errors),
      connectMs,
      rssIdle,
      rssJoined,
      rssConnected,
      rssPeak,
      kbPerStudent: students > firstCount ? ((rssConnected - rssHalf) * 1024) / (students - firstCount) : 0,
      rssHalf,
      idleCpuPct,
      probeAcked: acks.length,
      probeRefused: refused,
      probeAckP50: probe.p50,
      probeAckP99: probe.p99,
      probeAckMax: probe.max,
      probeRoundP99: roundP99,
      sawUpdate: seen.reduce((a, s) => a + s.sawUpdate, 0),
      stillConnected: seen.reduce((a, s) => a + s.connected, 0),
    };
  } finally {
    await Promise.all([...idle, ...(prober ? [prober] : [])].map((w) => w.close().catch(() => {})));
    await server.stop();
  }
}
