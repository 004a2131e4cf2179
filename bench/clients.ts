/**
 * A benchmark client worker (forked by bench/run.ts): holds real socket.io-client sockets,
 * makes its students move their sliders on a plan, and records when each update and each
 * value arrived, in its own high-resolution clock (the orchestrator measures the offset
 * between clocks and corrects for it). It does as little as possible per message so that
 * it disturbs the timing it measures as little as possible.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { ClientSpec, FromWorker, LoadPlan, SocketStats, ToWorker, WorkerResult } from "./lib/messages";
import { maxInSlidingWindow, minGap } from "./lib/stats";
import { loopbackSource } from "./lib/http";

const now = () => performance.timeOrigin + performance.now();
const send = (msg: FromWorker) => process.send!(msg);

// Never outlive the orchestrator.
process.on("disconnect", () => process.exit(0));
setTimeout(() => process.exit(3), Number(process.env.BENCH_MAX_SECONDS ?? 600) * 1000).unref();

interface Live {
  spec: ClientSpec;
  socket: Socket;
  snapshot: boolean;
  lastSeq: number;
  seqGaps: number;
  times: number[];
  events: number[];
}

interface EventLike {
  seq?: number;
  type?: string;
  payload?: { values?: { bias?: number } };
}

const lives: Live[] = [];
const seenValues: number[] = [];
const seenAt: number[] = [];
const sentValues: number[] = [];
const sentAt: number[] = [];
const ackMs: number[] = [];
const ackSeq: number[] = [];
const sentBy: number[] = [];
const refused: Record<string, number> = {};
const LOOP_SAMPLE_MS = 5;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });

function connectOne(url: string, spec: ClientSpec, timeoutMs: number): Promise<Live> {
  // From a loopback address of its own per 40 sockets, as a class's phones would be (bench/lib/http.ts).
  // engine.io-client hands `localAddress` to the WebSocket in Node; its types do not list it.
  const nodeOnly = { localAddress: loopbackSource(spec.index, 40, 2) };
  const socket = io(url, { transports: ["websocket"], reconnection: false, forceNew: true, auth: spec.auth, timeout: timeoutMs, ...nodeOnly });
  const live: Live = { spec, socket, snapshot: false, lastSeq: 0, seqGaps: 0, times: [], events: [] };
  const teacher = spec.role === "teacher";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error("no snapshot in time"));
    }, timeoutMs);
    socket.on("session:snapshot", (snap: { seq: number }) => {
      live.lastSeq = snap.seq;
      live.snapshot = true;
      clearTimeout(timer);
      resolve(live);
    });
    socket.on("session:update", (update: { events: EventLike[] }) => {
      const t = now();
      const events = update.events;
      live.times.push(t);
      live.events.push(events.length);
      if (events.length > 0) {
        if (events[0]!.seq !== live.lastSeq + 1) live.seqGaps++;
        live.lastSeq = events[events.length - 1]!.seq ?? live.lastSeq;
      }
      if (teacher) {
        for (const e of events) {
          const bias = e.type === "entry.set" ? e.payload?.values?.bias : undefined;
          if (bias !== undefined) {
            seenValues.push(bias);
            seenAt.push(t);
          }
        }
      }
    });
    socket.once("connect_error", (err: Error & { data?: { code?: string } }) => {
      clearTimeout(timer);
      socket.close();
      reject(new Error(err.data?.code ?? err.message));
    });
  });
}

async function connectAll(url: string, specs: ClientSpec[], concurrency: number, timeoutMs: number) {
  const started = now();
  const errors: string[] = [];
  let next = 0;
  let failed = 0;
  const lane = async () => {
    while (next < specs.length) {
      const spec = specs[next++]!;
      try {
        lives.push(await connectOne(url, spec, timeoutMs));
      } catch (err) {
        failed++;
        if (errors.length < 5) errors.push((err as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  send({
    type: "connected",
    ok: lives.length,
    failed,
    snapshots: lives.filter((l) => l.snapshot).length,
    errors,
    ms: now() - started,
  });
}

async function move(live: Live, bias: number): Promise<void> {
  const i = sentValues.length;
  sentValues.push(bias);
  sentAt.push(now());
  ackMs.push(-1);
  ackSeq.push(-1);
  sentBy.push(live.spec.index);
  try {
    const ack = (await live.socket.timeout(10_000).emitWithAck("neuron:set", { bias })) as { ok: boolean; seq?: number; error?: { code: string } };
    if (ack.ok) {
      ackMs[i] = now() - sentAt[i]!;
      ackSeq[i] = ack.seq ?? -1;
    }
    else refused[ack.error?.code ?? "?"] = (refused[ack.error?.code ?? "?"] ?? 0) + 1;
  } catch {
    refused.TIMEOUT = (refused.TIMEOUT ?? 0) + 1;
  }
}

function run(plan: LoadPlan): void {
  loopDelay.enable();
  const period = 1000 / plan.rate;
  const end = plan.startAt + plan.seconds * 1000;
  const students = lives.filter((l) => l.spec.role === "student");
  let running = students.length;
  const done = () => {
    if (--running === 0) send({ type: "sent", count: sentValues.length });
  };
  if (running === 0) send({ type: "sent", count: 0 });
  for (const live of students) {
    let k = 0;
    const step = () => {
      if (now() >= end || k >= plan.perStudent) return done();
      void move(live, plan.base + (live.spec.index * plan.perStudent + k++) * plan.step);
      setTimeout(step, period * (1 + plan.jitter * (2 * Math.random() - 1)));
    };
    // Students start at random moments of the first period, as they would in a class.
    setTimeout(step, Math.max(0, plan.startAt - now()) + Math.random() * period);
  }
}

function collect(windowStart: number, windowEnd: number): WorkerResult {
  loopDelay.disable();
  const sockets: SocketStats[] = lives.map((live) => {
    const inWindow: number[] = [];
    let events = 0;
    live.times.forEach((t, i) => {
      if (t >= windowStart && t < windowEnd) {
        inWindow.push(t);
        events += live.events[i]!;
      }
    });
    return {
      role: live.spec.role,
      updates: inWindow.length,
      events,
      maxPer25ms: maxInSlidingWindow(inWindow, 25),
      maxPer250ms: maxInSlidingWindow(inWindow, 250),
      minGapMs: minGap(inWindow),
      seqGaps: live.seqGaps,
    };
  });
  // The histogram records whole sampling intervals; what matters is the lateness beyond one.
  const ms = (ns: number) => Math.max(0, ns / 1e6 - LOOP_SAMPLE_MS);
  return {
    type: "result",
    sockets,
    sentValues,
    sentAt,
    ackMs,
    ackSeq,
    sentBy,
    refused,
    seenValues,
    seenAt,
    eventLoopDelay: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) },
  };
}

// The capacity check: one student per session moves once; everyone should then see an update.
let probeMarks: number[] = [];
async function probe(bias: number): Promise<void> {
  probeMarks = lives.map((l) => l.times.length);
  const first = sentValues.length;
  await Promise.all(lives.filter((l) => l.spec.mover).map((live) => move(live, bias)));
  const acks = ackMs.slice(first);
  send({ type: "probed", acked: acks.filter((a) => a >= 0).length, refused: acks.filter((a) => a < 0).length, ackMs: acks.filter((a) => a >= 0) });
}

process.on("message", (msg: ToWorker) => {
  switch (msg.type) {
    case "connect":
      void connectAll(msg.url, msg.specs, msg.concurrency, msg.timeoutMs).catch((err) => send({ type: "error", message: String(err) }));
      break;
    case "clock":
      send({ type: "clock", id: msg.id, now: now() });
      break;
    case "run":
      run(msg.plan);
      break;
    case "collect":
      send(collect(msg.windowStart, msg.windowEnd));
      break;
    case "probe":
      void probe(msg.bias);
      break;
    case "probe-result":
      send({
        type: "probe-result",
        sawUpdate: lives.filter((l, i) => l.times.length > (probeMarks[i] ?? 0)).length,
        sockets: lives.length,
        connected: lives.filter((l) => l.socket.connected).length,
      });
      break;
    case "close":
      for (const live of lives) live.socket.close();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
