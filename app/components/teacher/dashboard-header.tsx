"use client";

/**
 * The dashboard's top bar: where we are, whether the connection is live, and the ways to put the
 * class on a screen. The teacher link is copied, never shown: this bar is on the projector too.
 */
import { memo } from "react";
import type { ConnectionStatus } from "../../realtime/use-session";
import { NeuronMark } from "../neuron-mark";
import { copyQuietly } from "./use-teacher-token";
import { useCommands } from "./commands";
import { PRIMARY, SECONDARY } from "./ui";

/** The session's report and replay, and the list of past sessions, each in a new tab so the class stays open here. */
export function LookBackLinks({ sessionId, className = SECONDARY }: { sessionId: string; className?: string }) {
  const id = encodeURIComponent(sessionId);
  return (
    <>
      <a href={`/report/${id}`} target="_blank" rel="noopener" className={className}>
        Report
      </a>
      <a href={`/replay/${id}`} target="_blank" rel="noopener" className={className}>
        Replay
      </a>
      <a href="/sessions" target="_blank" rel="noopener" className={className}>
        Past sessions
      </a>
    </>
  );
}

interface HeaderProps {
  sessionId: string;
  code: string;
  token: string;
  status: ConnectionStatus;
  rttMs: number | null;
  onProjector: () => void;
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

export const DashboardHeader = memo(function DashboardHeader({ sessionId, code, token, status, rttMs, onProjector }: HeaderProps) {
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
        <a href={`/show/${code}`} target="_blank" rel="noopener" className={SECONDARY}>
          Open on a second screen
        </a>
        <button type="button" className={SECONDARY} onClick={() => void copy()}>
          Copy teacher link
        </button>
        <a href="/learn" target="_blank" rel="noopener" className={SECONDARY}>
          Self-paced lesson
        </a>
        <LookBackLinks sessionId={sessionId} />
      </nav>
    </header>
  );
});
