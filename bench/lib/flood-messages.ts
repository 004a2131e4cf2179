/** What the flood scenario (bench/flood.ts) and its client workers (bench/flood-clients.ts) say over IPC. */

export interface FloodClient {
  /** Handshake auth: a Synapse token, or the bare server's { room, id, role }. */
  auth: Record<string, unknown>;
  /** Loopback source address, so that per-address limits see a school or an attacker, not the bench. */
  localAddress: string;
}

export interface FloodPlan {
  seconds: number;
  /** Every `tickMs`, each connected socket sends `perTick` moves. */
  tickMs: number;
  perTick: number;
  /** A socket that is cut off connects again (with the same pass) on the next tick. */
  reconnect: boolean;
}

export type ToFloodWorker =
  | { type: "clock"; id: number }
  | { type: "connect"; url: string; clients: FloodClient[] }
  | { type: "bystand" }
  | { type: "flood"; plan: FloodPlan }
  | { type: "stop" }
  | { type: "close" };

export interface FloodReport {
  type: "flooded";
  /** Worker clock. */
  startedAt: number;
  endedAt: number;
  sent: number;
  /** Acknowledgements by outcome: "ok" or the refusal's code. */
  acks: Record<string, number>;
  /** `system:error` notices by code. */
  notices: Record<string, number>;
  disconnects: number;
  /** Time from the flood's start until each first socket was cut off, ms (sorted). */
  cutAfterMs: number[];
  reconnects: { ok: number; refused: Record<string, number> };
}

export interface BystandReport {
  type: "bystood";
  /** Each move: send time (worker clock) and its acknowledgement's latency, ms. */
  sentAt: number[];
  ackMs: number[];
  refused: Record<string, number>;
  eventLoopDelay: { p99: number; max: number };
}

export type FromFloodWorker =
  | { type: "clock"; id: number; now: number }
  | { type: "connected"; ok: number; failed: number; errors: string[] }
  | FloodReport
  | BystandReport
  | { type: "error"; message: string };
