/**
 * The live sessions of this process: creates them, loads them from the database on first
 * use (so a restarted server picks every live session back up the moment anyone asks for
 * it), joins students, and drops a room from memory some minutes after its last client
 * left (it loads again from the log on demand).
 */
import crypto from "node:crypto";
import { CodeTakenError, SeqConflictError, type Storage } from "../../db/storage";
import { DEFAULT_PRESET_ID, getPreset } from "../../lib/lesson/presets";
import { ProtocolError } from "../../lib/protocol";
import { decideHandbackRequest, decideJoin } from "../../lib/session/decide";
import type { SessionEvent } from "../../lib/session/events";
import { generateJoinCode } from "../../lib/session/join-code";
import { suggestNickname } from "../../lib/session/names";
import { createState } from "../../lib/session/reducer";
import type { SessionState } from "../../lib/session/state";
import type { Logger } from "../logger";
import { hashToken, newToken } from "../tokens";
import type { Deliver } from "./fanout";
import { loadSessionState } from "./load-state";
import { CommitHealth } from "./commit-health";
import { CommitQueue, type Appender } from "./commit-queue";
import { withDeadline } from "./deadline";
import { gradingHooks, type CodeGrading } from "./code-grading";
import { COMMIT_DEADLINE_MS, CommitError, DatabaseUnavailableError, READ_DEADLINE_MS, Room } from "./room";
import { LEASE_TTL_MS, OwnedElsewhereError, type SessionLeases } from "./session-lease";
import { RemoteRoom, type RemoteRooms } from "./remote-room";

export interface RoomManagerOptions {
  storage: Storage;
  log: Logger;
  deliverTo: (sessionId: string) => Deliver;
  tickMs?: number;
  snapshotEvery?: number;
  /** How long a room with no clients stays in memory. */
  evictAfterMs?: number;
  now?: () => number;
  /** The sandbox for code questions; without it they are refused. */
  grading?: CodeGrading;
  /** The process's commit queue (server/rooms/commit-queue.ts); one on `storage` when absent. */
  commits?: Appender;
  /** With several processes (REDIS_URL): a room is held only under its session's lease (session-lease.ts). */
  leases?: SessionLeases;
  /** With several processes: sessions owned by another process, reached by forwarding (remote-room.ts). */
  remote?: RemoteRooms;
}

export { OwnedElsewhereError } from "./session-lease";

const randomInt = (n: number) => crypto.randomInt(n);

/** A uniform number in [0, 1) from 53 random bits (crypto.randomInt only takes ranges below 2^48). */
export function secureRandom(): number {
  const [hi, lo] = crypto.getRandomValues(new Uint32Array(2));
  return ((hi! >>> 5) * 67108864 + (lo! >>> 6)) / 9007199254740992;
}

/** Without a grader, code questions are refused at launch and nothing runs a stored program. */
const NO_GRADING = gradingHooks({
  unavailable: () => "This server was started without a grader for code questions.",
  hasRoom: () => false,
  warm: () => {},
  run: async () => ({ kind: "unavailable", reason: "This server was started without a grader for code questions." }),
});

export class RoomManager {
  private rooms = new Map<string, Promise<Room | null>>();
  private evictions = new Map<string, NodeJS.Timeout>();
  /** Sessions whose last commit failed; `/api/health` reads it. */
  readonly health = new CommitHealth();

  constructor(private readonly options: RoomManagerOptions) {}

  /** Every room's appends go through it, one transaction for all that are due (a CommitQueue on the storage by default). */
  get commits(): Appender {
    return (this.options.commits ??= new CommitQueue(this.options.storage));
  }

  /** The sandbox for code questions, if this server has one (the teacher's "check my tests" uses it too). */
  get grading(): CodeGrading | null {
    return this.options.grading ?? null;
  }

  private newRoom(id: string, state: SessionState, seq: number): Room {
    const room: Room = new Room(id, state, seq, {
      storage: this.options.storage,
      commits: this.options.leases ? this.fenced(id) : this.commits,
      log: this.options.log,
      deliver: this.options.deliverTo(id),
      tickMs: this.options.tickMs ?? 25,
      snapshotEvery: this.options.snapshotEvery ?? 1000,
      now: this.options.now,
      random: secureRandom,
      ...(this.options.grading ? gradingHooks(this.options.grading) : NO_GRADING),
      onIdle: () => this.scheduleEviction(id, room),
      health: this.health,
    });
    return room;
  }

  /**
   * The commit path as a leased room sees it: an append refused because the log moved on
   * means another process wrote this session, so this one steps down.
   */
  private fenced(sessionId: string): Appender {
    return {
      append: (id, fromSeq, events) =>
        this.commits.append(id, fromSeq, events).catch((err: unknown) => {
          if (err instanceof SeqConflictError) queueMicrotask(() => void this.stepDown(sessionId, "another process appended to its log"));
          throw err;
        }),
    };
  }

  /**
   * Drops a session this process no longer owns: its clients are closed (they reconnect and
   * reach the owner) and its lease is given up.
   */
  async stepDown(sessionId: string, why: string): Promise<void> {
    const pending = this.rooms.get(sessionId);
    if (!pending) return;
    this.rooms.delete(sessionId);
    this.cancelEviction(sessionId);
    this.health.ok(sessionId);
    this.options.log.warn({ sessionId, why }, "stepping down from a session");
    const room = await pending.catch(() => null);
    room?.dispose();
    room?.closeClients();
    await this.options.leases?.release(sessionId);
  }

  /** Takes the session's lease before its room is loaded (with REDIS_URL); refuses when another process holds it. */
  private async lease(sessionId: string): Promise<void> {
    await this.options.leases?.take(sessionId, this.options.log);
  }

  private scheduleEviction(id: string, room: Room): void {
    if (this.evictions.has(id)) return;
    const handle = setTimeout(() => {
      this.evictions.delete(id);
      if (!room.idle) return;
      room.dispose();
      this.rooms.delete(id);
      this.health.ok(id);
      void this.options.leases?.release(id);
    }, this.options.evictAfterMs ?? 10 * 60_000);
    handle.unref();
    this.evictions.set(id, handle);
  }

  private cancelEviction(id: string): void {
    const handle = this.evictions.get(id);
    if (handle) clearTimeout(handle);
    this.evictions.delete(id);
  }

  /** Sessions whose room is in memory now. */
  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Hosts a new session with the default network; returns the teacher's token. */
  async create(): Promise<{ sessionId: string; code: string; teacherToken: string }> {
    const sessionId = crypto.randomUUID();
    await this.lease(sessionId);
    try {
      return await this.createLeased(sessionId);
    } catch (err) {
      await this.options.leases?.release(sessionId);
      throw err;
    }
  }

  private async createLeased(sessionId: string): Promise<{ sessionId: string; code: string; teacherToken: string }> {
    const { storage } = this.options;
    let code = "";
    for (let attempt = 0; ; attempt++) {
      code = generateJoinCode(randomInt);
      try {
        await storage.createSession({ id: sessionId, code });
        break;
      } catch (err) {
        if (!(err instanceof CodeTakenError) || attempt >= 20) throw err;
      }
    }
    const teacherToken = newToken();
    await storage.addParticipant({ id: crypto.randomUUID(), sessionId, role: "teacher", tokenHash: hashToken(teacherToken) });
    const preset = getPreset(DEFAULT_PRESET_ID);
    const created: Extract<SessionEvent, { type: "session.created" }> = {
      type: "session.created",
      payload: {
        id: sessionId,
        code,
        network: preset.network,
        inputs: preset.inputs,
        inputLabels: preset.inputLabels,
        outputLabels: preset.outputLabels,
        presetId: preset.id,
      },
    };
    await storage.append(sessionId, 1, [{ type: created.type, payload: created.payload, actor: null }]);
    this.rooms.set(sessionId, Promise.resolve(this.newRoom(sessionId, createState(created), 1)));
    this.options.log.info({ sessionId, code }, "session created");
    return { sessionId, code, teacherToken };
  }

  /** The session's room, loaded from the database if this process does not hold it now. */
  get(sessionId: string): Promise<Room | null> {
    this.cancelEviction(sessionId);
    let room = this.rooms.get(sessionId);
    if (!room) {
      const loading = this.lease(sessionId).then(() => withDeadline(loadSessionState(this.options.storage, sessionId), READ_DEADLINE_MS, "load"));
      room = loading.then((loaded) => {
        if (loaded) this.health.ok(sessionId);
        else void this.options.leases?.release(sessionId);
        return loaded ? this.newRoom(sessionId, loaded.state, loaded.seq) : null;
      });
      const attempt = room;
      room.catch((err) => {
        if (!(err instanceof ProtocolError)) this.options.log.error({ err, sessionId }, "could not load the session");
        if (this.rooms.get(sessionId) === attempt) this.rooms.delete(sessionId);
        if (!(err instanceof OwnedElsewhereError)) void this.options.leases?.release(sessionId);
      });
      this.rooms.set(sessionId, room);
    }
    return room.then((r) => {
      // A room that cannot re-read the database yet is rebuilt from it, if the database answers now.
      if (r?.broken && this.rooms.get(sessionId) === room) {
        r.dispose();
        r.closeClients();
        this.rooms.delete(sessionId);
        return this.get(sessionId).catch(() => {
          throw new DatabaseUnavailableError();
        });
      }
      // A look-up with no client (an HTTP request) restarts the idle countdown.
      if (r?.idle) this.scheduleEviction(sessionId, r);
      return r;
    });
  }

  /**
   * The session's room here, or the owner's through forwarding when another process holds
   * its lease (REDIS_URL); null when there is no such session.
   */
  async open(sessionId: string): Promise<Room | RemoteRoom | null> {
    try {
      return await this.get(sessionId);
    } catch (err) {
      const { leases, remote } = this.options;
      if (!(err instanceof OwnedElsewhereError) || !leases || !remote) throw err;
      const owner = await leases.holder(sessionId).catch(() => null);
      // The lease ran out in between: take the session here.
      if (!owner) return this.get(sessionId);
      return remote.room(sessionId, owner);
    }
  }

  /**
   * Waits for the lease of a session whose owner does not answer to run out (LEASE_TTL_MS at
   * most), then loads the session here from the log.
   * @throws OwnedElsewhereError when another live process took it first
   */
  async takeOver(sessionId: string): Promise<Room | null> {
    const deadline = Date.now() + LEASE_TTL_MS + 1_000;
    for (;;) {
      try {
        return await this.get(sessionId);
      } catch (err) {
        if (!(err instanceof OwnedElsewhereError) || Date.now() >= deadline) throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** The live session behind a join code. */
  async findLive(code: string): Promise<Room | RemoteRoom> {
    const session = await this.answered(this.options.storage.findLiveSessionByCode(code));
    const room = session ? await this.open(session.id) : null;
    if (!room) throw new ProtocolError("NOT_FOUND", `No class is running with the code ${code}. Check the code on the projector.`);
    if (room instanceof Room && room.working.status === "ended") throw new ProtocolError("SESSION_ENDED", "This class has ended.");
    return room;
  }

  /** What a phone shows before joining: the class behind a code and a nickname nobody has. */
  async describe(code: string): Promise<{ sessionId: string; code: string; suggestedNickname: string; roomLocked: boolean }> {
    const room = await this.findLive(code);
    if (room instanceof RemoteRoom) return (await room.forward("describe", {})) as Awaited<ReturnType<RoomManager["describe"]>>;
    return { sessionId: room.id, code: room.working.code, suggestedNickname: this.suggestName(room), roomLocked: room.working.roomLocked };
  }

  /** A nickname suggestion that nobody in the session has. */
  suggestName(room: Room): string {
    return suggestNickname(
      Object.values(room.working.students).map((s) => s.nickname),
      randomInt,
    );
  }

  /** Joins a student; resolves once the join is in the database. */
  async join(code: string, nickname: string): Promise<{ sessionId: string; studentId: string; token: string }> {
    const room = await this.findLive(code);
    if (room instanceof RemoteRoom) return (await room.forward("join", { code, nickname })) as Awaited<ReturnType<RoomManager["join"]>>;
    const studentId = crypto.randomUUID();
    const decision = decideJoin(room.working, studentId, nickname);
    if ("refusal" in decision) throw decision.refusal;
    return this.admit(room, studentId, decision.events);
  }

  /**
   * A new phone asks for the place of the student with this nickname. It gets a pass of its
   * own at once, which opens that place only once the teacher agrees.
   */
  async requestHandback(code: string, nickname: string): Promise<{ sessionId: string; studentId: string; token: string }> {
    const room = await this.findLive(code);
    if (room instanceof RemoteRoom) return (await room.forward("handback", { code, nickname })) as Awaited<ReturnType<RoomManager["join"]>>;
    const requestId = crypto.randomUUID();
    const decision = decideHandbackRequest(room.working, requestId, nickname, room.now());
    if ("refusal" in decision) throw decision.refusal;
    return this.admit(room, requestId, decision.events);
  }

  private async admit(room: Room, participantId: string, events: SessionEvent[]) {
    const token = newToken();
    const committed = room.submit(events, participantId);
    await Promise.all([
      // A participant row that may still land later is "could not confirm", not "nothing was changed".
      withDeadline(
        this.options.storage.addParticipant({ id: participantId, sessionId: room.id, role: "student", tokenHash: hashToken(token) }),
        COMMIT_DEADLINE_MS,
        "add participant",
      ).catch(() => {
        throw new CommitError(true);
      }),
      committed,
    ]);
    return { sessionId: room.id, studentId: participantId, token };
  }

  /** A read that fails fast with "try again" when the database does not answer in time (joins during an outage). */
  private answered<T>(work: Promise<T>): Promise<T> {
    return withDeadline(work, READ_DEADLINE_MS, "query").catch((err: unknown) => {
      this.options.log.warn({ err }, "the database did not answer");
      throw new DatabaseUnavailableError();
    });
  }

  /** Drops deleted sessions from memory and closes their clients. */
  async forget(sessionIds: readonly string[]): Promise<void> {
    for (const id of sessionIds) {
      // A session owned by another process is dropped there (its clients told there too).
      if (!this.rooms.has(id)) await this.forgetElsewhere(id);
      const room = await this.rooms.get(id)?.catch(() => null);
      this.rooms.delete(id);
      this.cancelEviction(id);
      this.health.ok(id);
      room?.dispose();
      room?.closeClients();
      await this.options.leases?.release(id);
    }
  }

  private async forgetElsewhere(sessionId: string): Promise<void> {
    const { leases, remote } = this.options;
    const owner = leases && remote ? await leases.holder(sessionId).catch(() => null) : null;
    if (!owner || owner === leases!.owner) return;
    await remote!.room(sessionId, owner).forward("forget", {}).catch((err: unknown) => {
      this.options.log.warn({ err, sessionId }, "could not tell the session's owner it was deleted; it drops the room when it next fails to write");
    });
  }

  /** Commits everything pending in every loaded room (shutdown). */
  async flushAll(): Promise<void> {
    const rooms = await Promise.all([...this.rooms.values()].map((r) => r.catch(() => null)));
    await Promise.all(
      rooms.map(async (r) => {
        await r?.flushNow().catch(() => {});
        r?.dispose();
      }),
    );
    for (const handle of this.evictions.values()) clearTimeout(handle);
    this.evictions.clear();
    await this.options.leases?.close();
  }
}
