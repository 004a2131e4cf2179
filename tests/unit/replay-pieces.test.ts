/**
 * The pure pieces of replays: the bounded time sampler, the timeline's time → seq index,
 * and the marks' labels.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { MARK_EVENT_TYPES } from "../../db/storage";
import { lossChange, MarkBuilder, stepLabel } from "../../server/replay/marks";
import { thin, TimeSampler } from "../../server/replay/sampler";
import { buildTimeline, sampleSeqs } from "../../server/replay/timeline";

describe("TimeSampler", () => {
  it("keeps everything while there is room", () => {
    const s = new TimeSampler<{ seq: number; at: number }>(10, 1);
    for (let i = 1; i <= 5; i++) s.add({ seq: i, at: i * 10 });
    expect(s.points().map((p) => p.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps at most max points, the first and the last always, spread evenly in time", () => {
    const s = new TimeSampler<{ seq: number; at: number }>(50, 1);
    // A million moves in an hour, denser in the first minute.
    let seq = 0;
    for (let i = 0; i < 20_000; i++) s.add({ seq: ++seq, at: i * 3 });
    for (let i = 0; i < 100_000; i++) s.add({ seq: ++seq, at: 60_000 + i * 35 });
    const points = s.points();
    expect(points.length).toBeLessThanOrEqual(50);
    expect(points.length).toBeGreaterThan(20);
    expect(points[0]!.seq).toBe(1);
    expect(points.at(-1)!.seq).toBe(seq);
    for (let i = 1; i < points.length; i++) expect(points[i]!.seq).toBeGreaterThan(points[i - 1]!.seq);
    // Evenly in time: no gap between two points is much wider than the span over the count.
    const span = points.at(-1)!.at - points[0]!.at;
    const widest = Math.max(...points.slice(1).map((p, i) => p.at - points[i]!.at));
    expect(widest).toBeLessThanOrEqual((4 * span) / points.length);
  });

  it("refuses a capacity too small to hold the ends", () => {
    expect(() => new TimeSampler(2)).toThrow(/at least 3/);
  });
});

describe("thin and sampleSeqs", () => {
  it("spread picks evenly and keep both ends", () => {
    expect(thin([1, 2, 3, 4, 5], 3)).toEqual([1, 3, 5]);
    expect(thin([1, 2], 5)).toEqual([1, 2]);
    expect(sampleSeqs(1_000, 5)).toEqual([1, 251, 501, 750, 1000]);
    expect(sampleSeqs(3, 10)).toEqual([1, 2, 3]);
    expect(sampleSeqs(0, 10)).toEqual([]);
  });
});

describe("buildTimeline", () => {
  it("merges samples and marks, increasing in both, the last seq of a shared time kept", () => {
    const samples = [
      { seq: 1, at: 100 },
      { seq: 5, at: 200 },
      { seq: 9, at: 200 },
      { seq: 12, at: 300 },
    ];
    const marks = [{ seq: 7, at: 200 }, { seq: 10, at: 190 }];
    // seq 10's clock stepped back: it counts as at the same time as before it.
    expect(buildTimeline(samples, marks)).toEqual([
      [100, 1],
      [200, 10],
      [300, 12],
    ]);
  });

  it("holds at most the maximum, from the first point to the last", () => {
    const samples = Array.from({ length: 5_000 }, (_, i) => ({ seq: i + 1, at: i * 10 }));
    const out = buildTimeline(samples, [], 2_000);
    expect(out).toHaveLength(2_000);
    expect(out[0]).toEqual([0, 1]);
    expect(out.at(-1)).toEqual([49_990, 5_000]);
  });
});

describe("marks", () => {
  const at = 1_700_000_000_000;
  const events = [
    { seq: 3, type: "student.joined", payload: { studentId: "a", nickname: "Ada" }, at: at + 1 },
    { seq: 8, type: "lesson.step", payload: { step: 2 }, at: at + 2 },
    { seq: 9, type: "quiz.launched", payload: { runId: "r1", number: 1 }, at: at + 3 },
    { seq: 12, type: "quiz.closed", payload: { runId: "r1", reason: "teacher" }, at: at + 4 },
    { seq: 13, type: "quiz.launched", payload: { runId: "r2", number: 2 }, at: at + 5 },
    { seq: 14, type: "quiz.revealed", payload: { runId: "r2" }, at: at + 6 },
    { seq: 15, type: "lesson.step", payload: { step: null }, at: at + 7 },
  ];

  it("labels each moment, with a start and, while live, an end at the head", () => {
    const b = new MarkBuilder({ hideNames: false });
    for (const e of events) b.add(e);
    expect(b.finish({ at }, { seq: 20, at: at + 9 }).map((m) => [m.seq, m.kind, m.label])).toEqual([
      [1, "start", "Start"],
      [3, "join", "Ada joined"],
      [8, "step", "Step 3: Why depth matters"],
      [9, "launch", "Question 1 launched"],
      [12, "close", "Question 1 closed"],
      [13, "launch", "Question 2 launched"],
      [14, "reveal", "Question 2 revealed"],
      [15, "step", "Free play"],
      [20, "end", "Now (the class is live)"],
    ]);
  });

  it("names nobody when names are hidden, and ends at the session's end event", () => {
    const b = new MarkBuilder({ hideNames: true });
    for (const e of [...events, { seq: 16, type: "session.ended", payload: {}, at: at + 8 }]) b.add(e);
    const marks = b.finish({ at }, { seq: 16, at: at + 8 });
    expect(marks.find((m) => m.kind === "join")!.label).toBe("A student joined");
    expect(marks.at(-1)).toEqual({ seq: 16, at: at + 8, kind: "end", label: "End" });
    expect(marks.filter((m) => m.kind === "end")).toHaveLength(1);
  });

  it("labels training mode's moments, each round's losses kept from its start across pages", () => {
    const training = [
      { seq: 20, type: "training.started", payload: { dataset: { title: "XOR" }, learningRate: 2 }, at: at + 10 },
      { seq: 21, type: "training.round-started", payload: { round: 1, at: at + 11, lossBefore: 0.1724 }, at: at + 11 },
      { seq: 40, type: "training.round-ended", payload: { round: 1, at: at + 12, lossAfter: 0.166 }, at: at + 12 },
      { seq: 41, type: "training.stepped", payload: { lossBefore: 0.166, lossAfter: 0.1519, at: at + 13 }, at: at + 13 },
      { seq: 42, type: "training.round-started", payload: { round: 2, at: at + 14, lossBefore: 0.1519 }, at: at + 14 },
      { seq: 50, type: "training.stopped", payload: {}, at: at + 15 },
      { seq: 51, type: "training.started", payload: { dataset: { title: "Spam" }, learningRate: 1 }, at: at + 16 },
      { seq: 52, type: "training.round-ended", payload: { round: 2, at: at + 17, lossAfter: 0.3 }, at: at + 17 },
    ];
    const b = new MarkBuilder({ hideNames: true });
    // Two pages: the builder is the same object between them, as the meta's paged read uses it.
    for (const e of training.slice(0, 2)) b.add(e);
    for (const e of training.slice(2)) b.add(e);
    expect(b.marks.map((m) => [m.seq, m.kind, m.label])).toEqual([
      [20, "training", "Training started: XOR"],
      [21, "training", "Round 1 started"],
      [40, "training", "Round 1 ended: loss 0.172 → 0.166"],
      [41, "training", "Automatic step: loss 0.166 → 0.152"],
      [42, "training", "Round 2 started"],
      [50, "training", "Training stopped"],
      [51, "training", "Training started: Spam"],
      // A new data set starts the rounds again: the old round 2's start is not this one's.
      [52, "training", "Round 2 ended: loss 0.300"],
    ]);
  });

  it("writes a loss change with three decimals", () => {
    expect(lossChange(0.1724, 0.166)).toBe("loss 0.172 → 0.166");
    expect(lossChange(null, 0.166)).toBe("loss 0.166");
  });

  it("labels steps from the lesson", () => {
    expect(stepLabel(0)).toBe("Step 1: One artificial neuron");
    expect(stepLabel(99)).toBe("Step 100");
  });
});

describe("the marked events' index", () => {
  it("covers exactly the types the marks and the summary read, as the last migration that builds it says", () => {
    const folder = new URL("../../drizzle/", import.meta.url);
    const migrations = fs
      .readdirSync(folder)
      .filter((f) => f.endsWith(".sql"))
      .sort()
      .map((f) => fs.readFileSync(new URL(f, folder), "utf8"));
    const built = migrations.flatMap((m) => [...m.matchAll(/CREATE INDEX "events_marks_idx"[^;]*WHERE "events"\."type" in \(([^)]*)\)/g)]);
    expect(built.length).toBeGreaterThan(1);
    expect(built.at(-1)![1]!.split(", ").map((t) => t.replace(/'/g, ""))).toEqual([...MARK_EVENT_TYPES]);
  });
});
