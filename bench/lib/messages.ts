/** What the benchmark's orchestrator (bench/run.ts) and its client workers (bench/clients.ts) say over IPC. */

export interface ClientSpec {
  role: "teacher" | "student";
  /** The student's index in the whole class (values are derived from it); -1 for a teacher. */
  index: number;
  /** Sessions of the capacity check; the probe moves one student per group. */
  group: number;
  /** In the capacity check, this student moves once to probe its session. */
  mover?: boolean;
  auth: Record<string, unknown>;
}

export interface LoadPlan {
  /** In the worker's own clock (performance.timeOrigin + performance.now()). */
  startAt: number;
  seconds: number;
  rate: number;
  /** Each interval is period × (1 ± jitter), uniformly. */
  jitter: number;
  /** Student i's k-th value is base + (i × perStudent + k) × step, unique in the run. */
  base: number;
  step: number;
  perStudent: number;
}

export type ToWorker =
  | { type: "connect"; url: string; specs: ClientSpec[]; concurrency: number; timeoutMs: number }
  | { type: "clock"; id: number }
  | { type: "run"; plan: LoadPlan }
  | { type: "collect"; windowStart: number; windowEnd: number }
  | { type: "probe"; bias: number }
  | { type: "probe-result" }
  | { type: "close" };

export interface SocketStats {
  role: "teacher" | "student";
  /** session:update messages received inside the measured window. */
  updates: number;
  /** Events those updates carried. */
  events: number;
  /** Most updates seen within any 25 ms span (sliding) in the window. */
  maxPer25ms: number;
  /** Most updates seen within any 250 ms span (ten ticks). */
  maxPer250ms: number;
  /** Smallest gap between two consecutive updates in the window, ms. */
  minGapMs: number;
  /** Updates whose first event did not follow the previous update's last seq. */
  seqGaps: number;
}

export interface WorkerResult {
  type: "result";
  sockets: SocketStats[];
  /** Student sends: value, send time (worker clock), ack latency ms (-1 if none), refusal code. */
  sentValues: number[];
  sentAt: number[];
  ackMs: number[];
  /** The seq in each move's acknowledgement (-1 if none): equal seqs mean the same tick. */
  ackSeq: number[];
  /** The student who sent each move. */
  sentBy: number[];
  refused: Record<string, number>;
  /** Teacher receipts of entry.set values: value, receive time (worker clock). */
  seenValues: number[];
  seenAt: number[];
  /** How late the worker's event loop ran beyond its 5 ms sampling interval, ms. */
  eventLoopDelay: { p50: number; p99: number; max: number };
}

export type FromWorker =
  | { type: "connected"; ok: number; failed: number; snapshots: number; errors: string[]; ms: number }
  | { type: "clock"; id: number; now: number }
  | { type: "sent"; count: number }
  | WorkerResult
  | { type: "probed"; acked: number; refused: number; ackMs: number[] }
  | { type: "probe-result"; sawUpdate: number; sockets: number; connected: number }
  | { type: "error"; message: string };
