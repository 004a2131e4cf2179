/**
 * A session's log read in pages, so that exports and reports never hold it whole: each page
 * is handed on (written, folded) before the next is read. The end is fixed when reading
 * starts, so a live session's export is the log as it was at that moment.
 */
import type { SessionRecord, Storage, StoredEvent } from "../../db/storage";
import { ReportBuilder } from "../../lib/report/builder";
import type { SessionReport } from "../../lib/report/types";
import { parseStoredEvent } from "../../lib/session/event-schemas";

/** Events per read: small enough to keep memory flat, large enough to keep the reads few. */
export const PAGE_SIZE = 1_000;

/**
 * The events 1…`toSeq` in pages of `pageSize`.
 * @example
 * for await (const page of logPages(storage, id, await storage.headSeq(id))) write(page);
 */
export async function* logPages(storage: Storage, sessionId: string, toSeq: number, pageSize = PAGE_SIZE): AsyncGenerator<StoredEvent[]> {
  let from = 1;
  while (from <= toSeq) {
    const page = await storage.read(sessionId, from, toSeq, pageSize);
    if (page.length === 0) return;
    yield page;
    from = page[page.length - 1]!.seq + 1;
  }
}

/**
 * The session's report, folded from its log page by page.
 * @example
 * const report = await reportFromStorage(ctx.storage, teacher.session);
 */
export async function reportFromStorage(storage: Storage, session: SessionRecord): Promise<SessionReport> {
  const builder = new ReportBuilder();
  for await (const page of logPages(storage, session.id, await storage.headSeq(session.id))) {
    for (const row of page) builder.add(parseStoredEvent(session.id, row));
  }
  if (builder.events === 0) {
    const at = session.createdAt.getTime();
    return { sessionId: session.id, code: session.code, createdAt: at, endAt: at, questions: [], students: [] };
  }
  return builder.finish({ sessionId: session.id, code: session.code });
}
