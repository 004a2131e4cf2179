"use client";

/**
 * The teacher's "Share": a read-only replay link to hand to students or a colleague, with
 * names hidden or not. The link's token lives in its hash; it opens this replay and nothing
 * else, and cannot change anything. Each press makes a new link.
 */
import { useId, useState } from "react";
import { copyQuietly } from "../teacher/use-teacher-token";
import { FIELD, PRIMARY, SECONDARY, Switch } from "../teacher/ui";
import { HttpError } from "../http/bearer-json";
import type { ReplayClient } from "./replay-api";

export function SharePanel({ client, onClose }: { client: ReplayClient; onClose(): void }) {
  const [hideNames, setHideNames] = useState(true);
  const [link, setLink] = useState<{ url: string; hideNames: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const titleId = useId();
  const urlId = useId();

  const create = async () => {
    setBusy(true);
    setNote(null);
    try {
      const made = await client.share(hideNames);
      setLink({ url: made.url, hideNames: made.hideNames });
    } catch (err) {
      setNote({ tone: "error", text: err instanceof HttpError ? err.message : "The link could not be made. Try again." });
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!link) return;
    const ok = await copyQuietly(link.url);
    setNote(ok ? { tone: "ok", text: "Link copied." } : { tone: "error", text: "This browser would not copy the link: select it and copy it by hand." });
  };

  return (
    <section aria-labelledby={titleId} className="border-b border-slate-200 bg-indigo-50/60 px-5 py-4">
      <div className="mx-auto flex max-w-3xl flex-col gap-3">
        <div className="flex items-center justify-between gap-3">
          <h2 id={titleId} className="text-lg font-extrabold text-slate-900">
            Share this replay
          </h2>
          <button type="button" className={SECONDARY} onClick={onClose}>
            Done
          </button>
        </div>
        <p className="text-sm text-slate-700">Anyone with the link can watch this replay. It cannot change anything, and shows no answer keys before their reveal and nobody&apos;s answers.</p>
        <div className="flex flex-wrap items-center gap-4">
          <div className="min-w-52">
            <Switch label="Hide names" checked={hideNames} onChange={setHideNames} hint="Students appear as Student 1, Student 2…" />
          </div>
          <button type="button" className={PRIMARY} disabled={busy} onClick={() => void create()}>
            Create link
          </button>
        </div>
        {link && (
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor={urlId} className="text-sm font-semibold text-slate-800">
              Replay link{link.hideNames ? " (names hidden)" : ""}
            </label>
            <input id={urlId} readOnly value={link.url} className={`${FIELD} min-w-0 flex-1 font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className={SECONDARY} onClick={() => void copy()}>
              Copy
            </button>
          </div>
        )}
        {note && (
          <p role={note.tone === "error" ? "alert" : "status"} className={`text-sm font-semibold ${note.tone === "error" ? "text-red-900" : "text-emerald-900"}`}>
            {note.text}
          </p>
        )}
      </div>
    </section>
  );
}
