/**
 * When a room writes a snapshot: once `every` events have been committed since the last one.
 * Every snapshot is kept (replays seek from them); a failed write is logged, never fatal:
 * the log is the truth and the next snapshot comes `every` events later.
 */
import type { Storage } from "../../db/storage";
import type { SessionState } from "../../lib/session/state";
import type { Logger } from "../logger";
import { toSnapshot } from "./load-state";

export class SnapshotCadence {
  private since = 0;

  constructor(
    private readonly sessionId: string,
    private readonly every: number,
    private readonly storage: Storage,
    private readonly log: Logger,
  ) {}

  /** Counts committed events; writes the committed state when it is time. */
  committed(count: number, head: { seq: number; state: SessionState }): void {
    this.since += count;
    if (this.since < this.every) return;
    this.since = 0;
    this.storage
      .saveSnapshot(this.sessionId, { seq: head.seq, state: toSnapshot(head.state) })
      .catch((err) => this.log.warn({ err, sessionId: this.sessionId }, "snapshot failed"));
  }
}
