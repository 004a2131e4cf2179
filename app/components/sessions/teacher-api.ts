"use client";

/**
 * The teacher's reads and writes about past sessions, over HTTP with the session's teacher
 * token (`Authorization: Bearer …`). Every answer is checked against the shared schemas in
 * `lib/protocol/replay.ts`; a refusal becomes an `HttpError` carrying the server's own message
 * (app/components/http/bearer-json.ts).
 */
import type { z } from "zod";
import { bearerJson, HttpError, refusalFrom, refusalOf, UNREACHABLE } from "../http/bearer-json";
import {
  deletedResponseSchema,
  importResponseSchema,
  sessionReportSchema,
  sessionSummarySchema,
  type ImportResponse,
  type SessionReport,
  type SessionSummary,
} from "../../../lib/protocol/replay";

/** Where each teacher-only file of a session is downloaded from. */
export const DOWNLOADS = {
  questions: { path: "report/questions.csv", fallbackName: "questions.csv" },
  students: { path: "report/students.csv", fallbackName: "students.csv" },
  log: { path: "export.json", fallbackName: "session-log.json" },
} as const;
export type DownloadKind = keyof typeof DOWNLOADS;

const sessionPath = (sessionId: string, rest = "") => `/api/sessions/${encodeURIComponent(sessionId)}${rest ? `/${rest}` : ""}`;

const teacherJson = <S extends z.ZodType>(sessionId: string, rest: string, token: string, schema: S, init: RequestInit = {}) =>
  bearerJson(sessionPath(sessionId, rest), token, schema, init);

export const fetchSummary = (sessionId: string, token: string): Promise<SessionSummary> =>
  teacherJson(sessionId, "summary", token, sessionSummarySchema);

export const fetchReport = (sessionId: string, token: string): Promise<SessionReport> =>
  teacherJson(sessionId, "report", token, sessionReportSchema);

export const deleteSession = (sessionId: string, token: string): Promise<unknown> =>
  teacherJson(sessionId, "", token, deletedResponseSchema, { method: "DELETE" });

/** The file name of a `Content-Disposition` header (`filename*=UTF-8''…` first), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent((star[1] ?? "").trim());
    } catch {
      // fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : null;
}

/**
 * Fetches a teacher-only file with the Bearer header (a plain link could not carry it) and
 * saves it under the server's file name through a temporary object URL.
 */
export async function downloadFile(sessionId: string, token: string, kind: DownloadKind): Promise<string> {
  const { path, fallbackName } = DOWNLOADS[kind];
  let res: Response;
  try {
    res = await fetch(sessionPath(sessionId, path), { cache: "no-store", headers: { authorization: `Bearer ${token}` } });
  } catch {
    throw new HttpError(0, UNREACHABLE);
  }
  if (!res.ok) throw await refusalOf(res);
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get("content-disposition")) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}

/**
 * Sends an exported log to `POST /api/sessions/import`, reporting the upload's progress
 * (0..1). XMLHttpRequest because fetch reports no upload progress.
 */
export function importLog(text: string, onProgress: (share: number) => void): Promise<ImportResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/sessions/import");
    xhr.setRequestHeader("content-type", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new HttpError(0, UNREACHABLE));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(refusalFrom(xhr.status, body));
        return;
      }
      const parsed = importResponseSchema.safeParse(body);
      if (!parsed.success) reject(new HttpError(xhr.status, "The server's answer was not understood. Reload the page."));
      else resolve(parsed.data);
    };
    xhr.send(text);
  });
}
