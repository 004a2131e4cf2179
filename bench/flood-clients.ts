/**
 * A worker of the flood scenario (forked by bench/flood.ts): holds real socket.io-client
 * sockets and either times a bystander class's moves one acknowledgement at a time, or
 * floods from the flooding class's sockets on a fixed tick, connecting again when cut off.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { BystandReport, FloodClient, FloodPlan, FloodReport, FromFloodWorker, ToFloodWorker } from "./lib/flood-messages";

const now = () => performance.timeOrigin + performance.now();
const send = (msg: FromFloodWorker) => process.send!(msg);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

process.on("disconnect", () => process.exit(0));
setTimeout(() => process.exit(3), Number(process.env.BENCH_MAX_SECONDS ?? 600) * 1000).unref();

let url = "";
let clients: FloodClient[] = [];
let sockets: Socket[] = [];
let stopping = false;
const PAUSE_MS = 25;

/** Connects one client; rejects with the refusal's code. */
function open(client: FloodClient): Promise<Socket> {
  // engine.io-client hands `localAddress` to the WebSocket in Node; its types do not list it.
  const nodeOnly = { localAddress: client.localAddress };
  const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true, auth: client.auth, timeout: 20_000, ...nodeOnly });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err: Error & { data?: { code?: string } }) => {
      socket.close();
      reject(new Error(err.data?.code ?? err.message));
    });
  });
}

async function connectAll(): Promise<void> {
  const errors: string[] = [];
  sockets = [];
  for (let i = 0; i < clients.length; i += 10) {
    const batch = await Promise.allSettled(clients.slice(i, i + 10).map(open));
    for (const r of batch) {
      if (r.status === "fulfilled") sockets.push(r.value);
      else errors.push(String(r.reason?.message ?? r.reason));
    }
  }
  send({ type: "connected", ok: sockets.length, failed: errors.length, errors: errors.slice(0, 5) });
}

const byst: BystandReport = { type: "bystood", sentAt: [], ackMs: [], refused: {}, eventLoopDelay: { p99: 0, max: 0 } };
let bystanding: Promise<unknown> = Promise.resolve();
const loop = monitorEventLoopDelay({ resolution: 5 });

/**
 * Each bystander moves, waits for the acknowledgement, pauses PAUSE_MS, and again: about 20
 * moves a second against Synapse, a slider drag's rate and half a participant's budget.
 */
function bystand(): void {
  loop.enable();
  bystanding = Promise.all(
    sockets.map(async (socket, s) => {
      for (let i = 0; !stopping; i++) {
        const started = now();
        const ack = await new Promise<{ ok: boolean; error?: { code: string } } | null>((resolve) =>
          socket.timeout(10_000).emit("neuron:set", { bias: ((i + s) % 10) / 10 }, (err: unknown, a: { ok: boolean; error?: { code: string } }) => resolve(err ? null : a)),
        );
        if (ack?.ok) {
          byst.sentAt.push(started);
          byst.ackMs.push(now() - started);
        } else bump(byst.refused, ack?.error?.code ?? "NO_ACK");
        await sleep(PAUSE_MS);
      }
    }),
  );
}

async function flood(plan: FloodPlan): Promise<void> {
  const report: FloodReport = { type: "flooded", startedAt: now(), endedAt: 0, sent: 0, acks: {}, notices: {}, disconnects: 0, cutAfterMs: [], reconnects: { ok: 0, refused: {} } };
  const live = sockets.map((socket) => ({ socket, cut: false, pending: false }));
  const watch = (entry: (typeof live)[number]) => {
    entry.socket.on("system:error", (e: { code?: string }) => bump(report.notices, e.code ?? "?"));
    entry.socket.once("disconnect", () => {
      report.disconnects++;
      if (!entry.cut) report.cutAfterMs.push(now() - report.startedAt);
      entry.cut = true;
    });
  };
  live.forEach(watch);
  const ack = (a: { ok: boolean; error?: { code: string } }) => bump(report.acks, a?.ok ? "ok" : (a?.error?.code ?? "?"));
  const end = report.startedAt + plan.seconds * 1000;
  for (let tick = 0; now() < end; tick++) {
    for (const [k, entry] of live.entries()) {
      if (entry.socket.connected) {
        for (let m = 0; m < plan.perTick; m++) {
          entry.socket.emit("neuron:set", { bias: ((tick + m) % 10) / 10 }, ack);
          report.sent++;
        }
      } else if (plan.reconnect && !entry.pending) {
        entry.pending = true;
        open(clients[k]!).then(
          (socket) => {
            report.reconnects.ok++;
            entry.socket = socket;
            entry.pending = false;
            entry.socket.on("system:error", (e: { code?: string }) => bump(report.notices, e.code ?? "?"));
            entry.socket.once("disconnect", () => report.disconnects++);
          },
          (err: Error) => {
            bump(report.reconnects.refused, err.message);
            entry.pending = false;
          },
        );
      }
    }
    await sleep(plan.tickMs);
  }
  report.endedAt = now();
  report.cutAfterMs.sort((a, b) => a - b);
  for (const { socket } of live) socket.close();
  send(report);
}

process.on("message", (msg: ToFloodWorker) => {
  const run = async () => {
    if (msg.type === "clock") send({ type: "clock", id: msg.id, now: now() });
    else if (msg.type === "connect") {
      url = msg.url;
      clients = msg.clients;
      await connectAll();
    } else if (msg.type === "bystand") bystand();
    else if (msg.type === "flood") await flood(msg.plan);
    else if (msg.type === "stop") {
      stopping = true;
      await bystanding;
      loop.disable();
      byst.eventLoopDelay = { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
      send(byst);
    } else if (msg.type === "close") {
      for (const s of sockets) s.close();
      process.exit(0);
    }
  };
  run().catch((err: Error) => send({ type: "error", message: err.stack ?? err.message }));
});
