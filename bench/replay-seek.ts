/**
 * Replay seek benchmark: `npm run bench:replay -- [--students 200] [--events 1000000] [--seeks 200] [--no-write]`.
 *
 * Generates a one-hour class of `students` students moving their sliders (`events` events
 * in all) with the real rules and reducer (decide + applyEvent), writes it through the
 * storage's append in big batches to PGlite in a temp directory, with a snapshot every
 * 1,000 events at the ends of 25 ms ticks, as the room writes them (server/rooms/room.ts).
 * Then times, cold (no seek cache): the state at random seqs and at the worst seqs (just
 * before a snapshot), the replay meta, a page of events for a link, and the one-pass
 * neuron history (first time, then cached). Appends the figures to docs/benchmarks.md.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { SqlStorage } from "../db/sql-storage";
import type { NewEvent, SessionRecord } from "../db/storage";
import { DEFAULT_PRESET_ID, getPreset } from "../lib/lesson/presets";
import { seeded } from "../lib/quiz/parametric";
import { decide, decideJoin } from "../lib/session/decide";
import type { SessionEvent } from "../lib/session/events";
import { applyEvent, createState } from "../lib/session/reducer";
import type { SessionState } from "../lib/session/state";
import { ReplayReader } from "../server/replay/reader";
import { stateAt } from "../server/replay/seek";
import { toSnapshot } from "../server/rooms/load-state";
import { summarize, type Summary } from "./lib/stats";

const { values: args } = parseArgs({
  options: {
    students: { type: "string", default: "200" },
    events: { type: "string", default: "1000000" },
    seeks: { type: "string", default: "200" },
    /** Keep the generated class here and reuse it on the next run (generating takes minutes). */
    "data-dir": { type: "string" },
    "no-write": { type: "boolean", default: false },
  },
});
const STUDENTS = Number(args.students);
const EVENTS = Number(args.events);
const SEEKS = Number(args.seeks);
const HOUR_MS = 3_600_000;
const TICK_EVENTS = Math.max(1, Math.round(EVENTS / (HOUR_MS / 25))); // events per 25 ms tick over the hour
const SNAPSHOT_EVERY = 1_000;
const APPEND_BATCH = 5_000;
const ROOT = path.resolve(import.meta.dirname, "..");

const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number) => x.toFixed(1);
const line = (s: Summary) => `p50 ${fmt(s.p50)} / p99 ${fmt(s.p99)} / max ${fmt(s.max)} ms (n ${s.n})`;


async function generate(storage: SqlStorage, sessionId: string): Promise<{ head: number; snapshots: number; seconds: number }> {
  const t0 = performance.now();
  const random = seeded(17);
  const preset = getPreset(DEFAULT_PRESET_ID);
  const created: Extract<SessionEvent, { type: "session.created" }> = {
    type: "session.created",
    payload: { id: sessionId, code: "BENCH7", network: preset.network, inputs: preset.inputs, inputLabels: preset.inputLabels, outputLabels: preset.outputLabels, presetId: preset.id },
  };
  let state: SessionState = createState(created);
  // Stored times follow the simulated hour, one 25 ms tick after another, as the room stamps them.
  const startAt = Date.now() - HOUR_MS;
  let ticks = 0;
  const tickTime = () => new Date(startAt + ticks * 25);
  let pending: NewEvent[] = [{ type: created.type, payload: created.payload, actor: null, at: tickTime() }];
  let written = 0;
  let inTick = 0;
  let sinceSnapshot = 0;
  let snapshots: { seq: number; state: unknown }[] = [];
  let snapshotCount = 0;
  const flush = async () => {
    if (pending.length > 0) await storage.append(sessionId, written + 1, pending);
    written += pending.length;
    pending = [];
    for (const s of snapshots) await storage.saveSnapshot(sessionId, s);
    snapshotCount += snapshots.length;
    snapshots = [];
  };
  const push = async (events: SessionEvent[], actor: string | null) => {
    for (const e of events) {
      state = applyEvent(state, e);
      pending.push({ type: e.type, payload: e.payload, actor, at: tickTime() });
      inTick++;
    }
    if (inTick >= TICK_EVENTS) {
      // The end of a tick: the room commits it, and snapshots once 1,000 events have passed.
      sinceSnapshot += inTick;
      inTick = 0;
      ticks++;
      if (sinceSnapshot >= SNAPSHOT_EVERY) {
        sinceSnapshot = 0;
        snapshots.push({ seq: written + pending.length, state: toSnapshot(state) });
      }
    }
    if (pending.length >= APPEND_BATCH) await flush();
  };
  const ids: string[] = [];
  for (let i = 0; i < STUDENTS; i++) {
    const id = crypto.randomUUID();
    const d = decideJoin(state, id, `Student ${i + 1}`);
    if ("refusal" in d) throw new Error(d.refusal.message);
    ids.push(id);
    await push(d.events, id);
  }
  const start = Date.now();
  while (written + pending.length < EVENTS) {
    const id = ids[Math.floor(random() * ids.length)]!;
    const now = start + ((written + pending.length) / EVENTS) * HOUR_MS;
    const payload = random() < 0.5 ? { bias: Math.round((random() * 10 - 5) * 1000) / 1000 } : { weights: state.network.layers[state.students[id]!.seat!.layer]!.neurons[state.students[id]!.seat!.neuron]!.weights.map(() => Math.round((random() * 10 - 5) * 1000) / 1000) };
    const d = decide(state, { role: "student", id }, { name: "neuron:set", payload }, { now, random });
    if ("refusal" in d) throw new Error(d.refusal.message);
    await push(d.events, id);
    if ((written + pending.length) % 100_000 < d.events.length) log(`generated ${written + pending.length} events`);
  }
  await flush();
  return { head: written, snapshots: snapshotCount, seconds: ms(t0) / 1000 };
}

async function main(): Promise<void> {
  const keep = args["data-dir"];
  const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), "replay-server-bench-"));
  const database = await openDatabase({ dataDir: dir });
  try {
    const storage = new SqlStorage(database.db);
    let session: SessionRecord | null = await storage.findLiveSessionByCode("BENCH7");
    let gen: { head: number; snapshots: number; seconds: number };
    if (session) {
      gen = { head: await storage.headSeq(session.id), snapshots: (await storage.snapshotSeqs(session.id)).length, seconds: NaN };
      log(`reusing ${gen.head} events in ${dir}`);
    } else {
      session = await storage.createSession({ id: crypto.randomUUID(), code: "BENCH7" });
      log(`generating ${EVENTS} events for ${STUDENTS} students (${TICK_EVENTS} per 25 ms tick) in ${dir}`);
      gen = await generate(storage, session.id);
      log(`generated ${gen.head} events, ${gen.snapshots} snapshots in ${fmt(gen.seconds)} s`);
    }
    const sessionId = session.id;
    const size = async (table: string) =>
      Number(((await database.db.execute(sql.raw(`select pg_total_relation_size('${table}') as n`))) as unknown as { rows: { n: string }[] }).rows[0]!.n);
    const [eventsBytes, snapshotBytes] = [await size("events"), await size("snapshots")];
    const snapshotSample = JSON.stringify((await storage.latestSnapshot(sessionId))!.state).length;
    log(`sizes read: events ${fmt(eventsBytes / 1e6)} MB, snapshots ${fmt(snapshotBytes / 1e6)} MB`);

    const random = seeded(99);
    const randomSeeks: number[] = [];
    for (let i = 0; i < SEEKS; i++) {
      const seq = 1 + Math.floor(random() * gen.head);
      const t0 = performance.now();
      const found = await stateAt(storage, sessionId, seq);
      randomSeeks.push(ms(t0));
      if (i < 3 || i % 50 === 0) log(`seek ${i}: seq ${seq} in ${fmt(randomSeeks.at(-1)!)} ms`);
      if (found?.seq !== seq) throw new Error(`seek to ${seq} gave ${found?.seq}`);
    }
    const seqs = await storage.snapshotSeqs(sessionId);
    const worstSeeks: number[] = [];
    for (let i = 0; i < 20; i++) {
      const at = seqs[1 + Math.floor(random() * (seqs.length - 1))]! - 1;
      const t0 = performance.now();
      await stateAt(storage, sessionId, at);
      worstSeeks.push(ms(t0));
    }
    const reader = new ReplayReader(storage);
    const teacher = { viewer: "teacher" as const, hideNames: false as const, session };
    const link = { viewer: "link" as const, hideNames: true, session };
    log("timing the meta, a page of events and the history pass");
    let t0 = performance.now();
    const meta = await reader.meta(teacher);
    const metaMs = ms(t0);
    t0 = performance.now();
    await reader.events(link, Math.floor(gen.head / 2), 2_000);
    const eventsPageMs = ms(t0);
    const rssBefore = process.memoryUsage().rss;
    t0 = performance.now();
    const history = await reader.neuron(teacher, 0, 0);
    const historyMs = ms(t0);
    const rssAfter = process.memoryUsage().rss;
    t0 = performance.now();
    await reader.prediction(teacher);
    const cachedMs = ms(t0);

    const all = summarize([...randomSeeks, ...worstSeeks]);
    const results = [
      `- Generated: ${gen.head.toLocaleString("en")} events (${STUDENTS} students moving sliders over a simulated hour, ${TICK_EVENTS} events per 25 ms tick), ${gen.snapshots} snapshots, written in ${fmt(gen.seconds)} s.`,
      `- Storage: events ${fmt(eventsBytes / 1e6)} MB, snapshots ${fmt(snapshotBytes / 1e6)} MB (${seqs.length} kept, one state ≈ ${fmt(snapshotSample / 1e3)} KB as JSON): keeping every snapshot costs ${fmt((100 * snapshotBytes) / eventsBytes)}% of the log's size.`,
      `- Seek (state at a seq, cold: nearest snapshot + fold), ${SEEKS} random seqs: ${line(summarize(randomSeeks))}.`,
      `- Seek just before a snapshot (the longest fold, ~1,000 events), 20 seqs: ${line(summarize(worstSeeks))}.`,
      `- All seeks: ${line(all)}; target "under 200 ms for any moment": ${all.max < 200 ? "met" : "not met"}.`,
      `- Replay meta (${meta.marks.length} marks, ${meta.timeline.length} timeline points): ${fmt(metaMs)} ms; a page of 2,000 events for a link (seek + fold + projection): ${fmt(eventsPageMs)} ms.`,
      `- Neuron history, first request (one paged pass over the whole log, ${history.points.length} points): ${fmt(historyMs / 1000)} s, RSS ${fmt(rssBefore / 1e6)} → ${fmt(rssAfter / 1e6)} MB; the prediction series afterwards from the cached pass: ${fmt(cachedMs)} ms.`,
    ];
    console.log(results.join("\n"));
    if (!args["no-write"]) {
      const entry = [
        "",
        `## ${new Date().toISOString().slice(0, 10)}: replay seek in a one-hour class of ${STUDENTS} students`,
        "",
        `- Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 1e9)} GB RAM, Node ${process.version}; PGlite in a temp directory, in the bench's process (\`npm run bench:replay\`, bench/replay-seek.ts).`,
        ...results,
        "",
      ].join("\n");
      fs.appendFileSync(path.join(ROOT, "docs", "benchmarks.md"), entry);
      log("appended to docs/benchmarks.md");
    }
  } finally {
    await database.close();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
