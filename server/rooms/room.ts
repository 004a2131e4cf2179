/**
 * A live session on this server. It knows nothing of Socket.IO: clients are anything with
 * `send` and `close`, and the fan-out goes through a `broadcast` function.
 *
 * Commands are decided on the `working` state and folded into it at once, so the next
 * command sees them; the events wait for the tick, are appended to the database in one
 * transaction (group commit), and only then are folded into `committed`, acknowledged
 * and broadcast: every screen and every acknowledgement follows the database.
 */
import type { Storage } from "../../db/storage";
import type { LoggedEvent, SessionEvent } from "../../lib/session/events";
import { applyEvent, createState } from "../../lib/session/reducer";
import type { SessionState } from "../../lib/session/state";
import type { Viewer } from "../../lib/protocol";
import type { Logger } from "../logger";
import { BroadcastGate } from "./broadcast-gate";
import { PendingBatch } from "./pending-batch";

export interface RoomClient {
  readonly id: string;
  readonly viewer: Viewer;
  send(event: "session:snapshot" | "session:update" | "session:removed", payload: unknown): void;
  close(): void;
}

export interface RoomOptions {
  storage: Storage;
  log: Logger;
  /** Sends one message to every client of the room. */
  broadcast: (event: "session:update", payload: unknown) => void;
  tickMs: number;
  snapshotEvery: number;
}

/** The commit failed: nothing of the batch was acknowledged or shown. */
export class CommitError extends Error {}

interface Waiter {
  resolve(seq: number): void;
  reject(err: Error): void;
}

export class Room {
  working: SessionState;
  committed: SessionState;
  seq: number;
  private pending = new PendingBatch();
  private waiters: Waiter[] = [];
  private clients = new Map<string, RoomClient>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private presenceDirty = false;
  private sinceSnapshot = 0;
  private lastFlushStart = -Infinity;
  private gate: BroadcastGate;

  constructor(
    readonly id: string,
    state: SessionState,
    seq: number,
    private readonly options: RoomOptions,
  ) {
    this.committed = state;
    this.working = structuredClone(state);
    this.seq = seq;
    this.gate = new BroadcastGate(
      (events, presence) =>
        options.broadcast("session:update", presence ? { events, online: this.online() } : { events }),
      options.tickMs,
    );
  }

  /**
   * Folds events into the working state now and resolves with the seq of the last one
   * once they are in the database.
   */
  submit(events: SessionEvent[], actor: string | null): Promise<number> {
    for (const event of events) {
      applyEvent(this.working, event);
      this.pending.add({ event, actor });
    }
    const done = new Promise<number>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.schedule();
    return done;
  }

  connect(client: RoomClient): void {
    this.clients.set(client.id, client);
    client.send("session:snapshot", { seq: this.seq, state: this.committed, you: client.viewer, online: this.online() });
    this.presenceDirty = true;
    this.schedule();
  }

  disconnect(clientId: string): void {
    if (this.clients.delete(clientId)) {
      this.presenceDirty = true;
      this.schedule();
    }
  }

  /** Closes every client (the session was deleted). */
  closeClients(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }

  /** The committed state, for a client that lost track. */
  snapshot(): { seq: number; state: SessionState } {
    return { seq: this.seq, state: this.committed };
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Students and the teacher with at least one connected client. */
  online(): string[] {
    const ids = new Set<string>();
    for (const c of this.clients.values()) if (c.viewer.participantId) ids.add(c.viewer.participantId);
    return [...ids];
  }

  /** Commits and broadcasts what is pending now (used at shutdown and by tests). */
  async flushNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing) await this.flushing;
    await this.flush();
    this.gate.flush();
  }

  /**
   * Ticks at a fixed rate: the next flush starts `tickMs` after the previous one started
   * (not after it ended), so the time a commit takes does not stretch the tick; the
   * broadcast gate keeps broadcasts a tick apart.
   */
  private schedule(): void {
    if (this.timer || this.flushing) return;
    const wait = Math.max(0, this.lastFlushStart + this.options.tickMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0 && !this.presenceDirty) return;
    this.lastFlushStart = performance.now();
    const batch = this.pending.take();
    const waiters = this.waiters;
    this.waiters = [];
    const sendPresence = this.presenceDirty;
    this.presenceDirty = false;
    let release!: () => void;
    this.flushing = new Promise((r) => (release = r));
    try {
      let logged: LoggedEvent[] = [];
      if (batch.length > 0) {
        const stored = await this.options.storage.append(
          this.id,
          this.seq + 1,
          batch.map((b) => ({ type: b.event.type, payload: b.event.payload, actor: b.actor })),
        );
        logged = stored.map((s) => ({ type: s.type, payload: s.payload, seq: s.seq, actor: s.actor }) as LoggedEvent);
        for (const e of logged) applyEvent(this.committed, e);
        this.seq = logged[logged.length - 1]!.seq;
      }
      for (const w of waiters) w.resolve(this.seq);
      this.gate.push(logged, sendPresence);
      this.afterCommit(logged);
    } catch (err) {
      this.options.log.error({ err, sessionId: this.id }, "commit failed; rolling the room back to the database");
      // Nothing of this batch reached the database: refuse it, and everything decided on top of it.
      for (const w of [...waiters, ...this.waiters]) w.reject(new CommitError("the change could not be saved"));
      this.waiters = [];
      this.pending.take();
      this.working = structuredClone(this.committed);
    } finally {
      this.flushing = null;
      release();
      if (this.pending.size > 0 || this.presenceDirty) this.schedule();
    }
  }

  private afterCommit(logged: LoggedEvent[]): void {
    for (const e of logged) {
      if (e.type === "student.removed") this.kick(e.payload.studentId);
      if (e.type === "session.ended") void this.options.storage.endSession(this.id);
    }
    this.sinceSnapshot += logged.length;
    if (this.sinceSnapshot >= this.options.snapshotEvery) {
      this.sinceSnapshot = 0;
      const snap = { seq: this.seq, state: structuredClone(this.committed) };
      this.options.storage
        .saveSnapshot(this.id, snap)
        .catch((err) => this.options.log.warn({ err, sessionId: this.id }, "snapshot failed"));
    }
  }

  private kick(studentId: string): void {
    for (const c of this.clients.values()) {
      if (c.viewer.participantId === studentId) {
        c.send("session:removed", { message: "The teacher has taken you out of this class." });
        c.close();
      }
    }
  }
}

/**
 * Rebuilds a room's state from the database: the latest snapshot, then the events after
 * it, read in pages so a long session never sits whole in memory.
 * @example
 * const loaded = await loadSessionState(storage, id); // null when there is no such session
 */
export async function loadSessionState(
  storage: Storage,
  sessionId: string,
  pageSize = 1000,
): Promise<{ state: SessionState; seq: number } | null> {
  const snap = await storage.latestSnapshot(sessionId);
  let state = snap ? (snap.state as SessionState) : null;
  let seq = snap?.seq ?? 0;
  for (;;) {
    const page = await storage.read(sessionId, seq + 1, undefined, pageSize);
    for (const e of page) {
      const event = { type: e.type, payload: e.payload } as SessionEvent;
      if (state === null) {
        if (event.type !== "session.created") throw new Error(`session ${sessionId}: log starts with ${event.type}`);
        state = createState(event);
      } else {
        applyEvent(state, event);
      }
      seq = e.seq;
    }
    if (page.length < pageSize) break;
  }
  return state ? { state, seq } : null;
}
