/**
 * Routes that answer with a file instead of JSON (exports): the handler returns a
 * `Download`, and the dispatcher lets it write the response itself, chunk by chunk, waiting
 * for the socket to drain whenever the client reads slower than the server writes. Nothing
 * is written before the handler returns, so a refusal is still an ordinary JSON error.
 */
import type http from "node:http";
import { z } from "zod";

/** Writes a body a piece at a time through `write`, which resolves once the piece may be followed by the next. */
export type BodyWriter = (write: (chunk: string) => Promise<void>) => Promise<void>;

export class Download {
  constructor(
    readonly headers: http.OutgoingHttpHeaders,
    readonly body: BodyWriter,
  ) {}

  /**
   * A file to save: its type, and the name the browser saves it under.
   * @example
   * Download.attachment("text/csv; charset=utf-8", "synapse-K7QF3M-questions.csv", async (write) => write(csv));
   */
  static attachment(contentType: string, filename: string, body: BodyWriter): Download {
    return new Download({ "content-type": contentType, "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" }, body);
  }
}

/** The response schema of a download route: the handler's value is a `Download`, never JSON. */
export const downloadSchema = z.custom<Download>((value) => value instanceof Download);

/** The client went away before the whole body was written. */
export class ClientGoneError extends Error {
  constructor() {
    super("the client closed the connection during a download");
    this.name = "ClientGoneError";
  }
}

/**
 * Writes one chunk and resolves when the next may follow: at once while the socket's buffer
 * has room, after 'drain' when `write` said it is full (back-pressure).
 * @throws ClientGoneError when the connection closed first.
 */
export function writeChunk(res: http.ServerResponse, chunk: string): Promise<void> {
  if (res.destroyed) return Promise.reject(new ClientGoneError());
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new ClientGoneError());
    res.on("drain", onDrain);
    res.on("close", onClose);
  });
}

/**
 * Streams a download: its headers, then its body as the writer produces it.
 * @example
 * if (value instanceof Download) await sendDownload(res, value);
 */
export async function sendDownload(res: http.ServerResponse, download: Download): Promise<void> {
  res.writeHead(200, download.headers);
  await download.body((chunk) => writeChunk(res, chunk));
  res.end();
}
