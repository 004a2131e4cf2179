/**
 * Writes a session's whole log as the JSON export, a page of 1,000 events at a time: each
 * page is turned into lines and written (waiting for the socket to drain) before the next
 * page is read, so a long session never sits whole in memory.
 */
import type { SessionRecord, Storage } from "../../db/storage";
import type { BodyWriter } from "../http/download";
import { CLOSING_LINE, eventLine, headerLine } from "./export-format";
import { logPages } from "./log-pages";

/**
 * @example
 * Download.attachment("application/json", "synapse-K7QF3M-log.json", exportLog(storage, session));
 */
export function exportLog(storage: Storage, session: SessionRecord, now: () => Date = () => new Date()): BodyWriter {
  return async (write) => {
    const head = await storage.headSeq(session.id);
    await write(`${headerLine(session, head, now())}\n`);
    // The previous event's line waits for the next one, which decides whether a comma follows it.
    let held: string | null = null;
    for await (const page of logPages(storage, session.id, head)) {
      const lines: string[] = [];
      for (const row of page) {
        if (held !== null) lines.push(`${held},\n`);
        held = eventLine(row);
      }
      await write(lines.join(""));
    }
    await write(`${held === null ? "" : `${held}\n`}${CLOSING_LINE}\n`);
  };
}
