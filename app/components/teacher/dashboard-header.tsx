"use client";

/**
 * The dashboard's top bar: where we are, whether the connection is live, and the ways to put the
 * class on a screen. The teacher link is copied, never shown: this bar is on the projector too.
 */
import { memo, useEffect, useId, useRef, useState } from "react";
import type { ConnectionStatus } from "../../realtime/use-session";
import { NeuronMark } from "../neuron-mark";
import { copyQuietly } from "./use-teacher-token";
import { useCommands } from "./commands";
import { PRIMARY, SECONDARY } from "./ui";

/** The session's report and replay, and the list of past sessions, each in a new tab so the class stays open here. */
export function LookBackLinks({ sessionId, className = SECONDARY, onPick }: { sessionId: string; className?: string; onPick?: () => void }) {
  const id = encodeURIComponent(sessionId);
  return (
    <>
      <a href={`/report/${id}`} target="_blank" rel="noopener" className={className} onClick={onPick}>
        Report
      </a>
      <a href={`/replay/${id}`} target="_blank" rel="noopener" className={className} onClick={onPick}>
        Replay
      </a>
      <a href="/sessions" target="_blank" rel="noopener" className={className} onClick={onPick}>
        Past sessions
      </a>
    </>
  );
}

const MENU_ITEM = "block rounded-md px-3 py-2 text-sm font-bold text-slate-900 hover:bg-slate-100 focus-visible:bg-slate-100";

/** "Look back": the report, the replay and past sessions behind one button, so the bar keeps one row on a laptop. */
function LookBackMenu({ sessionId }: { sessionId: string }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);
  return (
    <div
      ref={wrap}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          setOpen(false);
          wrap.current?.querySelector("button")?.focus();
        }
      }}
    >
      <button type="button" className={SECONDARY} aria-expanded={open} aria-controls={menuId} onClick={() => setOpen((o) => !o)}>
        Look back
        <svg viewBox="0 0 12 12" className={`h-3 w-3 transition ${open ? "rotate-180" : ""}`} aria-hidden="true" focusable="false">
          <path d="M2 4.5 6 8l4-3.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div id={menuId} hidden={!open} className="absolute right-0 z-30 mt-1 w-48 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200">
        <LookBackLinks sessionId={sessionId} className={MENU_ITEM} onPick={() => setOpen(false)} />
      </div>
    </div>
  );
}

interface HeaderProps {
  sessionId: string;
  code: string;
  token: string;
  status: ConnectionStatus;
  rttMs: number | null;
  onProjector: () => void;
  /** Whether the training panel is showing, and the way to open it. */
  training: boolean;
  onTraining: () => void;
}

function ConnectionPill({ status, rttMs }: { status: ConnectionStatus; rttMs: number | null }) {
  const live = status === "connected";
  return (
    <span
      role="status"
      className={`inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-bold ${live ? "bg-emerald-50 text-emerald-900" : "bg-amber-100 text-amber-950"}`}
    >
      <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${live ? "bg-emerald-600" : "animate-pulse bg-amber-600"}`} />
      {live ? `Live${rttMs !== null ? ` · ${rttMs} ms` : ""}` : status === "reconnecting" ? "Reconnecting…" : "Connecting…"}
    </span>
  );
}

export const DashboardHeader = memo(function DashboardHeader({ sessionId, code, token, status, rttMs, onProjector, training, onTraining }: HeaderProps) {
  const { notify } = useCommands();
  const copy = async () => {
    const ok = await copyQuietly(`${window.location.origin}/teach/${sessionId}#t=${token}`);
    notify(ok ? "ok" : "error", ok ? "Teacher link copied. Keep it private: it opens these controls." : "This browser would not copy the link.");
  };
  return (
    <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-5 py-3">
      <div className="flex items-center gap-3">
        <NeuronMark className="h-9 w-9" />
        <h1 className="text-xl font-extrabold tracking-tight">
          Synapse <span className="font-semibold text-slate-600">· Teacher dashboard</span>
        </h1>
        <ConnectionPill status={status} rttMs={rttMs} />
      </div>
      <nav aria-label="Screens" className="flex flex-wrap items-center gap-2">
        <button type="button" className={PRIMARY} onClick={onProjector}>
          Projector view
        </button>
        <button type="button" className={SECONDARY} aria-expanded={training} aria-controls={training ? "training-panel" : undefined} onClick={onTraining}>
          Training mode
        </button>
        <a href={`/show/${code}`} target="_blank" rel="noopener" className={SECONDARY}>
          Open on a second screen
        </a>
        <button type="button" className={SECONDARY} onClick={() => void copy()}>
          Copy teacher link
        </button>
        <a href="/learn" target="_blank" rel="noopener" className={SECONDARY}>
          Self-paced lesson
        </a>
        <LookBackMenu sessionId={sessionId} />
      </nav>
    </header>
  );
});
