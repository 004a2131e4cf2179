/**
 * Everything the replay routes read, for one process: the meta (marks and the time → seq
 * index), the state at a seq, events to play forward, a neuron's history and the class
 * prediction. Small caches keep a replay fast to scrub and play: the last state sought per
 * session (playing forward folds only the new events), and the one-pass histories (complete
 * for an ended session; continued from where they stopped for a live one).
 */
import type { Storage } from "../../db/storage";
import { ProtocolError } from "../../lib/protocol/errors";
import type { NeuronHistory, PredictionSeries, ReplayMeta } from "../../lib/protocol/replay";
import type { SessionRecord } from "../../db/storage";
import { parseStoredEvent } from "../../lib/session/event-schemas";
import { HistoryPass } from "./history";
import { Lru } from "./lru";
import { MarkBuilder } from "./marks";
import { projectReplayEvent, projectReplayState, type ReplayEvent, type ReplayViewer } from "./project";
import { foldRange, PAGE_SIZE, stateAt, type SeqState } from "./seek";
import { buildTimeline, sampleSeqs, TIMELINE_MAX } from "./timeline";

export const EVENTS_LIMIT_MAX = 2_000;

/** Who reads and which session: what the replay routes' check grants (server/http/route.ts). */
export interface ReplayRead extends ReplayViewer {
  session: SessionRecord;
}

interface HistoryEntry {
  pass: HistoryPass;
  /** The pass's work in progress: one at a time per session. */
  busy: Promise<unknown>;
}

const EMPTY = () => new ProtocolError("NOT_FOUND", "This session has no events to replay.");

export class ReplayReader {
  private seeks = new Lru<string, SeqState>(32);
  private histories = new Lru<string, HistoryEntry>(4);

  constructor(private readonly storage: Storage) {}

  /** Drops a deleted session's caches. */
  forget(sessionId: string): void {
    this.seeks.delete(sessionId);
    this.histories.delete(sessionId);
  }

  async meta(read: ReplayRead): Promise<ReplayMeta> {
    const { session } = read;
    const head = await this.storage.headSeq(session.id);
    const created = session.createdAt.getTime();
    const base = { sessionId: session.id, code: session.code, viewer: read.viewer, hideNames: read.hideNames, status: session.status };
    if (head === 0) return { ...base, headSeq: 0, startAt: created, endAt: created, marks: [], timeline: [] };
    const builder = new MarkBuilder({ hideNames: read.hideNames });
    for (let after = 0; ; ) {
      const page = await this.storage.readMarks(session.id, after, PAGE_SIZE);
      for (const e of page) builder.add({ seq: e.seq, type: e.type, payload: e.payload, at: e.at.getTime() });
      if (page.length < PAGE_SIZE) break;
      after = page.at(-1)!.seq;
    }
    const sampleCount = Math.max(2, TIMELINE_MAX - builder.marks.length - 2);
    const times = (await this.storage.eventTimes(session.id, sampleSeqs(head, sampleCount))).map((t) => ({ seq: t.seq, at: t.at.getTime() }));
    const first = times[0] ?? { seq: 1, at: created };
    const last = times.at(-1) ?? first;
    const marks = builder.finish(first, last);
    return { ...base, headSeq: head, startAt: first.at, endAt: last.at, marks, timeline: buildTimeline(times, marks) };
  }

  /** The head, and `seq` clamped to 1..head (0 asks for the first state, after the creation). */
  private async clamp(sessionId: string, seq: number): Promise<{ head: number; seq: number }> {
    const head = await this.storage.headSeq(sessionId);
    if (head === 0) throw EMPTY();
    return { head, seq: Math.min(Math.max(seq, 1), head) };
  }

  private async seek(sessionId: string, seq: number): Promise<SeqState> {
    const found = await stateAt(this.storage, sessionId, seq, this.seeks.get(sessionId));
    if (!found) throw EMPTY();
    this.seeks.set(sessionId, found);
    return found;
  }

  async state(read: ReplayRead, seq: number): Promise<{ seq: number; at: number; state: Record<string, unknown> }> {
    const at = await this.clamp(read.session.id, seq);
    const found = await this.seek(read.session.id, at.seq);
    return { seq: found.seq, at: found.at, state: projectReplayState(found.state, read) as unknown as Record<string, unknown> };
  }

  async events(read: ReplayRead, after: number, limit: number): Promise<{ events: ReplayEvent[]; next: number | null }> {
    const id = read.session.id;
    const head = await this.storage.headSeq(id);
    const to = Math.min(after + Math.min(limit, EVENTS_LIMIT_MAX), head);
    const events: ReplayEvent[] = [];
    if (to > after) {
      if (read.viewer === "teacher") {
        for (const row of await this.storage.read(id, after + 1, to)) events.push({ ...parseStoredEvent(id, row), at: row.at.getTime() });
      } else {
        // A link's events are projected with the state just after each: start from the state at `after`.
        const start = after >= 1 ? await this.seek(id, after) : { seq: 0, state: null };
        await foldRange(this.storage, id, start, to, (event, state) => events.push(projectReplayEvent(event, event.at ?? 0, state, read)));
      }
    }
    const last = events.at(-1)?.seq ?? after;
    return { events, next: last < head ? last : null };
  }

  /** The history pass of the session, brought up to its head. */
  private async history(sessionId: string, status: SessionRecord["status"]): Promise<HistoryPass> {
    let entry = this.histories.get(sessionId);
    if (!entry) {
      entry = { pass: new HistoryPass(), busy: Promise.resolve() };
      this.histories.set(sessionId, entry);
    }
    const run = entry.busy.then(async () => {
      const { pass } = entry;
      // An ended session's log does not grow: a complete pass is reused as it is.
      if (status === "ended" && pass.seq > 0 && pass.seq === (await this.storage.headSeq(sessionId))) return pass;
      const head = await this.storage.headSeq(sessionId);
      await foldRange(this.storage, sessionId, { seq: pass.seq, state: pass.state }, head, (event, state) => pass.add(event, event.at ?? 0, state), {
        quick: true,
      });
      return pass;
    });
    entry.busy = run.catch(() => {});
    return run;
  }

  async neuron(read: ReplayRead, layer: number, neuron: number): Promise<NeuronHistory> {
    const pass = await this.history(read.session.id, read.session.status);
    const found = pass.neuron(layer, neuron, read.hideNames);
    if (!found) throw new ProtocolError("NOT_FOUND", `The network never had neuron ${neuron + 1} in layer ${layer + 1} in this session.`);
    return found;
  }

  async prediction(read: ReplayRead): Promise<PredictionSeries> {
    const pass = await this.history(read.session.id, read.session.status);
    if (!pass.state) throw EMPTY();
    return pass.prediction();
  }
}
