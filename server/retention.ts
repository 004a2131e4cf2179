/**
 * Deletes sessions older than RETENTION_DAYS, with their events, snapshots, tokens and replay
 * links (and drops their rooms and replay caches): at boot and then every hour. Students
 * gave only a nickname; nothing outlives the window.
 */
import type { Storage } from "../db/storage";
import type { Logger } from "./logger";
import type { ReplayReader } from "./replay/reader";
import type { RoomManager } from "./rooms/room-manager";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Starts the sweep; returns a function that stops it.
 * @example
 * const stop = startRetention({ storage, rooms, log, retentionDays: 30 });
 */
export function startRetention(options: {
  storage: Storage;
  rooms: RoomManager;
  /** Its caches of deleted sessions are dropped too. */
  replays?: ReplayReader;
  log: Logger;
  retentionDays: number;
}): () => void {
  const sweep = async () => {
    try {
      const ids = await options.storage.deleteSessionsBefore(new Date(Date.now() - options.retentionDays * DAY_MS));
      if (ids.length > 0) {
        await options.rooms.forget(ids);
        for (const id of ids) options.replays?.forget(id);
        options.log.info({ count: ids.length, retentionDays: options.retentionDays }, "deleted old sessions");
      }
    } catch (err) {
      options.log.warn({ err }, "retention sweep failed; trying again in an hour");
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
