"use client";

/**
 * The sessions this browser can look back on: every teacher token it holds in localStorage
 * (`synapse:teacher:<sessionId>`, written when a class is hosted here, when a teacher link is
 * opened, pasted on "Past sessions" or a log imported). Nothing about them is kept elsewhere.
 */
import { teacherTokenKey } from "../teacher/use-teacher-token";

const PREFIX = teacherTokenKey("");

export interface KnownSession {
  sessionId: string;
  token: string;
  /** Made here by importing a log (its date is the original class's). */
  imported: boolean;
}

const importedKey = (sessionId: string): string => `synapse:imported:${sessionId}`;

/** Every session this browser holds a teacher token for (empty when storage is refused). */
export function readKnownSessions(): KnownSession[] {
  const found: KnownSession[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key || !key.startsWith(PREFIX)) continue;
      const token = localStorage.getItem(key);
      const sessionId = key.slice(PREFIX.length);
      if (token && sessionId) found.push({ sessionId, token, imported: localStorage.getItem(importedKey(sessionId)) !== null });
    }
  } catch {
    return [];
  }
  return found;
}

/** Keeps a teacher token; false when the browser refuses storage (private mode). */
export function rememberSession(sessionId: string, token: string, imported = false): boolean {
  try {
    localStorage.setItem(teacherTokenKey(sessionId), token);
    if (imported) localStorage.setItem(importedKey(sessionId), "1");
    return true;
  } catch {
    return false;
  }
}

export function forgetSession(sessionId: string): void {
  try {
    localStorage.removeItem(teacherTokenKey(sessionId));
    localStorage.removeItem(importedKey(sessionId));
  } catch {
    // nothing stored, nothing to forget
  }
}

export type ParsedLink = { ok: true; sessionId: string; token: string } | { ok: false; message: string };

/**
 * Reads a teacher link as the dashboard copies it (`<origin>/teach/<sessionId>#t=<token>`);
 * the origin may be missing. Says plainly what is wrong with anything else.
 */
export function parseTeacherLink(text: string): ParsedLink {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: "Paste the teacher link first: it looks like …/teach/<session>#t=<pass>." };
  let url: URL;
  try {
    url = new URL(trimmed, "http://synapse.invalid");
  } catch {
    return { ok: false, message: "This is not a link. Paste the whole teacher link, copied with “Copy teacher link”." };
  }
  const match = /^\/teach\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) {
    const hint = /^\/replay\//.test(url.pathname) ? " This is a replay link, which opens a replay but not the teacher's pages." : "";
    return { ok: false, message: `This is not a teacher link: its address should contain /teach/<session>.${hint}` };
  }
  const token = new URLSearchParams(url.hash.slice(1)).get("t");
  if (!token) return { ok: false, message: "This link has no teacher pass (the part after #t=). Copy it again with “Copy teacher link”." };
  let sessionId: string;
  try {
    sessionId = decodeURIComponent(match[1] ?? "");
  } catch {
    return { ok: false, message: "This link is damaged. Copy it again with “Copy teacher link”." };
  }
  return { ok: true, sessionId, token };
}
