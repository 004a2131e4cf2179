"use client";

/**
 * The report's files: questions and students as CSV (a spreadsheet opens them), and the
 * whole event log as JSON (to keep, or to import again as a replay). Each is fetched with the
 * teacher's pass and saved under the server's file name.
 */
import { useState } from "react";
import { downloadFile, type DownloadKind } from "../sessions/teacher-api";
import { SECONDARY } from "../teacher/ui";

const FILES: { kind: DownloadKind; label: string; what: string }[] = [
  { kind: "questions", label: "Download questions CSV", what: "one row per question" },
  { kind: "students", label: "Download students CSV", what: "one row per student" },
  { kind: "log", label: "Download event log (JSON)", what: "everything, to import again" },
];

function DownloadIcon() {
  return (
    <svg viewBox="0 0 20 20" className="h-4 w-4" aria-hidden="true" focusable="false">
      <path d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 15.5h12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function Downloads({ sessionId, token }: { sessionId: string; token: string }) {
  const [busy, setBusy] = useState<DownloadKind | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const save = async (kind: DownloadKind) => {
    setBusy(kind);
    setMessage(null);
    try {
      const name = await downloadFile(sessionId, token, kind);
      setMessage({ tone: "ok", text: `Saved ${name}.` });
    } catch (err) {
      setMessage({ tone: "error", text: `Not downloaded: ${(err as Error).message}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="space-y-2">
      <ul className="grid gap-2 sm:grid-cols-3">
        {FILES.map((f) => (
          <li key={f.kind}>
            <button type="button" className={`${SECONDARY} h-full w-full flex-col items-start gap-0.5 px-4 py-3 text-left`} disabled={busy !== null} onClick={() => void save(f.kind)}>
              <span className="inline-flex items-center gap-2">
                <DownloadIcon />
                {busy === f.kind ? "Preparing…" : f.label}
              </span>
              <span className="text-xs font-medium text-slate-500" aria-hidden="true">{f.what}</span>
            </button>
          </li>
        ))}
      </ul>
      <p role={message?.tone === "error" ? "alert" : "status"} className={`min-h-5 text-sm ${message?.tone === "error" ? "font-semibold text-red-800" : "text-emerald-800"}`}>
        {message?.text ?? ""}
      </p>
    </div>
  );
}
