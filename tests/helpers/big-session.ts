/**
 * A long session written straight into a database through the storage's append, in big
 * batches, as fast as the database takes it: a class of students joins the classifier
 * preset and moves its sliders until the log holds `events` events. For the export's
 * memory test and its benchmark; the server is started on the database afterwards.
 */
import crypto from "node:crypto";
import { openDatabase } from "../../db/client";
import { SqlStorage } from "../../db/sql-storage";
import type { NewEvent } from "../../db/storage";
import { getPreset } from "../../lib/lesson/presets";
import { hashToken, newToken } from "../../server/tokens";

export interface BigSession {
  sessionId: string;
  code: string;
  teacherToken: string;
  events: number;
}

/** Rows per append: the insert's parameters stay under PostgreSQL's 65,535. */
const BATCH = 10_000;

/**
 * @example
 * const big = await writeBigSession({ dataDir }, 200_000); // then start the server on dataDir
 */
export async function writeBigSession(db: { dataDir: string; databaseUrl?: string }, events: number, students = 200): Promise<BigSession> {
  const database = await openDatabase(db);
  try {
    const storage = new SqlStorage(database.db);
    const sessionId = crypto.randomUUID();
    const code = "K7QF3M";
    await storage.createSession({ id: sessionId, code });
    const teacherToken = newToken();
    await storage.addParticipant({ id: crypto.randomUUID(), sessionId, role: "teacher", tokenHash: hashToken(teacherToken) });
    const preset = getPreset("classifier");
    const ids = Array.from({ length: students }, () => crypto.randomUUID());
    const head: NewEvent[] = [
      { type: "session.created", payload: { id: sessionId, code, network: preset.network, inputs: preset.inputs, inputLabels: preset.inputLabels, outputLabels: preset.outputLabels, presetId: preset.id }, actor: null },
      ...ids.map((studentId, i) => ({ type: "student.joined", payload: { studentId, nickname: `Student ${i + 1}` }, actor: studentId })),
    ];
    let seq = 1;
    let pending = head;
    for (let n = head.length; ; ) {
      while (pending.length < BATCH && n < events) {
        const k = n % students;
        const studentId = ids[k]!;
        const t = n / events;
        // Students on the output layer (seats 4 and 5 of each 5) have three weights.
        const weights = k % 5 >= 3 ? [t, -t, 0.5] : [Math.round(t * 1000) / 1000, -0.25];
        pending.push({ type: "entry.set", payload: { studentId, values: { weights, bias: Math.round((n % 100) - 50) / 10 } }, actor: studentId });
        n++;
      }
      if (pending.length === 0) break;
      await storage.append(sessionId, seq, pending);
      seq += pending.length;
      pending = [];
      if (n >= events) break;
    }
    return { sessionId, code, teacherToken, events: seq - 1 };
  } finally {
    await database.close();
  }
}
