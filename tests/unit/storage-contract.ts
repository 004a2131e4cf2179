/**
 * One contract for every Storage implementation. Each implementation's test file calls
 * `storageContract` with a factory that gives a fresh, empty store.
 */
import crypto from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CodeTakenError, SeqConflictError, SessionGoneError, type Storage } from "../../db/storage";

export interface StorageHandle {
  storage: Storage;
  /** Empties every table, between tests. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const id = () => crypto.randomUUID();
const ev = (type: string, payload: unknown = {}) => ({ type, payload, actor: null });

export function storageContract(name: string, open: () => Promise<StorageHandle>) {
  describe(`storage contract: ${name}`, () => {
    let handle: StorageHandle;
    let storage: Storage;
    beforeAll(async () => {
      handle = await open();
    });
    beforeEach(() => {
      storage = handle.storage;
    });
    afterEach(async () => {
      await handle.reset();
    });
    afterAll(async () => {
      await handle?.close();
    });

    it("creates a session and finds it by id and by its live code", async () => {
      const s = await storage.createSession({ id: "s1", code: "ABCDEF" });
      expect(s).toMatchObject({ id: "s1", code: "ABCDEF", status: "live", endedAt: null });
      expect((await storage.getSession("s1"))?.code).toBe("ABCDEF");
      expect((await storage.findLiveSessionByCode("ABCDEF"))?.id).toBe("s1");
      expect(await storage.findLiveSessionByCode("ZZZZZZ")).toBeNull();
      expect(await storage.getSession("nope")).toBeNull();
    });

    it("refuses a code taken by a live session and frees it when that session ends", async () => {
      await storage.createSession({ id: "s1", code: "ABCDEF" });
      await expect(storage.createSession({ id: "s2", code: "ABCDEF" })).rejects.toBeInstanceOf(CodeTakenError);
      await storage.endSession("s1");
      expect(await storage.findLiveSessionByCode("ABCDEF")).toBeNull();
      expect((await storage.getSession("s1"))?.status).toBe("ended");
      await storage.createSession({ id: "s2", code: "ABCDEF" });
      expect((await storage.listLiveSessions()).map((s) => s.id)).toEqual(["s2"]);
    });

    it("appends with the expected seq and reads events back in order", async () => {
      await storage.createSession({ id: "s1", code: "ABCDEF" });
      expect(await storage.headSeq("s1")).toBe(0);
      const first = await storage.append("s1", 1, [ev("a", { n: 1 }), ev("b", { n: 2 })]);
      expect(first.map((e) => e.seq)).toEqual([1, 2]);
      await storage.append("s1", 3, [{ type: "c", payload: { nested: [1, 2.5, "x"] }, actor: "p1" }]);
      expect(await storage.headSeq("s1")).toBe(3);
      expect(await storage.settledHeadSeq("s1")).toBe(3);
      const all = await storage.read("s1", 1);
      expect(all.map((e) => [e.seq, e.type])).toEqual([
        [1, "a"],
        [2, "b"],
        [3, "c"],
      ]);
      expect(all[2]).toMatchObject({ payload: { nested: [1, 2.5, "x"] }, actor: "p1", sessionId: "s1" });
      expect(all[0]!.at).toBeInstanceOf(Date);
    });

    it("refuses a taken seq and a gap, leaving the log unchanged", async () => {
      await storage.createSession({ id: "s1", code: "ABCDEF" });
      await storage.append("s1", 1, [ev("a"), ev("b")]);
      await expect(storage.append("s1", 2, [ev("x")])).rejects.toBeInstanceOf(SeqConflictError);
      await expect(storage.append("s1", 1, [ev("x")])).rejects.toMatchObject({ headSeq: 2, expectedSeq: 1 });
      await expect(storage.append("s1", 4, [ev("gap")])).rejects.toBeInstanceOf(SeqConflictError);
      expect((await storage.read("s1", 1)).map((e) => e.type)).toEqual(["a", "b"]);
    });

    it("lets exactly one of two racing appends at the same seq win", async () => {
      await storage.createSession({ id: "s1", code: "ABCDEF" });
      const results = await Promise.allSettled([
        storage.append("s1", 1, [ev("first")]),
        storage.append("s1", 1, [ev("second")]),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(SeqConflictError);
      expect(await storage.headSeq("s1")).toBe(1);
    });

    it("appends several sessions' events in one batch, each refusal its own and the others stored", async () => {
      for (const [sid, code] of [["s1", "AAAAAA"], ["s2", "BBBBBB"], ["s3", "CCCCCC"]] as const) await storage.createSession({ id: sid, code });
      await storage.append("s2", 1, [ev("old")]);
      const outcomes = await storage.appendBatch([
        { sessionId: "s1", fromSeq: 1, events: [ev("a1", { n: 1 }), ev("a2", { n: 2 })] },
        { sessionId: "s2", fromSeq: 1, events: [ev("stale")] },
        { sessionId: "gone", fromSeq: 1, events: [ev("x")] },
        { sessionId: "s3", fromSeq: 1, events: [{ type: "c1", payload: { v: [0.5] }, actor: "p1" }] },
        { sessionId: "s1", fromSeq: 3, events: [{ ...ev("a3"), at: new Date("2026-01-02T03:04:05.678Z") }] },
      ]);
      expect(outcomes.map((o) => ("stored" in o ? o.stored.map((e) => `${e.sessionId}:${e.seq}:${e.type}`) : o.error.name))).toEqual([
        ["s1:1:a1", "s1:2:a2"],
        "SeqConflictError",
        "SessionGoneError",
        ["s3:1:c1"],
        ["s1:3:a3"],
      ]);
      expect(outcomes[1]).toMatchObject({ error: { headSeq: 1, expectedSeq: 1 } });
      expect((outcomes[2] as { error: Error }).error).toBeInstanceOf(SessionGoneError);
      expect((outcomes[3] as { stored: { payload: unknown; actor: string | null }[] }).stored[0]).toMatchObject({ payload: { v: [0.5] }, actor: "p1" });
      expect((await storage.read("s1", 1)).map((e) => e.type)).toEqual(["a1", "a2", "a3"]);
      // The database's clock where no time was given, an imported event's own time kept.
      const [a1, , a3] = await storage.read("s1", 1);
      expect((outcomes[0] as { stored: { at: Date }[] }).stored[0]!.at.getTime()).toBe(a1!.at.getTime());
      expect(Math.abs(a1!.at.getTime() - Date.now())).toBeLessThan(60_000);
      expect(a3!.at.toISOString()).toBe("2026-01-02T03:04:05.678Z");
      expect((outcomes[4] as { stored: { at: Date }[] }).stored[0]!.at.toISOString()).toBe("2026-01-02T03:04:05.678Z");
      expect((await storage.read("s2", 1)).map((e) => e.type)).toEqual(["old"]);
      expect((await storage.read("s3", 1)).map((e) => e.type)).toEqual(["c1"]);
    });

    it("lets exactly one of a batch and a racing append at the same seq win", async () => {
      await storage.createSession({ id: "s1", code: "AAAAAA" });
      await storage.createSession({ id: "s2", code: "BBBBBB" });
      const [batch, single] = await Promise.allSettled([
        storage.appendBatch([
          { sessionId: "s1", fromSeq: 1, events: [ev("batch")] },
          { sessionId: "s2", fromSeq: 1, events: [ev("other")] },
        ]),
        storage.append("s1", 1, [ev("single")]),
      ]);
      expect(batch.status).toBe("fulfilled");
      const outcomes = (batch as PromiseFulfilledResult<Awaited<ReturnType<Storage["appendBatch"]>>>).value;
      const batchWon = "stored" in outcomes[0]!;
      expect(single.status).toBe(batchWon ? "rejected" : "fulfilled");
      if (!batchWon) expect((outcomes[0] as { error: Error }).error).toBeInstanceOf(SeqConflictError);
      expect(outcomes[1]).toMatchObject({ stored: [{ sessionId: "s2", seq: 1, type: "other" }] });
      expect((await storage.read("s1", 1)).map((e) => e.type)).toEqual([batchWon ? "batch" : "single"]);
    });

    it("reads a range and honours a limit", async () => {
      await storage.createSession({ id: "s1", code: "ABCDEF" });
      await storage.append("s1", 1, Array.from({ length: 10 }, (_, i) => ev(`e${i + 1}`)));
      expect((await storage.read("s1", 4, 6)).map((e) => e.seq)).toEqual([4, 5, 6]);
      expect((await storage.read("s1", 8)).map((e) => e.seq)).toEqual([8, 9, 10]);
      expect((await storage.read("s1", 2, undefined, 3)).map((e) => e.seq)).toEqual([2, 3, 4]);
      expect(await storage.read("s1", 11)).toEqual([]);
    });

    it("round-trips snapshots and returns the latest", async () => {
      await storage.createSession({ id: "s1", code: "ABCDEF" });
      expect(await storage.latestSnapshot("s1")).toBeNull();
      await storage.saveSnapshot("s1", { seq: 5, state: { a: [1, 2], b: { c: "d" } } });
      await storage.saveSnapshot("s1", { seq: 9, state: { a: [3], b: null } });
      expect(await storage.latestSnapshot("s1")).toEqual({ seq: 9, state: { a: [3], b: null } });
      await storage.saveSnapshot("s1", { seq: 9, state: { replaced: true } });
      expect(await storage.latestSnapshot("s1")).toEqual({ seq: 9, state: { replaced: true } });
    });

    it("keeps two sessions independent", async () => {
      await storage.createSession({ id: "s1", code: "AAAAAA" });
      await storage.createSession({ id: "s2", code: "BBBBBB" });
      await storage.append("s1", 1, [ev("one"), ev("two")]);
      await storage.append("s2", 1, [ev("other")]);
      expect(await storage.headSeq("s1")).toBe(2);
      expect(await storage.headSeq("s2")).toBe(1);
      expect((await storage.read("s2", 1)).map((e) => e.type)).toEqual(["other"]);
      await storage.saveSnapshot("s1", { seq: 2, state: { who: "s1" } });
      expect(await storage.latestSnapshot("s2")).toBeNull();
    });

    it("keeps every snapshot, and finds the nearest at or before a seq", async () => {
      await storage.createSession({ id: "s1", code: "K7QF3M" });
      await storage.createSession({ id: "s2", code: "K7QF3N" });
      for (const seq of [10, 20, 30, 40, 50]) await storage.saveSnapshot("s1", { seq, state: { seq } });
      await storage.saveSnapshot("s2", { seq: 25, state: { other: true } });
      expect(await storage.snapshotSeqs("s1")).toEqual([10, 20, 30, 40, 50]);
      expect(await storage.latestSnapshot("s1")).toEqual({ seq: 50, state: { seq: 50 } });
      expect(await storage.snapshotAtOrBefore("s1", 9)).toBeNull();
      expect(await storage.snapshotAtOrBefore("s1", 10)).toEqual({ seq: 10, state: { seq: 10 } });
      expect(await storage.snapshotAtOrBefore("s1", 29)).toEqual({ seq: 20, state: { seq: 20 } });
      expect(await storage.snapshotAtOrBefore("s1", 1_000)).toEqual({ seq: 50, state: { seq: 50 } });
    });

    it("counts a summary's numbers, reads the marked events in pages and the times of chosen seqs", async () => {
      await storage.createSession({ id: "s1", code: "K7QF3M" });
      expect(await storage.sessionStats("s1")).toEqual({ events: 0, lastEventAt: null, students: 0, questions: 0 });
      await storage.append("s1", 1, [
        ev("session.created"),
        ev("student.joined", { nickname: "Ada" }),
        ev("entry.set"),
        ev("student.joined", { nickname: "Grace" }),
        ev("quiz.launched"),
        ev("entry.set"),
        ev("quiz.closed"),
        ev("lesson.step"),
      ]);
      const stats = await storage.sessionStats("s1");
      expect(stats).toMatchObject({ events: 8, students: 2, questions: 1 });
      expect(stats.lastEventAt).toBeInstanceOf(Date);
      const page1 = await storage.readMarks("s1", 0, 3);
      expect(page1.map((e) => [e.seq, e.type])).toEqual([
        [2, "student.joined"],
        [4, "student.joined"],
        [5, "quiz.launched"],
      ]);
      expect(page1[0]!.payload).toEqual({ nickname: "Ada" });
      expect((await storage.readMarks("s1", 5, 10)).map((e) => e.seq)).toEqual([7, 8]);
      const times = await storage.eventTimes("s1", [8, 1, 99, 3]);
      expect(times.map((t) => t.seq)).toEqual([1, 3, 8]);
      expect(times[0]!.at).toBeInstanceOf(Date);
      await storage.append("s1", 9, [
        ev("training.started"),
        ev("training.round-started"),
        ev("entry.set"),
        ev("training.learning-rate-set"),
        ev("training.round-ended"),
        ev("training.stepped"),
        ev("training.stopped"),
      ]);
      expect((await storage.readMarks("s1", 8, 10)).map((e) => [e.seq, e.type])).toEqual([
        [9, "training.started"],
        [10, "training.round-started"],
        [13, "training.round-ended"],
        [14, "training.stepped"],
        [15, "training.stopped"],
      ]);
    });

    it("deletes one session with its log, snapshots, participants and replay links", async () => {
      await storage.createSession({ id: "s1", code: "AAAAAA" });
      await storage.createSession({ id: "s2", code: "CCCCCC" });
      await storage.append("s1", 1, [ev("a")]);
      await storage.saveSnapshot("s1", { seq: 1, state: {} });
      await storage.addParticipant({ id: "p", sessionId: "s1", role: "teacher", tokenHash: "e".repeat(64) });
      await storage.createReplayLink({ tokenHash: "d".repeat(64), sessionId: "s1", hideNames: true });
      await storage.createReplayLink({ tokenHash: "c".repeat(64), sessionId: "s2", hideNames: false });
      expect(await storage.deleteSession("s1")).toBe(true);
      expect(await storage.deleteSession("s1")).toBe(false);
      expect(await storage.getSession("s1")).toBeNull();
      expect(await storage.read("s1", 1)).toEqual([]);
      expect(await storage.snapshotSeqs("s1")).toEqual([]);
      expect(await storage.findParticipantByToken("e".repeat(64))).toBeNull();
      expect(await storage.findReplayLink("d".repeat(64))).toBeNull();
      expect(await storage.findReplayLink("c".repeat(64))).toMatchObject({ sessionId: "s2", hideNames: false });
    });

    it("stores replay links by token hash, one per hash", async () => {
      await storage.createSession({ id: "s1", code: "AAAAAA" });
      const link = await storage.createReplayLink({ tokenHash: "b".repeat(64), sessionId: "s1", hideNames: true });
      expect(link).toMatchObject({ tokenHash: "b".repeat(64), sessionId: "s1", hideNames: true });
      expect(link.createdAt).toBeInstanceOf(Date);
      expect(await storage.findReplayLink("b".repeat(64))).toEqual(link);
      expect(await storage.findReplayLink("a".repeat(64))).toBeNull();
      await expect(storage.createReplayLink({ tokenHash: "b".repeat(64), sessionId: "s1", hideNames: false })).rejects.toThrow();
    });

    it("hands a place to the holder of another participant's token, and the old token stops working", async () => {
      await storage.createSession({ id: "s1", code: "K7QF3M" });
      await storage.addParticipant({ id: "ada", sessionId: "s1", role: "student", tokenHash: "old-hash" });
      await storage.addParticipant({ id: "req", sessionId: "s1", role: "student", tokenHash: "new-hash" });
      await storage.transferParticipant("req", "ada");
      expect(await storage.findParticipantByToken("new-hash")).toEqual({ id: "ada", sessionId: "s1", role: "student", tokenHash: "new-hash" });
      expect(await storage.findParticipantByToken("old-hash")).toBeNull();
      await storage.transferParticipant("req", "ada");
      expect((await storage.findParticipantByToken("new-hash"))?.id).toBe("ada");
      await storage.removeParticipant("ada");
      expect(await storage.findParticipantByToken("new-hash")).toBeNull();
    });

    it("deletes sessions older than a cutoff with their events, snapshots and participants", async () => {
      const old = new Date(Date.now() - 40 * 86_400_000);
      await storage.createSession({ id: "old", code: "AAAAAA", createdAt: old });
      await storage.createSession({ id: "new", code: "CCCCCC" });
      await storage.append("old", 1, [ev("a")]);
      await storage.saveSnapshot("old", { seq: 1, state: {} });
      await storage.addParticipant({ id: "p", sessionId: "old", role: "teacher", tokenHash: "f".repeat(64) });
      await storage.append("new", 1, [ev("b")]);
      expect(await storage.deleteSessionsBefore(new Date(Date.now() - 30 * 86_400_000))).toEqual(["old"]);
      expect(await storage.getSession("old")).toBeNull();
      expect(await storage.read("old", 1)).toEqual([]);
      expect(await storage.latestSnapshot("old")).toBeNull();
      expect(await storage.findParticipantByToken("f".repeat(64))).toBeNull();
      expect((await storage.read("new", 1)).map((e) => e.type)).toEqual(["b"]);
    });

    it("finds a participant by token hash only", async () => {
      await storage.createSession({ id: "s1", code: "ABCDEF" });
      const hash = crypto.createHash("sha256").update(id()).digest("hex");
      await storage.addParticipant({ id: "p1", sessionId: "s1", role: "student", tokenHash: hash });
      expect(await storage.findParticipantByToken(hash)).toEqual({
        id: "p1",
        sessionId: "s1",
        role: "student",
        tokenHash: hash,
      });
      expect(await storage.findParticipantByToken("0".repeat(64))).toBeNull();
    });

    it("keeps the times an imported log gives its events, and ends a session at a given time", async () => {
      await storage.createSession({ id: "imp", code: "ABCDEF", createdAt: new Date("2026-01-02T03:04:05.000Z") });
      const at = new Date("2026-01-02T03:04:06.789Z");
      const [stored] = await storage.append("imp", 1, [{ type: "a", payload: {}, actor: null, at }]);
      expect(stored!.at.toISOString()).toBe("2026-01-02T03:04:06.789Z");
      expect((await storage.read("imp", 1))[0]!.at.toISOString()).toBe("2026-01-02T03:04:06.789Z");
      await storage.endSession("imp", new Date("2026-01-02T04:00:00.000Z"));
      expect(await storage.getSession("imp")).toMatchObject({ status: "ended", endedAt: new Date("2026-01-02T04:00:00.000Z") });
    });
  });
}
