"use client";

/**
 * Two ways to bring a session into this browser's list: paste its teacher link (checked with
 * the server before it is kept), or import an exported event log as a new session.
 */
import { useId, useRef, useState } from "react";
import type { ImportResponse, SessionSummary } from "../../../lib/protocol/replay";
import { FIELD, PRIMARY } from "../teacher/ui";
import { parseTeacherLink, rememberSession } from "./known-sessions";
import { HttpError } from "../http/bearer-json";
import { fetchSummary, importLog } from "./teacher-api";

type Added = (sessionId: string, token: string, summary?: SessionSummary, imported?: boolean) => void;

const LINK_REFUSED: Record<number, string> = {
  401: "This server does not know this link's teacher pass: the session was deleted, or kept past the retention period, or the link is from another server.",
  403: "This pass belongs to another session or to a student. Copy the link again from the session's dashboard.",
  404: "This server does not know this session: it was deleted, or kept past the retention period, or the link is from another server.",
};

export function TeacherLinkForm({ onAdded }: { onAdded: Added }) {
  const inputId = useId();
  const messageId = useId();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = parseTeacherLink(text);
    if (!parsed.ok) {
      setMessage({ tone: "error", text: parsed.message });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const summary = await fetchSummary(parsed.sessionId, parsed.token);
      if (!rememberSession(parsed.sessionId, parsed.token)) {
        setMessage({ tone: "error", text: "This browser refuses to store the link (private browsing?), so it cannot be listed." });
        return;
      }
      onAdded(parsed.sessionId, parsed.token, summary);
      setText("");
      setMessage({ tone: "ok", text: `Session ${summary.code} is in the list.` });
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 0;
      setMessage({ tone: "error", text: LINK_REFUSED[status] ?? (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-2" noValidate>
      <label htmlFor={inputId} className="block text-sm font-bold text-slate-900">
        Teacher link
      </label>
      <div className="flex gap-2">
        <input
          id={inputId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="https://…/teach/…#t=…"
          aria-describedby={messageId}
          aria-invalid={message?.tone === "error" || undefined}
          className={`${FIELD} min-w-0 flex-1 font-mono text-sm`}
        />
        <button type="submit" className={PRIMARY} disabled={busy}>
          {busy ? "Opening…" : "Open"}
        </button>
      </div>
      <p id={messageId} role={message?.tone === "error" ? "alert" : "status"} className={`min-h-5 text-sm ${message?.tone === "error" ? "font-semibold text-red-800" : "text-emerald-800"}`}>
        {message?.text ?? ""}
      </p>
    </form>
  );
}

type ImportState =
  | { kind: "idle" }
  | { kind: "reading"; name: string }
  | { kind: "sending"; name: string; share: number }
  | { kind: "saving"; name: string }
  | { kind: "done"; result: ImportResponse; name: string }
  | { kind: "error"; name: string; message: string };

const MAX_BYTES = 512 * 1024 * 1024;

export function ImportLogForm({ onAdded }: { onAdded: Added }) {
  const inputId = useId();
  const hintId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ kind: "idle" });
  const busy = state.kind === "reading" || state.kind === "sending" || state.kind === "saving";

  const pick = async (file: File | undefined) => {
    if (!file) return;
    const name = file.name;
    if (file.size === 0) return setState({ kind: "error", name, message: "The file is empty." });
    if (file.size > MAX_BYTES) return setState({ kind: "error", name, message: "The file is larger than 512 MB, more than any session log." });
    setState({ kind: "reading", name });
    try {
      const text = await file.text();
      if (!text.trimStart().startsWith("{")) {
        setState({ kind: "error", name, message: "This is not a Synapse session log: pick the .json file saved with “Download event log (JSON)”." });
        return;
      }
      setState({ kind: "sending", name, share: 0 });
      const result = await importLog(text, (share) => setState(share >= 1 ? { kind: "saving", name } : { kind: "sending", name, share }));
      if (!rememberSession(result.sessionId, result.teacherToken, true)) {
        setState({ kind: "error", name, message: "The log was imported, but this browser refuses to store its teacher pass (private browsing?)." });
        return;
      }
      onAdded(result.sessionId, result.teacherToken, undefined, true);
      setState({ kind: "done", result, name });
    } catch (err) {
      setState({ kind: "error", name, message: (err as Error).message });
    } finally {
      if (fileRef.current) fileRef.current.value = "";
    }
  };

  return (
    <div className="space-y-2">
      <label htmlFor={inputId} className="block text-sm font-bold text-slate-900">
        Import a session log
      </label>
      <input
        ref={fileRef}
        id={inputId}
        type="file"
        accept=".json,application/json"
        disabled={busy}
        aria-describedby={hintId}
        onChange={(e) => void pick(e.target.files?.[0])}
        className="block w-full text-sm text-slate-700 file:mr-3 file:cursor-pointer file:rounded-lg file:border-0 file:bg-slate-900 file:px-3 file:py-2 file:text-sm file:font-bold file:text-white hover:file:bg-slate-800 disabled:opacity-60"
      />
      <div id={hintId} className="min-h-5 text-sm" role={state.kind === "error" ? "alert" : "status"}>
        {state.kind === "idle" && <span className="text-slate-600">A .json log saved from a report opens here as a new session to replay.</span>}
        {state.kind === "reading" && <span className="text-slate-700">Reading {state.name}…</span>}
        {state.kind === "sending" && (
          <span className="flex items-center gap-2 text-slate-700">
            <progress max={1} value={state.share} aria-label={`Uploading ${state.name}`} className="h-2 w-32 accent-indigo-700" />
            Uploading… {Math.round(state.share * 100)} %
          </span>
        )}
        {state.kind === "saving" && <span className="text-slate-700">Uploaded. The server is checking and saving the log…</span>}
        {state.kind === "done" && (
          <span className="font-semibold text-emerald-800">
            Imported {state.name}: session {state.result.code} with {state.result.events.toLocaleString("en")} events is in the list.
          </span>
        )}
        {state.kind === "error" && <span className="font-semibold text-red-800">Not imported ({state.name}): {state.message}</span>}
      </div>
    </div>
  );
}
