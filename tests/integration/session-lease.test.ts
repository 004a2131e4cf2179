/**
 * One owner per session across processes (server/rooms/session-lease.ts): two room managers,
 * each with its own Redis connection, its own lease holder and its own PostgreSQL pool, as two
 * server processes would have, against the machine's Redis and PostgreSQL. Two racing for one
 * session: one loads it, the other is told to try again. An owner that stops renewing loses
 * the session to the other after the lease's time. An owner whose lease was taken without it
 * noticing has its next append refused by the log's `(session_id, seq)` key and steps down;
 * the log holds only the new owner's events. Skipped when REDIS_URL or DATABASE_URL is unset.
 */
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client";
import { SqlStorage } from "../../db/sql-storage";
import { ProtocolError } from "../../lib/protocol/errors";
import { connectRedis, type RedisConnection } from "../../server/redis";
import { CommitError } from "../../server/rooms/commit-outcome";
import { OwnedElsewhereError, RoomManager } from "../../server/rooms/room-manager";
import { SessionLeases } from "../../server/rooms/session-lease";
import { createPostgresDatabase, NO_POSTGRES_REASON, POSTGRES_URL } from "../helpers/databases";
import { deleteRedisKeys, NO_REDIS_REASON, REDIS_URL, uniqueRedisPrefix } from "../helpers/redis";
import { waitFor } from "../helpers/wait";

const TTL_MS = 1_500;
const skip = !REDIS_URL || !POSTGRES_URL;
const reason = !REDIS_URL ? NO_REDIS_REASON : NO_POSTGRES_REASON;

interface Process {
  rooms: RoomManager;
  leases: SessionLeases;
  redis: RedisConnection;
  database: Database;
}

describe.skipIf(skip)(`sessions owned by one process at a time${skip ? ` (${reason})` : ""}`, () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** Two "processes" on one fresh database and one Redis key prefix. */
  async function twoProcesses(): Promise<[Process, Process]> {
    const pg = await createPostgresDatabase(POSTGRES_URL!);
    const prefix = uniqueRedisPrefix();
    cleanups.push(() => pg.drop(), () => deleteRedisKeys(REDIS_URL!, prefix));
    const start = async (): Promise<Process> => {
      const log = pino({ level: "silent" });
      const database = await openDatabase({ databaseUrl: pg.url, dataDir: "" });
      const redis = connectRedis(REDIS_URL!, prefix, log);
      let rooms: RoomManager | undefined;
      const leases = new SessionLeases({
        redis: redis.client,
        keyPrefix: prefix,
        ttlMs: TTL_MS,
        renewEveryMs: 300,
        onLost: (id) => void rooms?.stepDown(id, "lease lost"),
      });
      rooms = new RoomManager({ storage: new SqlStorage(database.db), log, deliverTo: () => () => {}, leases });
      const process: Process = { rooms, leases, redis, database };
      cleanups.push(async () => {
        await rooms.flushAll();
        await redis.close();
        await database.close();
      });
      await waitFor("Redis ready", () => redis.ready());
      return process;
    };
    return [await start(), await start()];
  }

  async function refusal(attempt: Promise<unknown>): Promise<unknown> {
    try {
      await attempt;
    } catch (err) {
      return err;
    }
    return "loaded";
  }

  it("lets one of two racing processes load a session and tells the other to try again", async () => {
    const [a, b] = await twoProcesses();
    const { sessionId } = await a.rooms.create();
    // The creator holds the session; the other is refused while it does.
    expect(await refusal(b.rooms.get(sessionId))).toBeInstanceOf(OwnedElsewhereError);

    // Released (as when the room is dropped from memory): both race for it.
    await a.rooms.stepDown(sessionId, "test");
    const results = await Promise.all([refusal(a.rooms.get(sessionId)), refusal(b.rooms.get(sessionId))]);
    expect(results.filter((r) => r === "loaded")).toHaveLength(1);
    const loser = results.find((r) => r !== "loaded");
    expect(loser).toBeInstanceOf(OwnedElsewhereError);
    expect((loser as ProtocolError).code).toBe("UNAVAILABLE");
    expect([a.leases.holds(sessionId), b.leases.holds(sessionId)].filter(Boolean)).toHaveLength(1);
  });

  it("gives a session to another process once its owner stops renewing, with every stored event", async () => {
    const [a, b] = await twoProcesses();
    const { sessionId, code } = await a.rooms.create();
    await a.rooms.join(code, "Ada");
    // The owner freezes: no renewal reaches Redis (as a process killed with kill -9).
    a.redis.client.disconnect();
    const room = await waitFor("the other process takes the session", () => b.rooms.get(sessionId).catch(() => null), { timeoutMs: TTL_MS * 4 });
    expect(Object.values(room.working.students).map((s) => s.nickname)).toEqual(["Ada"]);
    await b.rooms.join(code, "Grace");
    expect(Object.values(room.committed.students).map((s) => s.nickname).sort()).toEqual(["Ada", "Grace"]);
  });

  it("makes a stale owner's append fail on the log's seq and step down; only the new owner's events are stored", async () => {
    const [a, b] = await twoProcesses();
    const { sessionId, code } = await a.rooms.create();
    const stale = (await a.rooms.get(sessionId))!;
    // A's lease vanishes without A noticing yet (a pause longer than the lease), and B takes over.
    await b.redis.client.del(`${b.redis.keyPrefix}lease:${sessionId}`);
    const owner = (await b.rooms.get(sessionId))!;
    await b.rooms.join(code, "Grace");
    const headBefore = owner.seq;

    // A still believes it owns the room: its append at the seq B took is refused.
    const err = await refusal(a.rooms.join(code, "Stale"));
    // Refused as "nothing was changed": the log says for certain the event is not stored.
    expect(err).toBeInstanceOf(CommitError);
    expect((err as CommitError).uncertain).toBe(false);
    await waitFor("the stale owner steps down", () => !a.leases.holds(sessionId) && stale.clientCount === 0);
    expect(await refusal(a.rooms.get(sessionId))).toBeInstanceOf(OwnedElsewhereError);

    const log = await new SqlStorage(b.database.db).read(sessionId, 1);
    expect(log.at(-1)!.seq).toBe(headBefore);
    expect(log.filter((e) => e.type === "student.joined").map((e) => (e.payload as { nickname: string }).nickname)).toEqual(["Grace"]);
  });
});
