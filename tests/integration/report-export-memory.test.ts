/**
 * The JSON export of a 200,000-event session keeps the server's memory flat: the log is
 * written into the database straight through the storage (200 students moving sliders),
 * the real server is started on it with its JavaScript heap capped at 128 MB, and the
 * export (about 45 MB) is downloaded while the server's RSS is sampled from
 * /proc/<pid>/status. A server that gathered the log before writing it runs out of that
 * heap and dies (tried: the connection is reset); this one streams it page by page. The
 * download's size and lines are checked, and the report of the same session, folded page
 * by page, runs first (which also brings the database's cache to its working size).
 */
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sessionReportSchema } from "../../lib/protocol/replay";
import { writeBigSession, type BigSession } from "../helpers/big-session";
import { describeEachDatabase, freshStorage, POSTGRES_URL, type ServerStorage } from "../helpers/databases";
import { startServer, type ServerProcess } from "../helpers/server-process";

const EVENTS = 200_000;
const STUDENTS = 200;
const MB = 1024 * 1024;
/** The server needs 64 to 96 MB of old space to start and serve; holding this log needs well over 128. */
const HEAP_CAP_MB = 128;

/** The server's resident memory now, in bytes. */
function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!kb) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb[1]) * 1024;
}

describeEachDatabase("exporting a 200,000-event session", (db) => {
  let storage: ServerStorage;
  let server: ServerProcess;
  let big: BigSession;

  beforeAll(async () => {
    storage = await freshStorage(db);
    big = await writeBigSession(db === "pglite" ? { dataDir: storage.env.DATA_DIR! } : { dataDir: "", databaseUrl: storage.env.DATABASE_URL ?? POSTGRES_URL }, EVENTS, STUDENTS);
    server = await startServer({ ...storage.env, NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await storage?.dispose();
  });

  const auth = () => ({ authorization: `Bearer ${big.teacherToken}` });

  it("reports on the whole log, folded page by page", async () => {
    const res = await fetch(`${server.url}/api/sessions/${big.sessionId}/report`, { headers: auth() });
    expect(res.status).toBe(200);
    const report = sessionReportSchema.parse(await res.json());
    expect(report.questions).toEqual([]);
    expect(report.students).toHaveLength(STUDENTS);
    // Every event after the creation and the joins is one student's move, taken in turn.
    const moves = EVENTS - 1 - STUDENTS;
    expect(report.students.reduce((sum, s) => sum + s.moves, 0)).toBe(moves);
    // Moves start at seq 202 with the second student (201 % 200 = 1): the first moves at seqs 401, 601… 199,801.
    expect(report.students[0]).toMatchObject({ nickname: "Student 1", seat: "Hidden layer, neuron 1", moves: 998 });
    expect(report.students[1]).toMatchObject({ nickname: "Student 2", seat: "Hidden layer, neuron 2", moves: 999 });
  }, 120_000);

  it("streams the log page by page within a capped heap, and the server's memory stays flat", async () => {
    const pid = server.proc.pid!;
    let bytes = 0;
    let newlines = 0;
    let head = "";
    let tail = "";
    const base = rssOf(pid);
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
    const started = Date.now();
    try {
      await new Promise<void>((resolve, reject) => {
        const req = http.get(`${server.url}/api/sessions/${big.sessionId}/export.json`, { headers: auth() }, (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
          expect(res.headers["content-disposition"]).toBe(`attachment; filename="synapse-${big.code}-log.json"`);
          res.setEncoding("utf8");
          res.on("data", (text: string) => {
            bytes += Buffer.byteLength(text);
            for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) newlines++;
            if (head.length < 4096) head += text;
            tail = (tail + text).slice(-4096);
          });
          res.on("end", resolve);
          res.on("error", reject);
        });
        req.on("error", reject);
      });
    } finally {
      clearInterval(sampler);
    }

    // The download: a header line, one line per event, the closing line, each ended by "\n".
    expect(newlines).toBe(EVENTS + 2);
    const header = JSON.parse(`${head.slice(0, head.indexOf("\n"))}]}`) as { format: string; session: { events: number; sessionId: string } };
    expect(header).toMatchObject({ format: "synapse-session-log", session: { events: EVENTS, sessionId: big.sessionId } });
    const last = tail.trimEnd().split("\n").slice(-2);
    expect(last[1]).toBe("]}");
    expect(JSON.parse(last[0]!)).toMatchObject({ seq: EVENTS, type: "entry.set" });
    expect(bytes).toBeGreaterThan(40 * MB);

    // The server is still up within its heap, and its memory grew by less than the file it sent
    // (measured: 3 MB on PostgreSQL, 3 to 18 MB on PGlite, whose database lives in the process;
    // a server that gathered the log would need several times the file, and dies in this heap).
    expect(server.proc.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(peak - base).toBeLessThan(bytes * 0.6);
    console.info(
      `export of ${EVENTS} events: ${(bytes / MB).toFixed(1)} MB; server RSS ${(base / MB).toFixed(0)} MB before, ` +
        `+${((peak - base) / MB).toFixed(1)} MB at most; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 120_000);
});
