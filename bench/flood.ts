/**
 * Scenario E: a bystander class under a flood. Five students of one class each move their
 * slider, wait for the acknowledgement, pause 25 ms and move again, throughout; after a
 * second of that, FLOODERS students of another class flood from five sockets each (five
 * moves per socket every 10 ms: 12,500 messages a second for five students) for
 * FLOOD_SECONDS, connecting again whenever they are cut off; then a second of calm. The
 * bystanders' acknowledgement times are reported by phase, the flood's start on its own.
 * The same clients run against the bare Socket.IO server, which has no limits at all and
 * acknowledges every flooding message.
 */
import { PROTOCOL_VERSION } from "../lib/protocol/version";
import { FLOOD_RECONNECT, FLOOD_SECONDS, FLOODERS, HARD_LIMIT_S } from "./args";
import { log } from "./log";
import { quietBeforeRun } from "./quiet";
import type { FloodResult } from "./results";
import { host, joinAll, startBare, startSynapse } from "./servers";
import type { FloodClient, FromFloodWorker, ToFloodWorker } from "./lib/flood-messages";
import { loopbackSource } from "./lib/http";
import { cpuSeconds, machineCpu, sleep } from "./lib/procs";
import { summarize } from "./lib/stats";
import { Worker } from "./lib/worker";

const BYSTANDERS = 5;
const SOCKETS_PER_FLOODER = 5;
const CALM_MS = 1000;
const ONSET_MS = 500;

type FloodWorker = Worker<ToFloodWorker, FromFloodWorker>;

/** The two classes' clients: bystanders from one school's address, each flooder from its own. */
async function classes(kind: "synapse" | "bare", url: string): Promise<{ bystanders: FloodClient[]; flooders: FloodClient[] }> {
  const flooderAddress = (i: number) => loopbackSource(i, 1, 4);
  const bystanderAddress = loopbackSource(0, 1, 5);
  if (kind === "bare") {
    return {
      bystanders: Array.from({ length: BYSTANDERS }, (_, i) => ({ auth: { room: "bystanders", id: `b${i}`, role: "student" }, localAddress: bystanderAddress })),
      flooders: Array.from({ length: FLOODERS * SOCKETS_PER_FLOODER }, (_, k) => ({
        auth: { room: "flood", id: `f${Math.floor(k / SOCKETS_PER_FLOODER)}`, role: "student" },
        localAddress: flooderAddress(Math.floor(k / SOCKETS_PER_FLOODER)),
      })),
    };
  }
  const [quiet, noisy] = [await host(url), await host(url)];
  const joined = await joinAll(url, [...Array(BYSTANDERS).fill(quiet.code), ...Array(FLOODERS).fill(noisy.code)], 4, 100_000);
  if (joined.joined.some((j) => !j)) throw new Error(`joins failed: ${JSON.stringify(joined.failures)}`);
  const auth = (i: number) => ({ protocolVersion: PROTOCOL_VERSION, token: joined.joined[i]!.token });
  return {
    bystanders: Array.from({ length: BYSTANDERS }, (_, i) => ({ auth: auth(i), localAddress: bystanderAddress })),
    flooders: Array.from({ length: FLOODERS * SOCKETS_PER_FLOODER }, (_, k) => ({
      auth: auth(BYSTANDERS + Math.floor(k / SOCKETS_PER_FLOODER)),
      localAddress: flooderAddress(Math.floor(k / SOCKETS_PER_FLOODER)),
    })),
  };
}

export async function floodScenario(kind: "synapse" | "bare"): Promise<FloodResult> {
  await quietBeforeRun(kind);
  log(`${kind}: starting the server for the flood`);
  const server = kind === "synapse" ? await startSynapse() : await startBare();
  const bystanderWorker: FloodWorker = new Worker("bystanders", HARD_LIMIT_S, "bench/flood-clients.ts");
  const flooderWorker: FloodWorker = new Worker("flooders", HARD_LIMIT_S, "bench/flood-clients.ts");
  try {
    const { bystanders, flooders } = await classes(kind, server.url);
    for (const w of [bystanderWorker, flooderWorker]) await w.calibrate(10);
    bystanderWorker.post({ type: "connect", url: server.url, clients: bystanders });
    flooderWorker.post({ type: "connect", url: server.url, clients: flooders });
    for (const w of [bystanderWorker, flooderWorker]) {
      const c = await w.next("connected", 60_000);
      if (c.failed) throw new Error(`${w.label}: ${c.failed} sockets failed to connect: ${c.errors.join("; ")}`);
    }
    await sleep(500); // presence updates of the connections settle

    bystanderWorker.post({ type: "bystand" });
    await sleep(CALM_MS);
    const pids = [server.pid, bystanderWorker.pid, flooderWorker.pid];
    const cpu0 = pids.map(cpuSeconds);
    const machine0 = machineCpu();
    const self0 = process.cpuUsage();
    flooderWorker.post({ type: "flood", plan: { seconds: FLOOD_SECONDS, tickMs: 10, perTick: 5, reconnect: FLOOD_RECONNECT } });
    const flood = await flooderWorker.next("flooded", (FLOOD_SECONDS + 60) * 1000);
    const cpu1 = pids.map(cpuSeconds);
    const machine1 = machineCpu();
    const self = process.cpuUsage(self0);
    await sleep(CALM_MS);
    bystanderWorker.post({ type: "stop" });
    const byst = await bystanderWorker.next("bystood", 30_000);

    // Phases in the flooders' clock, moved into the bystanders'.
    const shift = bystanderWorker.offset - flooderWorker.offset;
    const start = flood.startedAt + shift;
    const end = flood.endedAt + shift;
    const phase = (from: number, to: number) => summarize(byst.ackMs.filter((_, i) => byst.sentAt[i]! >= from && byst.sentAt[i]! < to));
    let slowest = -1;
    byst.ackMs.forEach((ms, i) => {
      if (byst.sentAt[i]! >= start && byst.sentAt[i]! < end && (slowest < 0 || ms > byst.ackMs[slowest]!)) slowest = i;
    });
    const seconds = (flood.endedAt - flood.startedAt) / 1000;
    const ours = cpu1.reduce((a, c, i) => a + c - cpu0[i]!, 0) + (self.user + self.system) / 1e6;
    return {
      name: kind,
      before: phase(-Infinity, start),
      onset: phase(start, start + ONSET_MS),
      during: phase(start, end),
      after: phase(end, Infinity),
      slowestAtMs: slowest < 0 ? NaN : byst.sentAt[slowest]! - start,
      bystanderRefused: byst.refused,
      bystanderLoopMax: byst.eventLoopDelay.max,
      offeredPerS: flood.sent / seconds,
      sent: flood.sent,
      acks: flood.acks,
      notices: flood.notices,
      disconnects: flood.disconnects,
      firstCutMs: flood.cutAfterMs[0] ?? NaN,
      lastCutMs: flood.cutAfterMs.at(-1) ?? NaN,
      reconnects: flood.reconnects,
      serverCpuPct: ((cpu1[0]! - cpu0[0]!) / seconds) * 100,
      otherCpuPct: ((machine1.busy - machine0.busy - ours) / seconds) * 100,
    };
  } finally {
    await Promise.all([bystanderWorker.close().catch(() => {}), flooderWorker.close().catch(() => {})]);
    await server.stop();
  }
}
