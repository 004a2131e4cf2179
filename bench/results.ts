import type { GradingResult } from "./grading-load";
/** What each scenario measures. */
import type { Summary } from "./lib/stats";

export interface WorkerUsage {
  label: string;
  sockets: number;
  cpuPct: number;
  loopP99: number;
  loopMax: number;
  majorFaults: number;
}

export interface LoadResult {
  name: string;
  /** CPU of the processes the server started (the sandbox's runs), % of a core. */
  serverChildrenCpuPct?: number;
  /** With `--only grading`: the second class's programs (bench/grading-load.ts). */
  grading?: GradingResult;
  joinMs: number;
  joinFailures: Record<string, number>;
  connectMs: number;
  connectFailed: number;
  connectErrors: string[];
  clockRttMs: number;
  latency: Summary;
  /** p99 latency of the moves sent in each second of the run. */
  p99BySecond: number[];
  sent: number;
  acked: number;
  seen: number;
  /** Moves not seen as their own value because a later move of the same student came in the same tick. */
  folded: number;
  /** Moves neither seen nor folded (lost, refused or never acknowledged). */
  unexplained: number;
  refused: Record<string, number>;
  ack: Summary;
  windowS: number;
  teacherUpdatesPerS: number;
  teacherEventsPerS: number;
  studentUpdatesPerS: { mean: number; min: number; max: number };
  updatesPerTick: number;
  maxPer25ms: number;
  maxPer250ms: number;
  clientsOver1Per25ms: number;
  minGapMs: number;
  seqGaps: number;
  serverCpuPct: number;
  rssBefore: number;
  rssPeak: number;
  serverMajorFaults: number;
  workers: WorkerUsage[];
  /** Busy CPU of the whole machine during the window, % of one core, and the part not ours. */
  machineCpuPct: number;
  otherCpuPct: number;
  loadAvg: number;
}

export interface CapacityResult {
  name: "synapse" | "bare";
  sessions: number;
  students: number;
  joinMs: number;
  joinFailures: Record<string, number>;
  connected: number;
  snapshots: number;
  failed: number;
  errors: string[];
  connectMs: number;
  rssIdle: number;
  rssJoined: number;
  rssConnected: number;
  rssPeak: number;
  /** RSS with half the students connected. */
  rssHalf: number;
  /** RSS growth from half the students connected to all of them, per student of the second half. */
  kbPerStudent: number;
  idleCpuPct: number;
  probeAcked: number;
  probeRefused: number;
  probeAckP50: number;
  probeAckP99: number;
  probeAckMax: number;
  /** Each probe round's p99 (one acknowledgement per session). */
  probeRoundP99: number[];
  sawUpdate: number;
  stillConnected: number;
}

/** Scenario E: one class's acknowledgements while another class floods (bench/flood.ts). */
export interface FloodResult {
  name: string;
  /** Bystanders' acknowledgement times by phase: before the flood, its first 500 ms, all of it, after it. */
  before: Summary;
  onset: Summary;
  during: Summary;
  after: Summary;
  /** When the slowest acknowledgement during the flood was sent, ms after the flood began. */
  slowestAtMs: number;
  bystanderRefused: Record<string, number>;
  bystanderLoopMax: number;
  /** Messages the flooders sent, per second of the flood. */
  offeredPerS: number;
  sent: number;
  acks: Record<string, number>;
  notices: Record<string, number>;
  disconnects: number;
  /** ms from the flood's start until the first and the last of the first sockets were cut off. */
  firstCutMs: number;
  lastCutMs: number;
  reconnects: { ok: number; refused: Record<string, number> };
  serverCpuPct: number;
  otherCpuPct: number;
}
