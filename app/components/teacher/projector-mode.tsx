"use client";

/**
 * The dashboard's full-screen projector view: controls hidden, only the join details, the
 * diagram and the prediction. Escape (or leaving full screen) returns to the dashboard; "P"
 * plays the forward pass.
 */
import { useEffect, useRef } from "react";
import type { SessionState } from "../../../lib/session/state";
import { ProjectorStage } from "../diagram/projector-stage";
import type { JoinInfo } from "../diagram/use-join-info";

interface ProjectorModeProps {
  state: SessionState;
  join: { info: JoinInfo | null; error: string | null };
  litColumn: number | null;
  onPlay: () => void;
  onExit: () => void;
  banner?: React.ReactNode;
}

export function ProjectorMode({ state, join, litColumn, onPlay, onExit, banner }: ProjectorModeProps) {
  const exitRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onExit();
      if ((e.key === "p" || e.key === "P") && !e.ctrlKey && !e.metaKey && !e.altKey) onPlay();
    };
    // Leaving full screen (the browser's own Escape handling) leaves the projector view too.
    const onFullscreen = () => {
      if (!document.fullscreenElement) onExit();
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onFullscreen);
    exitRef.current?.focus({ preventScroll: true });
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onFullscreen);
    };
  }, [onExit, onPlay]);

  return (
    <ProjectorStage
      state={state}
      join={join}
      litColumn={litColumn}
      banner={banner}
      exit={
        <div className="absolute right-4 top-4 flex gap-2 opacity-70 transition hover:opacity-100 focus-within:opacity-100">
          <button type="button" onClick={onPlay} className="rounded-lg bg-white px-3 py-2 text-sm font-bold text-slate-900 ring-1 ring-slate-300">
            Play forward pass (P)
          </button>
          <button ref={exitRef} type="button" onClick={onExit} className="rounded-lg bg-slate-900 px-3 py-2 text-sm font-bold text-white">
            Exit projector view (Esc)
          </button>
        </div>
      }
    />
  );
}

/** Asks for full screen where the browser allows it; the projector view works without it too. */
export function enterFullscreen(): void {
  const root = document.documentElement;
  if (!document.fullscreenElement && root.requestFullscreen) root.requestFullscreen().catch(() => {});
}

export function leaveFullscreen(): void {
  if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
}
