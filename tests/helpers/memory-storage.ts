/**
 * An in-memory Storage for unit tests of the room and reducer. It passes the same
 * contract suite as the SQL storage (tests/unit/storage.test.ts).
 */
import {
  CodeTakenError,
  SeqConflictError,
  SessionGoneError,
  type AppendOutcome,
  type AppendRequest,
  MARK_EVENT_TYPES,
  type ReplayLinkRecord,
  type SessionStats,
  type NewEvent,
  type ParticipantRecord,
  type SessionRecord,
  type Snapshot,
  type Storage,
  type StoredEvent,
} from "../../db/storage";

const clone = <T>(v: T): T => structuredClone(v);

export class MemoryStorage implements Storage {
  private sessions = new Map<string, SessionRecord>();
  private participants = new Map<string, ParticipantRecord>();
  private logs = new Map<string, StoredEvent[]>();
  private snapshots = new Map<string, Snapshot[]>();
  private links = new Map<string, ReplayLinkRecord>();

  async createSession(s: { id: string; code: string; createdAt?: Date }): Promise<SessionRecord> {
    if ([...this.sessions.values()].some((x) => x.code === s.code && x.status === "live")) {
      throw new CodeTakenError(s.code);
    }
    const rec: SessionRecord = { id: s.id, code: s.code, status: "live", createdAt: s.createdAt ?? new Date(), endedAt: null };
    this.sessions.set(s.id, rec);
    return clone(rec);
  }
  async getSession(id: string) {
    const s = this.sessions.get(id);
    return s ? clone(s) : null;
  }
  async findLiveSessionByCode(code: string) {
    const s = [...this.sessions.values()].find((x) => x.code === code && x.status === "live");
    return s ? clone(s) : null;
  }
  async listLiveSessions() {
    return [...this.sessions.values()].filter((s) => s.status === "live").map(clone);
  }
  async endSession(id: string, at?: Date) {
    const s = this.sessions.get(id);
    if (s) Object.assign(s, { status: "ended", endedAt: at ?? new Date() });
  }
  async deleteSession(id: string) {
    const existed = this.sessions.delete(id);
    this.logs.delete(id);
    this.snapshots.delete(id);
    for (const [hash, p] of this.participants) if (p.sessionId === id) this.participants.delete(hash);
    for (const [hash, l] of this.links) if (l.sessionId === id) this.links.delete(hash);
    return existed;
  }
  async deleteSessionsBefore(cutoff: Date) {
    const gone = [...this.sessions.values()].filter((s) => s.createdAt < cutoff).map((s) => s.id);
    for (const id of gone) await this.deleteSession(id);
    return gone;
  }
  async addParticipant(p: ParticipantRecord) {
    this.participants.set(p.tokenHash, clone(p));
  }
  async findParticipantByToken(tokenHash: string) {
    const p = this.participants.get(tokenHash);
    return p ? clone(p) : null;
  }
  async transferParticipant(fromId: string, toId: string) {
    const from = [...this.participants.values()].find((p) => p.id === fromId);
    const to = [...this.participants.values()].find((p) => p.id === toId);
    if (!from) return;
    this.participants.delete(from.tokenHash);
    if (to) {
      this.participants.delete(to.tokenHash);
      this.participants.set(from.tokenHash, { ...to, tokenHash: from.tokenHash });
    }
  }
  async removeParticipant(id: string) {
    for (const [hash, p] of this.participants) if (p.id === id) this.participants.delete(hash);
  }
  async append(sessionId: string, fromSeq: number, batch: NewEvent[]): Promise<StoredEvent[]> {
    if (batch.length === 0) return [];
    const log = this.logs.get(sessionId) ?? [];
    if (log.length !== fromSeq - 1) throw new SeqConflictError(sessionId, fromSeq, log.length);
    const stored = batch.map((e, i) => ({ ...clone(e), sessionId, seq: fromSeq + i, at: e.at ? new Date(e.at) : new Date() }));
    this.logs.set(sessionId, [...log, ...stored]);
    return clone(stored);
  }
  async appendBatch(requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    const outcomes: AppendOutcome[] = [];
    for (const r of requests) {
      if (!this.sessions.has(r.sessionId)) outcomes.push({ error: new SessionGoneError(r.sessionId) });
      else if (r.events.length === 0) outcomes.push({ stored: [] });
      else outcomes.push(await this.append(r.sessionId, r.fromSeq, r.events).then((stored) => ({ stored }), (error: Error) => ({ error })));
    }
    return outcomes;
  }
  async read(sessionId: string, fromSeq: number, toSeq = Infinity, limit = Infinity) {
    return (this.logs.get(sessionId) ?? [])
      .filter((e) => e.seq >= fromSeq && e.seq <= toSeq)
      .slice(0, limit)
      .map(clone);
  }
  async headSeq(sessionId: string) {
    return this.logs.get(sessionId)?.length ?? 0;
  }
  async settledHeadSeq(sessionId: string) {
    return this.headSeq(sessionId);
  }
  async saveSnapshot(sessionId: string, snapshot: Snapshot) {
    const list = (this.snapshots.get(sessionId) ?? []).filter((s) => s.seq !== snapshot.seq);
    list.push(clone(snapshot));
    list.sort((a, b) => a.seq - b.seq);
    this.snapshots.set(sessionId, list);
  }
  async snapshotSeqs(sessionId: string) {
    return (this.snapshots.get(sessionId) ?? []).map((s) => s.seq);
  }
  async latestSnapshot(sessionId: string) {
    const list = this.snapshots.get(sessionId);
    return list?.length ? clone(list[list.length - 1]!) : null;
  }
  async snapshotAtOrBefore(sessionId: string, seq: number) {
    const found = (this.snapshots.get(sessionId) ?? []).filter((s) => s.seq <= seq).at(-1);
    return found ? clone(found) : null;
  }
  async sessionStats(sessionId: string): Promise<SessionStats> {
    const log = this.logs.get(sessionId) ?? [];
    const count = (type: string) => log.filter((e) => e.type === type).length;
    return { events: log.length, lastEventAt: log.at(-1)?.at ?? null, students: count("student.joined"), questions: count("quiz.launched") };
  }
  async readMarks(sessionId: string, afterSeq: number, limit: number) {
    const types: readonly string[] = MARK_EVENT_TYPES;
    return (this.logs.get(sessionId) ?? [])
      .filter((e) => e.seq > afterSeq && types.includes(e.type))
      .slice(0, limit)
      .map(clone);
  }
  async eventTimes(sessionId: string, seqs: readonly number[]) {
    const wanted = new Set(seqs);
    return (this.logs.get(sessionId) ?? []).filter((e) => wanted.has(e.seq)).map((e) => ({ seq: e.seq, at: e.at }));
  }
  async createReplayLink(link: { tokenHash: string; sessionId: string; hideNames: boolean }) {
    if (this.links.has(link.tokenHash)) throw new Error("replay link token hash already used");
    const record: ReplayLinkRecord = { ...link, createdAt: new Date() };
    this.links.set(link.tokenHash, record);
    return clone(record);
  }
  async findReplayLink(tokenHash: string) {
    const l = this.links.get(tokenHash);
    return l ? clone(l) : null;
  }
}
