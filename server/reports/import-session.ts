/**
 * `POST /api/sessions/import`: a JSON export (docs/export.md) becomes a new, ended session
 * with a new id and code, its log checked and appended as it is read; the answer carries a
 * teacher token for it, so it opens as a replay. Nothing is left half-imported: on any
 * refusal or failure the new session is deleted with whatever of its log was appended.
 */
import crypto from "node:crypto";
import type http from "node:http";
import { CodeTakenError, type Storage } from "../../db/storage";
import { ProtocolError } from "../../lib/protocol/errors";
import type { ImportResponse } from "../../lib/protocol/replay";
import { generateJoinCode } from "../../lib/session/join-code";
import type { Logger } from "../logger";
import { hashToken, newToken } from "../tokens";
import { IMPORT_MAX_BYTES, readExport, uploadTooLarge, type ImportHeader } from "./import-body";
import { importRefusal, LogImporter } from "./log-importer";

const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** A new session row for the copy, ended at once so its code finds no live class. */
async function createCopy(storage: Storage, header: ImportHeader): Promise<{ sessionId: string; code: string }> {
  const sessionId = crypto.randomUUID();
  for (let attempt = 0; ; attempt++) {
    const code = generateJoinCode(crypto.randomInt);
    try {
      await storage.createSession({ id: sessionId, code, createdAt: new Date(header.session.createdAt) });
      await storage.endSession(sessionId);
      return { sessionId, code };
    } catch (err) {
      if (!(err instanceof CodeTakenError) || attempt >= 20) throw err;
    }
  }
}

/**
 * @example
 * const imported = await importSession(req, { storage, log }); // { sessionId, code, teacherToken, events }
 */
export async function importSession(req: http.IncomingMessage, ctx: { storage: Storage; log: Logger }, maxBytes = IMPORT_MAX_BYTES): Promise<ImportResponse> {
  if (!JSON_TYPE.test(req.headers["content-type"] ?? "")) {
    throw new ProtocolError("BAD_REQUEST", "Send the exported file as JSON (Content-Type: application/json).");
  }
  if (Number(req.headers["content-length"] ?? 0) > maxBytes) {
    throw uploadTooLarge(maxBytes);
  }
  const { storage } = ctx;
  // Filled in by the reader's callbacks as the file arrives.
  const job: { header?: ImportHeader; copy?: { sessionId: string; code: string }; importer?: LogImporter } = {};
  try {
    const { declared } = await readExport(
      req,
      {
        header: async (header) => {
          job.header = header;
          job.copy = await createCopy(storage, header);
          job.importer = new LogImporter(storage, job.copy);
        },
        event: (raw, where) => job.importer!.add(raw, where),
      },
      maxBytes,
    );
    const { header, copy, importer } = job;
    if (!header || !copy || !importer) throw importRefusal("the file", "it holds no session");
    if (importer.count !== declared) throw importRefusal("the file", `it holds ${importer.count} events but its header says ${declared}`);
    const { events, lastAt } = await importer.finish();
    await storage.endSession(copy.sessionId, header.session.endedAt ? new Date(header.session.endedAt) : lastAt);
    const teacherToken = newToken();
    await storage.addParticipant({ id: crypto.randomUUID(), sessionId: copy.sessionId, role: "teacher", tokenHash: hashToken(teacherToken) });
    ctx.log.info({ sessionId: copy.sessionId, code: copy.code, events }, "session imported");
    return { sessionId: copy.sessionId, code: copy.code, teacherToken, events };
  } catch (err) {
    // The rest of the upload is read and dropped, so the client gets the refusal, not a reset.
    req.resume();
    const failed = job.copy;
    if (failed) await storage.deleteSession(failed.sessionId).catch((e: unknown) => ctx.log.error({ err: e, sessionId: failed.sessionId }, "could not delete a failed import"));
    throw err;
  }
}
