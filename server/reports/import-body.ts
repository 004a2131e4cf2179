/**
 * Reads an uploaded JSON export a line at a time, never whole: the body is a stream capped
 * at IMPORT_MAX_BYTES (413 beyond). A file laid out as the export writes it (docs/export.md)
 * is checked line by line; any other layout of the same JSON (a small file re-formatted by
 * an editor) is parsed whole, up to WHOLE_PARSE_MAX_BYTES.
 */
import type http from "node:http";
import { formatIssues } from "../../lib/protocol/format-issues";
import { ProtocolError } from "../../lib/protocol/errors";
import { CLOSING_LINE, exportDocumentSchema, exportHeaderSchema, LOG_FORMAT } from "./export-format";
import { importRefusal } from "./log-importer";
import type { z } from "zod";

/** The largest upload taken at all (about 1.3 million events of a busy class). */
export const IMPORT_MAX_BYTES = 256 * 1024 * 1024;
/** The largest file taken in another layout than one event per line, which is parsed whole. */
export const WHOLE_PARSE_MAX_BYTES = 16 * 1024 * 1024;

/** 413: the status says it; no error code of the protocol stands for a size. */
export class TooLargeError extends ProtocolError {
  override readonly status = 413;
  constructor(message: string) {
    super("BAD_REQUEST", message);
  }
}

const MB = 1024 * 1024;
/** The upload is past `limit` bytes in all. */
export const uploadTooLarge = (limit: number) =>
  new TooLargeError(`This file is larger than ${limit >= MB ? `${Math.round((limit / MB) * 100) / 100} MB` : `${limit} bytes`}, the most an import takes.`);
const wholeTooLarge = () =>
  new TooLargeError(
    `A log that is not laid out one event per line is read whole, up to ${WHOLE_PARSE_MAX_BYTES / MB} MB: import the file exactly as Synapse exported it.`,
  );

/**
 * The body's lines (without their line ends), decoded as UTF-8 across chunk boundaries.
 * @throws TooLargeError past `maxBytes` in all, or a line longer than `maxLine` characters.
 */
export async function* bodyLines(req: AsyncIterable<Buffer | string> & { setEncoding?: (e: BufferEncoding) => unknown }, maxBytes: number, maxLine: number): AsyncGenerator<string> {
  req.setEncoding?.("utf8");
  let size = 0;
  let rest = "";
  for await (const chunk of req) {
    const text = typeof chunk === "string" ? chunk : chunk.toString("utf8");
    size += Buffer.byteLength(text, "utf8");
    if (size > maxBytes) throw uploadTooLarge(maxBytes);
    rest += text;
    let start = 0;
    for (let nl = rest.indexOf("\n"); nl !== -1; nl = rest.indexOf("\n", start)) {
      yield rest.slice(start, nl).replace(/\r$/, "");
      start = nl + 1;
    }
    rest = rest.slice(start);
    if (rest.length > maxLine) throw wholeTooLarge();
  }
  if (rest !== "") yield rest.replace(/\r$/, "");
}

export type ImportHeader = z.infer<typeof exportHeaderSchema>;

/** What the reader hands on: the header once, then each event with where it is in the file. */
export interface ImportSink {
  header(header: ImportHeader): Promise<void>;
  event(raw: unknown, where: string): Promise<void>;
}

function checkHeader(value: unknown, schema: typeof exportHeaderSchema | typeof exportDocumentSchema, where: string) {
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== LOG_FORMAT) throw importRefusal(where, `this is not a Synapse session log (its "format" should be "${LOG_FORMAT}")`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw importRefusal(where, formatIssues(parsed.error.issues));
  return parsed.data;
}

function parseLine(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw importRefusal(where, "not valid JSON");
  }
}

const HEADER_LINE = /^\{"format":.*,"events":\[$/;

/**
 * Reads an export from a stream and hands its header and events to `sink` in order.
 * @throws ProtocolError BAD_REQUEST naming the line, TooLargeError past the limits.
 */
export async function readExport(body: AsyncIterable<Buffer | string>, sink: ImportSink, maxBytes = IMPORT_MAX_BYTES): Promise<{ declared: number }> {
  const lines = bodyLines(body, maxBytes, WHOLE_PARSE_MAX_BYTES);
  const first = await lines.next();
  if (first.done) throw importRefusal("the file", "it is empty");
  if (!HEADER_LINE.test(first.value)) return readWhole(first.value, lines, sink);

  const header = checkHeader(parseLine(`${first.value}]}`, "line 1"), exportHeaderSchema, "line 1");
  await sink.header(header);
  let number = 1;
  let ended = false;
  let needMore = false;
  for await (const line of lines) {
    number++;
    if (ended) {
      if (line.trim() !== "") throw importRefusal(`line ${number}`, "there is text after the end of the log");
      continue;
    }
    if (line === CLOSING_LINE) {
      if (needMore) throw importRefusal(`line ${number}`, "the last event is followed by a comma");
      ended = true;
      continue;
    }
    needMore = line.endsWith(",");
    await sink.event(parseLine(needMore ? line.slice(0, -1) : line, `line ${number}`), `line ${number}`);
  }
  if (!ended) throw importRefusal(`line ${number}`, `the file ends before the log does (no closing "${CLOSING_LINE}"): was the download cut short?`);
  return { declared: header.session.events };
}

async function readWhole(firstLine: string, lines: AsyncGenerator<string>, sink: ImportSink): Promise<{ declared: number }> {
  const parts = [firstLine];
  let size = firstLine.length;
  for await (const line of lines) {
    size += line.length + 1;
    if (size > WHOLE_PARSE_MAX_BYTES) throw wholeTooLarge();
    parts.push(line);
  }
  const doc = checkHeader(parseLine(parts.join("\n"), "the file"), exportDocumentSchema, "the file");
  await sink.header({ ...doc, events: [] });
  for (const [i, raw] of doc.events.entries()) await sink.event(raw, `event ${i + 1}`);
  return { declared: doc.session.events };
}
