/**
 * Checks an imported log event by event and appends it to a new session: every event's
 * shape and payload (its type's own schema), seqs 1…n with no gap, the log starting with
 * `session.created`, and the whole of it folding with the session's reducer. Events are
 * appended a page at a time, with a snapshot every page as the room writes them. The first
 * event is given the new session's id and code; an imported log that is not ended gets a
 * `session.ended` at its last event's time, so the copy opens as a replay and takes no command.
 */
import type { NewEvent, Storage } from "../../db/storage";
import { formatIssues } from "../../lib/protocol/format-issues";
import { ProtocolError } from "../../lib/protocol/errors";
import { CorruptEventError, parseStoredEvent } from "../../lib/session/event-schemas";
import { applyEvent, createState } from "../../lib/session/reducer";
import type { SessionState } from "../../lib/session/state";
import { toSnapshot } from "../rooms/load-state";
import { exportedEventSchema } from "./export-format";
import { PAGE_SIZE } from "./log-pages";

/**
 * A refusal of the file, naming where it went wrong.
 * @example
 * throw importRefusal("line 7 (event 6)", "expected seq 6, found 8");
 */
export function importRefusal(where: string, problem: string): ProtocolError {
  return new ProtocolError("BAD_REQUEST", `This file cannot be imported: ${where}: ${problem}. Nothing was imported.`);
}

export class LogImporter {
  private state: SessionState | null = null;
  private nextSeq = 1;
  private firstAt: Date | null = null;
  private lastAt: Date | null = null;
  private batch: NewEvent[] = [];
  private appended = 0;

  constructor(
    private readonly storage: Storage,
    private readonly target: { sessionId: string; code: string },
    private readonly pageSize = PAGE_SIZE,
  ) {}

  /** Events checked so far. */
  get count(): number {
    return this.nextSeq - 1;
  }

  /**
   * Checks one event and queues it; appends a page when one is full.
   * @param where "line 7" or "event 6": where the event is in the file, for the refusal.
   * @throws ProtocolError BAD_REQUEST naming `where` and the seq.
   */
  async add(raw: unknown, where: string): Promise<void> {
    const shape = exportedEventSchema.safeParse(raw);
    if (!shape.success) throw importRefusal(where, `not an event (${formatIssues(shape.error.issues)})`);
    const e = shape.data;
    const at = `${where} (seq ${e.seq})`;
    if (e.seq !== this.nextSeq) throw importRefusal(at, `expected seq ${this.nextSeq}: events must be numbered 1, 2, 3… with no gap`);
    if ((e.seq === 1) !== (e.type === "session.created")) {
      throw importRefusal(at, e.seq === 1 ? `a log starts with session.created, not ${e.type}` : "session.created may only be the first event");
    }
    const payload = e.seq === 1 && typeof e.payload === "object" && e.payload !== null ? { ...e.payload, id: this.target.sessionId, code: this.target.code } : e.payload;
    try {
      const event = parseStoredEvent(this.target.sessionId, { seq: e.seq, type: e.type, payload, actor: e.actor });
      this.state = this.state === null ? createState(event as Extract<typeof event, { type: "session.created" }>) : applyEvent(this.state, event);
    } catch (err) {
      if (err instanceof CorruptEventError) throw importRefusal(at, err.message.replace(/^session [^,]*, event \d+: /, ""));
      throw importRefusal(at, `it does not replay (${err instanceof Error ? err.message : String(err)})`);
    }
    const when = new Date(e.at);
    this.firstAt ??= when;
    this.lastAt = when;
    this.batch.push({ type: e.type, payload, actor: e.actor, at: when });
    this.nextSeq++;
    if (this.batch.length >= this.pageSize) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    await this.storage.append(this.target.sessionId, this.appended + 1, batch);
    this.appended += batch.length;
    if (this.appended % this.pageSize === 0) {
      await this.storage.saveSnapshot(this.target.sessionId, { seq: this.appended, state: toSnapshot(this.state!) });
    }
  }

  /**
   * Appends what is left (and a `session.ended` when the log was not ended).
   * @returns how many events the new session's log holds, and the times of its first and last.
   * @throws ProtocolError BAD_REQUEST when there was no event at all.
   */
  async finish(): Promise<{ events: number; firstAt: Date; lastAt: Date }> {
    if (this.state === null || !this.firstAt || !this.lastAt) throw importRefusal("the events", "there are none");
    if (this.state.status !== "ended") {
      this.batch.push({ type: "session.ended", payload: {}, actor: null, at: this.lastAt });
      this.state = applyEvent(this.state, { type: "session.ended", payload: {} });
    }
    await this.flush();
    return { events: this.appended, firstAt: this.firstAt, lastAt: this.lastAt };
  }
}
