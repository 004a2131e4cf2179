/**
 * A live session on this server. It knows nothing of Socket.IO: clients are anything with `send`
 * and `close`; messages go out through `deliver` to channels (a viewer kind, or one participant).
 *
 * Commands are decided on the `working` state with the room's clock and random source, and
 * folded into it at once, so the next command sees them; the events wait for the tick, go to
 * the process's commit queue (commit-queue.ts: one transaction for every room due), and only
 * then are folded into `committed`, acknowledged, and fanned out a turn later (next-turn.ts):
 * every screen and every acknowledgement follows the database. Timers (an animation) and jobs
 * (grading a program, room-jobs.ts) come from the state; the room runs them and folds the results.
 *
 * The database may fail, stall or vanish. A commit has a deadline; a failed one is settled by
 * re-reading the log (`recover`), never guessed. A room that cannot re-read is `broken`: it
 * refuses commands at once ("try again") and re-reads twice a second until it can.
 */
import type { Storage } from "../../db/storage";
import type { Viewer } from "../../lib/protocol";
import { decide, dueJobs, dueTimers, type Actor, type SessionCommand } from "../../lib/session/decide";
import type { LoggedEvent, SessionEvent } from "../../lib/session/events";
import { foldCommitted, WorkingFold } from "./fold-working";
import type { SessionState } from "../../lib/session/state";
import { projectState, VIEWER_KINDS, type MyQuiz, type ViewerKind } from "../../lib/session/views";
import type { Logger } from "../logger";
import { BroadcastGate } from "./broadcast-gate";
import { fanOut, type Committed, type Deliver, type RoomMessage } from "./fanout";
import type { Executors, JobRunner } from "./jobs";
import { roomJobs } from "./room-jobs";
import { loadSessionState } from "./load-state";
import { SnapshotCadence } from "./snapshot-cadence";
import { PendingBatch } from "./pending-batch";
import { RoomTimers } from "./room-timers";
import { afterCommit } from "./after-commit";
import { QuizDelivery } from "./quiz-delivery";
import { COMMIT_DEADLINE_MS, CommitError, DatabaseUnavailableError, HEAL_EVERY_MS, READ_DEADLINE_MS, sameEvent, type Row } from "./commit-outcome";
import type { CommitHealth } from "./commit-health";
import { DeadlineError, withDeadline } from "./deadline";
import type { Appender } from "./commit-queue";
import { reread } from "./reread";
import { NextTurn } from "./next-turn";

export interface RoomClient {
  readonly id: string;
  readonly viewer: Viewer;
  send(message: RoomMessage): void;
  close(): void;
}

export interface RoomOptions {
  storage: Storage;
  /** What the tick's events are appended through: the process's CommitQueue (the storage itself when absent). */
  commits?: Appender;
  log: Logger;
  deliver: Deliver;
  tickMs: number;
  snapshotEvery: number;
  /** The room's clock (ms since the epoch); the rules never read one themselves. */
  now?: () => number;
  /** Uniform random numbers in [0, 1) for the rules (randomise weights). */
  random?: () => number;
  /** What runs the room's jobs (the sandbox for programs). */
  executors?: Executors;
  /** Checks a command against what the server can take right now (the grader's queue); throws a ProtocolError to refuse it. */
  admit?: (command: SessionCommand) => void;
  /** Called when the last client leaves and nothing is pending (the manager may evict the room). */
  onIdle?: () => void;
  /** Told when a commit fails and when the room is back in step with the database. */
  health?: CommitHealth;
  /** An append that takes longer is treated as failed, its outcome unknown until re-read. */
  commitDeadlineMs?: number;
  /** How long re-reading the log may take before the room gives up and is marked broken. */
  readDeadlineMs?: number;
  /** How often a broken room tries to re-read the database. */
  healEveryMs?: number;
}

interface Waiter {
  resolve(seq: number): void;
  reject(err: Error): void;
}

export const kindOf = (viewer: Viewer): ViewerKind => (viewer.role === "viewer" ? "viewer" : viewer.role);

export class Room {
  working: SessionState;
  committed: SessionState;
  seq: number;
  /** Set while the room cannot re-read the database after a failed commit: it refuses commands and retries. */
  broken = false;
  private disposed = false;
  private pending = new PendingBatch();
  private waiters: Waiter[] = [];
  private clients = new Map<string, RoomClient>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private presenceDirty = false;
  private lastFlushStart = -Infinity;
  private healTimer: NodeJS.Timeout | null = null;
  private gate: BroadcastGate<Committed>;
  private timers: RoomTimers;
  readonly jobs: JobRunner;
  readonly now: () => number;
  private readonly random: () => number;
  private readonly quiz: QuizDelivery;
  private readonly snapshots: SnapshotCadence;
  private readonly workingFold = new WorkingFold();
  private readonly fanOuts = new NextTurn(); // a commit's fan-out, after every acknowledgement of its transaction

  constructor(
    readonly id: string,
    state: SessionState,
    seq: number,
    private readonly options: RoomOptions,
  ) {
    this.committed = state;
    this.working = state;
    this.seq = seq;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.quiz = new QuizDelivery(this.now);
    this.snapshots = new SnapshotCadence(this.id, options.snapshotEvery, options.storage, options.log);
    this.gate = new BroadcastGate<Committed>((items, presence) => {
      fanOut(items, { changed: presence, ids: () => this.online() }, { seq: this.seq, state: this.committed, now: this.now() }, options.deliver);
      this.sendMine(items.map((i) => i.event));
    }, options.tickMs / 2);
    this.timers = new RoomTimers(this.now, (key) => this.fireTimer(key));
    this.jobs = roomJobs(this, options.executors ?? {}, options.log);
    this.timers.sync(dueTimers(state));
    this.jobs.sync(dueJobs(state));
  }

  /**
   * Decides a command on the working state, at the room's time, and submits its events.
   * Resolves with the seq of the last event once it is in the database.
   * @throws ProtocolError when the rules refuse it (nothing is queued then)
   */
  run(actor: Actor, command: SessionCommand, client: { oneWayMs?: number } = {}): Promise<number> {
    if (this.broken) throw new DatabaseUnavailableError();
    this.options.admit?.(command);
    const timing = this.quiz.timing(actor, command, client.oneWayMs ?? 0);
    const decision = decide(this.working, actor, command, { now: this.now(), random: this.random, ...(timing ? { timing } : {}) });
    if ("refusal" in decision) throw decision.refusal;
    return this.submit(decision.events, actor.id);
  }

  /**
   * Folds events into the working state now and resolves with the seq of the last one once
   * they are in the database.
   */
  submit(events: SessionEvent[], actor: string | null): Promise<number> {
    if (this.broken) return Promise.reject(new DatabaseUnavailableError());
    for (const event of events) {
      this.working = this.workingFold.apply(this.working, event);
      this.pending.add({ event, actor });
    }
    const done = new Promise<number>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.schedule();
    this.timers.sync(dueTimers(this.working));
    return done;
  }

  connect(client: RoomClient): void {
    this.clients.set(client.id, client);
    const state = projectState(this.committed, kindOf(client.viewer));
    const { viewer } = client;
    const mine = viewer.role === "student" ? { mine: this.quiz.connected(this.committed, viewer.participantId) } : {};
    client.send({ event: "session:snapshot", payload: { seq: this.seq, state, you: viewer, online: this.online(), now: this.now(), ...mine } });
    this.presenceDirty = true;
    this.schedule();
  }

  disconnect(clientId: string): void {
    if (!this.clients.delete(clientId)) return;
    this.presenceDirty = true;
    this.schedule();
  }

  /** Sends a message to one participant's clients, and closes them when asked. */
  tell(participantId: string, message: RoomMessage, close = false): void {
    this.options.deliver({ participant: participantId }, message);
    if (!close) return;
    for (const c of this.clients.values()) if (c.viewer.participantId === participantId) c.close();
  }

  /** Closes every client (the session was deleted, or the room is being dropped). */
  closeClients(): void {
    for (const c of this.clients.values()) c.close();
    this.clients.clear();
  }

  /** Stops the room's timers (before it is dropped from memory); a re-read still running arms nothing after. */
  dispose(): void {
    this.disposed = true;
    this.timers.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.healTimer) clearTimeout(this.healTimer);
    this.healTimer = null;
    this.jobs.dispose();
  }

  /** The committed state as this viewer may see it, for a client that lost track. */
  snapshot(viewer: Viewer): { seq: number; state: SessionState; mine?: MyQuiz } {
    const mine = viewer.role === "student" ? { mine: this.quiz.connected(this.committed, viewer.participantId) } : {};
    return { seq: this.seq, state: projectState(this.committed, kindOf(viewer)), ...mine };
  }

  get clientCount(): number {
    return this.clients.size;
  }

  get idle(): boolean {
    return this.clients.size === 0 && this.pending.size === 0 && !this.flushing && this.jobs.inFlight === 0;
  }

  /** Each online student whose own part of the quiz changed gets it (`all`: check every one). */
  private sendMine(events: readonly LoggedEvent[], all = false): void {
    if (!all && !QuizDelivery.concerns(events)) return;
    const students = new Set<string>();
    for (const c of this.clients.values()) if (c.viewer.role === "student") students.add(c.viewer.participantId);
    for (const [id, mine] of this.quiz.broadcast(events, this.committed, [...students], all)) {
      this.options.deliver({ participant: id }, { event: "quiz:mine", payload: mine });
    }
  }

  /** Students and the teacher with at least one connected client. */
  online(): string[] {
    const ids = new Set<string>();
    for (const c of this.clients.values()) if (c.viewer.participantId) ids.add(c.viewer.participantId);
    return [...ids];
  }

  /** Commits and fans out what is pending now (used at shutdown and by tests). */
  async flushNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing) await this.flushing;
    await this.flush();
    this.fanOuts.now();
    this.gate.flush();
  }

  private fireTimer(key: string): void {
    const timer = dueTimers(this.working).find((t) => t.key === key);
    if (!timer || this.working.status !== "live") return;
    const events = timer.fire(this.working, this.now());
    if (events.length === 0) return;
    this.submit(events, null).catch((err) => this.options.log.warn({ err, sessionId: this.id, key }, "timer's events not stored"));
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
    if (this.pending.size === 0 && !this.presenceDirty) {
      if (this.idle) this.options.onIdle?.();
      return;
    }
    this.lastFlushStart = performance.now();
    const batch = this.pending.take();
    const waiters = this.waiters;
    this.waiters = [];
    const sendPresence = this.presenceDirty;
    this.presenceDirty = false;
    let release!: () => void;
    this.flushing = new Promise((r) => (release = r));
    const fromSeq = this.seq + 1;
    const rows = batch.map((b) => ({ type: b.event.type, payload: b.event.payload, actor: b.actor }));
    try {
      const committed: Committed[] = [];
      if (batch.length > 0) {
        const append = (this.options.commits ?? this.options.storage).append(this.id, fromSeq, rows);
        const stored = await withDeadline(append, this.options.commitDeadlineMs ?? COMMIT_DEADLINE_MS, "commit");
        this.options.health?.ok(this.id);
        const events = stored.map((s) => ({ type: s.type, payload: s.payload, seq: s.seq, actor: s.actor, at: s.at.getTime() }) as LoggedEvent);
        committed.push(...foldCommitted(this.committed, events));
        this.committed = committed[committed.length - 1]!.after;
        this.seq = stored[stored.length - 1]!.seq;
      }
      for (const w of waiters) w.resolve(this.seq);
      if (committed.length > 0) this.jobs.sync(dueJobs(this.committed));
      this.fanOuts.later(() => {
        this.gate.push(committed, sendPresence);
        this.afterCommit(committed.map((c) => c.event));
      });
    } catch (err) {
      await this.recover(err, fromSeq, rows, waiters);
    } finally {
      this.flushing = null;
      release();
      if (this.pending.size > 0 || this.presenceDirty) this.schedule();
      else if (this.idle) this.options.onIdle?.();
    }
  }

  /**
   * A failed append may still have landed (the reply was lost). Re-read the log and rebuild
   * from it before deciding anything else: acknowledge what is stored, refuse as "nothing
   * was changed" only what is known not to be, and say "could not confirm" otherwise.
   */
  private async recover(err: unknown, fromSeq: number, rows: Row[], waiters: Waiter[]): Promise<void> {
    const timedOut = err instanceof DeadlineError;
    this.options.log.error({ err, sessionId: this.id, timedOut }, "commit failed; re-reading the session from the database");
    this.options.health?.failed(this.id);
    // Commands queued while the commit was in flight never reached the database.
    for (const w of this.waiters) w.reject(new CommitError(false));
    this.waiters = [];
    this.pending.take();
    const lastSeq = fromSeq + rows.length - 1;
    try {
      const { loaded, mine, head } = await withDeadline(reread(this.options.storage, this.id, fromSeq, lastSeq), this.readDeadlineMs, "re-read");
      this.resetTo(loaded);
      const landed = mine.length === rows.length && mine.every((m, i) => sameEvent(m, rows[i]!));
      // Our seqs taken by other events, or an error (not a timeout) before they landed: not stored, for certain.
      const known = landed || head >= fromSeq || !timedOut;
      for (const w of waiters) {
        if (landed) w.resolve(lastSeq);
        else w.reject(new CommitError(!known));
      }
    } catch (readErr) {
      this.options.log.error({ err: readErr, sessionId: this.id }, "could not re-read the session; refusing commands until it can");
      this.markBroken();
      for (const w of waiters) w.reject(new CommitError(true));
    }
  }

  private get readDeadlineMs(): number { return this.options.readDeadlineMs ?? READ_DEADLINE_MS; }

  /** Takes the state as stored, and every screen gets it, whatever it had been shown before. */
  private resetTo(loaded: { state: SessionState; seq: number }): void {
    if (this.disposed) return;
    this.fanOuts.now();
    this.committed = loaded.state;
    this.working = loaded.state;
    this.seq = loaded.seq;
    this.options.health?.ok(this.id);
    this.timers.sync(dueTimers(this.working));
    this.jobs.sync(dueJobs(this.committed));
    for (const kind of VIEWER_KINDS) {
      const payload = { seq: this.seq, state: projectState(this.committed, kind), online: this.online(), now: this.now() };
      this.options.deliver({ kind }, { event: "session:snapshot", payload });
    }
    this.sendMine([], true);
  }

  /** Refuses commands until a re-read succeeds; the working state drops what was never confirmed. */
  private markBroken(): void {
    if (this.disposed) return;
    this.broken = true;
    this.working = this.committed;
    this.timers.sync(dueTimers(this.working));
    this.scheduleHeal();
  }

  private scheduleHeal(): void {
    if (this.healTimer || this.disposed) return;
    this.healTimer = setTimeout(() => {
      this.healTimer = null;
      void this.heal();
    }, this.options.healEveryMs ?? HEAL_EVERY_MS);
  }

  private async heal(): Promise<void> {
    if (!this.broken) return;
    try {
      const loaded = await withDeadline(loadSessionState(this.options.storage, this.id), this.readDeadlineMs, "re-read");
      if (!loaded) throw new Error(`session ${this.id} is gone`);
      this.broken = false;
      this.resetTo(loaded);
      this.options.log.info({ sessionId: this.id, seq: this.seq }, "re-read the session; taking commands again");
    } catch (err) {
      this.options.log.warn({ err, sessionId: this.id }, "still cannot re-read the session");
      this.scheduleHeal();
    }
  }

  private afterCommit(logged: LoggedEvent[]): void {
    if (logged.length === 0) return;
    afterCommit(this, logged, this.options.storage, this.options.log);
    this.snapshots.committed(logged.length, { seq: this.seq, state: this.committed });
  }
}

export { loadSessionState } from "./load-state";
export { COMMIT_DEADLINE_MS, CommitError, DatabaseUnavailableError, HEAL_EVERY_MS, READ_DEADLINE_MS } from "./commit-outcome";
