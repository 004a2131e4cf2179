/**
 * The 100-session probe without sockets: 100 live rooms (RoomManager, real database), one
 * command in each at the same moment, acknowledgement times from the command to its ack;
 * through the process's commit queue and through a transaction per room, in the same run.
 * What the capacity check's probe measures minus the fan-out to clients and the clients.
 */
import { pino } from "pino";
import type { Database } from "../db/client";
import { SqlStorage } from "../db/sql-storage";
import { CommitQueue, type Appender } from "../server/rooms/commit-queue";
import { RoomManager } from "../server/rooms/room-manager";
import type { Room } from "../server/rooms/room";
import { log } from "./log";
import { fmt, summarize, type Summary } from "./lib/stats";

export interface ProbeRun {
  path: "commit queue" | "a transaction per room";
  rooms: number;
  rounds: number;
  /** Over every round's acknowledgements. */
  ack: Summary;
}

async function probe(database: Database, path: ProbeRun["path"], rooms: number, rounds: number): Promise<ProbeRun> {
  const storage = new SqlStorage(database.db);
  const commits: Appender = path === "commit queue" ? new CommitQueue(storage, { inFlight: database.kind === "postgres" ? 4 : 1 }) : storage;
  const manager = new RoomManager({ storage, commits, log: pino({ level: "silent" }), deliverTo: () => () => {} });
  const list: Room[] = [];
  for (let i = 0; i < rooms; i++) list.push((await manager.get((await manager.create()).sessionId))!);
  const acks: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    const times = await Promise.all(
      list.map((room, i) =>
        room.run({ role: "teacher", id: "teacher" }, { name: "network:set-inputs", payload: { inputs: [round / rounds, i / rooms] } }).then(() => performance.now() - t0),
      ),
    );
    acks.push(...times);
  }
  await manager.flushAll();
  const run = { path, rooms, rounds, ack: summarize(acks) };
  log(`commit probe, ${database.kind}, ${path}: ${rooms} rooms at once × ${rounds}: ack p50 ${fmt(run.ack.p50)} / p99 ${fmt(run.ack.p99)} / max ${fmt(run.ack.max)} ms`);
  return run;
}

/** Both paths on one database, the queue first. */
export async function commitProbe(database: Database, rooms = 100, rounds = 10): Promise<ProbeRun[]> {
  return [await probe(database, "commit queue", rooms, rounds), await probe(database, "a transaction per room", rooms, rounds)];
}
