/**
 * The live sessions of this process: creates them, loads them from the database on first
 * use (so a restarted server picks every live session back up the moment anyone asks for
 * it), and joins students.
 */
import crypto from "node:crypto";
import { CodeTakenError, type Storage } from "../../db/storage";
import { DEFAULT_PRESET_ID, getPreset } from "../../lib/lesson/presets";
import { ProtocolError } from "../../lib/protocol";
import { decideJoin } from "../../lib/session/decide";
import type { SessionEvent } from "../../lib/session/events";
import { generateJoinCode } from "../../lib/session/join-code";
import { suggestNickname } from "../../lib/session/names";
import { createState } from "../../lib/session/reducer";
import type { Logger } from "../logger";
import { hashToken, newToken } from "../tokens";
import { loadSessionState, Room } from "./room";

export interface RoomManagerOptions {
  storage: Storage;
  log: Logger;
  broadcastTo: (sessionId: string) => (event: "session:update", payload: unknown) => void;
  tickMs?: number;
  snapshotEvery?: number;
}

const randomInt = (n: number) => crypto.randomInt(n);

export class RoomManager {
  private rooms = new Map<string, Promise<Room | null>>();

  constructor(private readonly options: RoomManagerOptions) {}

  private newRoom(id: string, state: ReturnType<typeof createState>, seq: number): Room {
    return new Room(id, state, seq, {
      storage: this.options.storage,
      log: this.options.log,
      broadcast: this.options.broadcastTo(id),
      tickMs: this.options.tickMs ?? 25,
      snapshotEvery: this.options.snapshotEvery ?? 1000,
    });
  }

  /** Hosts a new session with the default network; returns the teacher's token. */
  async create(): Promise<{ sessionId: string; code: string; teacherToken: string }> {
    const { storage } = this.options;
    const sessionId = crypto.randomUUID();
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

  /** The session's room, loaded from the database if this process has not seen it yet. */
  get(sessionId: string): Promise<Room | null> {
    let room = this.rooms.get(sessionId);
    if (!room) {
      room = loadSessionState(this.options.storage, sessionId).then((loaded) =>
        loaded ? this.newRoom(sessionId, loaded.state, loaded.seq) : null,
      );
      room.catch(() => this.rooms.delete(sessionId));
      this.rooms.set(sessionId, room);
    }
    return room;
  }

  /** The live session behind a join code. */
  async findLive(code: string): Promise<Room> {
    const session = await this.options.storage.findLiveSessionByCode(code);
    const room = session ? await this.get(session.id) : null;
    if (!room) throw new ProtocolError("NOT_FOUND", `No class is running with the code ${code}. Check the code on the projector.`);
    if (room.working.status === "ended") throw new ProtocolError("SESSION_ENDED", "This class has ended.");
    return room;
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
    const studentId = crypto.randomUUID();
    const decision = decideJoin(room.working, studentId, nickname);
    if ("refusal" in decision) throw new ProtocolError(decision.refusal.code, decision.refusal.message);
    const token = newToken();
    const committed = room.submit(decision.events, studentId);
    await Promise.all([
      this.options.storage.addParticipant({ id: studentId, sessionId: room.id, role: "student", tokenHash: hashToken(token) }),
      committed,
    ]);
    return { sessionId: room.id, studentId, token };
  }

  /** Drops deleted sessions from memory and closes their clients. */
  async forget(sessionIds: readonly string[]): Promise<void> {
    for (const id of sessionIds) {
      const room = await this.rooms.get(id)?.catch(() => null);
      this.rooms.delete(id);
      room?.closeClients();
    }
  }

  /** Commits everything pending in every loaded room (shutdown). */
  async flushAll(): Promise<void> {
    const rooms = await Promise.all([...this.rooms.values()].map((r) => r.catch(() => null)));
    await Promise.all(rooms.map((r) => r?.flushNow().catch(() => {})));
  }
}
