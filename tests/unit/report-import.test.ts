/**
 * The JSON export and its import, on the in-memory storage: the export's layout line by
 * line, a round trip that keeps every event and gives the same report, a file read in tiny
 * chunks (UTF-8 split mid-character), a re-formatted small file, and bad files refused with
 * the line and seq named.
 */
import crypto from "node:crypto";
import { Readable } from "node:stream";
import { beforeEach, describe, expect, it } from "vitest";
import type { StoredEvent } from "../../db/storage";
import { ProtocolError } from "../../lib/protocol/errors";
import { reportOf } from "../../lib/report/builder";
import { parseStoredEvent } from "../../lib/session/event-schemas";
import { exportLog } from "../../server/reports/export-log";
import { readExport, TooLargeError, WHOLE_PARSE_MAX_BYTES } from "../../server/reports/import-body";
import { importSession } from "../../server/reports/import-session";
import { LogImporter } from "../../server/reports/log-importer";
import { createLogger } from "../../server/logger";
import type http from "node:http";
import { MemoryStorage } from "../helpers/memory-storage";
import { REPORT_LOG, T0, ZOE } from "./report-fixture";

const EXPORTED_AT = new Date("2026-03-04T05:06:07.000Z");
const createHash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** The fixture's log stored in a session of `storage`, with its own times. */
async function storedFixture(storage: MemoryStorage) {
  const session = await storage.createSession({ id: "s-1", code: "K7QF3M", createdAt: new Date(T0) });
  await storage.append(
    "s-1",
    1,
    REPORT_LOG.map((e) => ({ type: e.type, payload: e.payload, actor: e.actor, at: new Date(e.at!) })),
  );
  await storage.endSession("s-1", new Date(T0 + 100_000));
  return { ...session, status: "ended" as const, endedAt: new Date(T0 + 100_000) };
}

async function exportText(storage: MemoryStorage, session: Awaited<ReturnType<typeof storedFixture>>): Promise<string> {
  const parts: string[] = [];
  await exportLog(storage, session, () => EXPORTED_AT)(async (chunk) => void parts.push(chunk));
  return parts.join("");
}

/** Imports `text` (sent in chunks of `chunk` bytes) into a new session "copy" of a fresh storage. */
async function importText(text: string, chunk = 4096, maxBytes?: number) {
  const storage = new MemoryStorage();
  const bytes = Buffer.from(text, "utf8");
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  let importer: LogImporter | null = null;
  const { declared } = await readExport(
    Readable.from(chunks),
    {
      header: async () => {
        await storage.createSession({ id: "copy", code: "ACDEFG" });
        importer = new LogImporter(storage, { sessionId: "copy", code: "ACDEFG" }, 10);
      },
      event: (raw, where) => importer!.add(raw, where),
    },
    maxBytes,
  );
  const done = await importer!.finish();
  return { storage, declared, done, events: await storage.read("copy", 1) };
}

const asLogged = (rows: StoredEvent[]) => rows.map((r) => parseStoredEvent(r.sessionId, r));

async function refusal(promise: Promise<unknown>): Promise<{ status: number; message: string }> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ProtocolError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return { status: err.status, message: err.message };
}

describe("the JSON export", () => {
  let storage: MemoryStorage;
  let text: string;
  beforeEach(async () => {
    storage = new MemoryStorage();
    text = await exportText(storage, await storedFixture(storage));
  });

  it("is one JSON document with the header on the first line and one event per line", () => {
    const lines = text.split("\n");
    expect(lines).toHaveLength(REPORT_LOG.length + 3); // header, events, "]}", and the final newline
    expect(lines[0]).toBe(
      '{"format":"synapse-session-log","version":1,"exportedAt":"2026-03-04T05:06:07.000Z","session":{"sessionId":"s-1","code":"K7QF3M","status":"ended","createdAt":"2023-11-14T22:13:20.000Z","endedAt":"2023-11-14T22:15:00.000Z","events":32},"events":[',
    );
    expect(lines[1]).toBe(
      '{"seq":1,"type":"session.created","payload":' + JSON.stringify(REPORT_LOG[0]!.payload) + ',"actor":null,"at":"2023-11-14T22:13:20.000Z"},',
    );
    expect(lines[3]).toBe('{"seq":3,"type":"student.joined","payload":{"studentId":"p2","nickname":"=HYPERLINK(\\"http://x\\",\\"y\\")"},"actor":"p2","at":"2023-11-14T22:13:22.000Z"},');
    expect(lines[32]).toBe('{"seq":32,"type":"session.ended","payload":{},"actor":"t-1","at":"2023-11-14T22:15:00.000Z"}');
    expect(lines.slice(33)).toEqual(["]}", ""]);
    const doc = JSON.parse(text) as { events: { seq: number }[] };
    expect(doc.events.map((e) => e.seq)).toEqual(REPORT_LOG.map((e) => e.seq));
  });

  it("imports back into a new session: the same events with their times, the new id and code, the same report", async () => {
    const { events, declared, done } = await importText(text);
    expect(declared).toBe(32);
    expect(done.events).toBe(32);
    const original = await storage.read("s-1", 1);
    expect(events.map(({ sessionId: _s, ...e }) => e)).toEqual(
      original.map(({ sessionId: _s, ...e }) => (e.seq === 1 ? { ...e, payload: { ...(e.payload as object), id: "copy", code: "ACDEFG" } } : e)),
    );
    const report = reportOf(asLogged(events), { sessionId: "s-1", code: "K7QF3M" });
    expect(report).toEqual(reportOf(REPORT_LOG, { sessionId: "s-1", code: "K7QF3M" }));
    expect(report.students.map((s) => s.nickname)).toContain(ZOE);
  });

  it("reads the file in chunks of 3 bytes, cutting accents and emoji in half", async () => {
    const { events } = await importText(text, 3);
    expect(events).toHaveLength(32);
    expect(events[3]!.payload).toEqual({ studentId: "p3", nickname: ZOE });
  });

  it("writes a snapshot every page, as the room does, and ends a log that was not ended", async () => {
    const live = text.replace(/\n\{"seq":32,[^\n]*\n/, "\n").replace(/\},\n\]\}/, "}\n]}").replace('"events":32}', '"events":31}');
    const { storage: copy, events, done } = await importText(live);
    expect(done.events).toBe(32);
    expect(events[31]).toMatchObject({ seq: 32, type: "session.ended", actor: null, at: new Date(T0 + 95_000) });
    expect(await copy.snapshotSeqs("copy")).toEqual([10, 20, 30]);
    const snap = (await copy.latestSnapshot("copy"))!.state as { version: number; state: { id: string; students: object } };
    expect(snap.state.id).toBe("copy");
    expect(Object.keys(snap.state.students)).toEqual(["p1", "p2", "p3"]);
  });

  it("takes a small file that an editor re-formatted, read whole", async () => {
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    const { events } = await importText(pretty);
    expect(events).toHaveLength(32);
    expect(events[31]!.type).toBe("session.ended");
  });

  it("refuses a re-formatted file past the size read whole, and any file past the import's cap (413)", async () => {
    const huge = `${JSON.stringify(JSON.parse(text))}${" ".repeat(WHOLE_PARSE_MAX_BYTES)}`;
    const whole = await refusal(importText(huge, 1 << 20));
    expect(whole).toEqual({ status: 413, message: expect.stringContaining("read whole, up to 16 MB") });
    const capped = await refusal(importText(text, 4096, 1_000));
    expect(capped).toEqual({ status: 413, message: "This file is larger than 1000 bytes, the most an import takes." });
    expect(new TooLargeError("x").status).toBe(413);
  });

  describe("refuses a bad file, naming the line and seq", () => {
    const lines = () => text.split("\n");
    const edit = (n: number, change: (line: string) => string) => lines().map((l, i) => (i === n - 1 ? change(l) : l)).join("\n");

    it.each([
      ["a gap in the seqs", () => edit(6, (l) => l.replace('"seq":5', '"seq":7')), "line 6 (seq 7): expected seq 5: events must be numbered 1, 2, 3… with no gap"],
      ["a payload its schema refuses", () => edit(6, (l) => l.replace('"bias":0.25', '"bias":"high"')), "line 6 (seq 5): entry.set: values.bias: Invalid input: expected number, received string"],
      ["an unknown event type", () => edit(4, (l) => l.replace("student.joined", "student.teleported")), 'line 4 (seq 3): unknown event type "student.teleported"'],
      ["a line that is not JSON", () => edit(5, (l) => l.slice(0, 20)), "line 5: not valid JSON"],
      ["an event without its time", () => edit(5, (l) => l.replace(/,"at":"[^"]*"/, "")), "line 5: not an event (at: Invalid input: expected string, received undefined)"],
      ["a log that does not start with session.created", () => [lines()[0], ...lines().slice(2)].join("\n").replace(/"seq":(\d+)/g, (_, n: string) => `"seq":${Number(n) - 1}`), "line 2 (seq 1): a log starts with session.created, not student.joined"],
      ["a second session.created", () => edit(3, () => lines()[1]!.replace('"seq":1', '"seq":2')), "line 3 (seq 2): session.created may only be the first event"],
      ["a file cut short", () => lines().slice(0, 20).join("\n"), 'line 20: the file ends before the log does (no closing "]}"): was the download cut short?'],
      ["a comma after the last event", () => edit(33, (l) => `${l},`), "line 34: the last event is followed by a comma"],
      ["text after the end", () => `${text}{"more":1}\n`, "line 35: there is text after the end of the log"],
      ["another file altogether", () => '{"format":"synapse-question-bank","version":1,"events":[\n]}', 'line 1: this is not a Synapse session log (its "format" should be "synapse-session-log")'],
      ["an empty file", () => "", "the file: it is empty"],
      ["a file that is not JSON at all", () => "hello,world\n1,2\n", "the file: not valid JSON"],
    ])("%s", async (_name, make, where) => {
      const { status, message } = await refusal(importText(make()));
      expect({ status, message }).toEqual({ status: 400, message: `This file cannot be imported: ${where}. Nothing was imported.` });
    });
  });
});

describe("importing over the storage", () => {
  /** A storage that remembers which sessions were created in it. */
  class Watched extends MemoryStorage {
    created: string[] = [];
    override async createSession(s: { id: string; code: string; createdAt?: Date }) {
      this.created.push(s.id);
      return super.createSession(s);
    }
  }
  const request = (text: string) => Object.assign(Readable.from([Buffer.from(text)]), { headers: { "content-type": "application/json" } }) as unknown as http.IncomingMessage;
  const log = createLogger("silent");

  /** A log of 2,500 events: the fixture's creation and joins, then moves. */
  async function longLog(): Promise<string[]> {
    const storage = new MemoryStorage();
    const lines = (await exportText(storage, await storedFixture(storage))).split("\n");
    const moves = Array.from({ length: 2_496 }, (_, i) =>
      JSON.stringify({ seq: i + 5, type: "entry.set", payload: { studentId: "p1", values: { weights: [i / 1000, 0], bias: 0 } }, actor: "p1", at: new Date(T0 + 5_000 + i).toISOString() }),
    );
    return [lines[0]!.replace('"events":32', '"events":2500'), ...lines.slice(1, 5), ...moves.map((m) => `${m},`)].map((l, i, all) => (i === all.length - 1 ? l.slice(0, -1) : l)).concat(["]}", ""]);
  }

  it("creates an ended session with its own code, its snapshots and a teacher, and leaves the original's times", async () => {
    const storage = new Watched();
    const lines = await longLog();
    const result = await importSession(request(lines.join("\n")), { storage, log });
    expect(result).toMatchObject({ events: 2_501, sessionId: storage.created[0] });
    const session = await storage.getSession(result.sessionId);
    expect(session).toMatchObject({ code: result.code, status: "ended", createdAt: new Date(T0), endedAt: new Date(T0 + 100_000) });
    expect(await storage.snapshotSeqs(result.sessionId)).toEqual([1000, 2000]);
    expect((await storage.read(result.sessionId, 2_501))[0]).toMatchObject({ type: "session.ended", actor: null });
    expect(await storage.findParticipantByToken(createHash(result.teacherToken))).toMatchObject({ sessionId: result.sessionId, role: "teacher" });
  });

  it("deletes everything of a file refused after two pages were appended", async () => {
    const storage = new Watched();
    const lines = await longLog();
    lines[2_450] = lines[2_450]!.replace(/"seq":\d+/, '"seq":9999');
    const err = await importSession(request(lines.join("\n")), { storage, log }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProtocolError);
    expect((err as Error).message).toBe("This file cannot be imported: line 2451 (seq 9999): expected seq 2450: events must be numbered 1, 2, 3… with no gap. Nothing was imported.");
    const [id] = storage.created;
    expect(id).toBeDefined();
    expect(await storage.getSession(id!)).toBeNull();
    expect(await storage.read(id!, 1)).toEqual([]);
    expect(await storage.snapshotSeqs(id!)).toEqual([]);
  });
});
