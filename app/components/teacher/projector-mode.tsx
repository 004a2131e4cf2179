"use client";

/**
 * The dashboard's full-screen projector view: controls hidden, only the join details, the
 * diagram and the prediction. Escape (or leaving full screen) returns to the dashboard; "P"
 * plays the forward pass on every screen, "N" lights the next layer, "S" stops.
 */
import { useEffect, useMemo, useRef } from "react";
import { useLive } from "../diagram/live-store";
import { ProjectorStage } from "../diagram/projector-stage";
import type { JoinInfo } from "../diagram/use-join-info";
import { useCommands } from "./commands";
import { PassControls } from "./pass-controls";

interface ProjectorModeProps {
  join: { info: JoinInfo | null; error: string | null };
  onExit: () => void;
  banner?: React.ReactNode;
}

const KEYS = { p: "animation:play", n: "animation:step", s: "animation:stop" } as const;

export function ProjectorMode({ join, onExit, banner }: ProjectorModeProps) {
  const exitRef = useRef<HTMLButtonElement>(null);
  const { run, enabled } = useCommands();
  const animation = useLive((s) => s.animation);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") return onExit();
      if (e.ctrlKey || e.metaKey || e.altKey || !enabled) return;
      const command = KEYS[e.key.toLowerCase() as keyof typeof KEYS];
      if (command) void run(command, {});
    };
    // Leaving full screen (the browser's own Escape handling) leaves the projector view too.
    const onFullscreen = () => {
      if (!document.fullscreenElement) onExit();
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("fullscreenchange", onFullscreen);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("fullscreenchange", onFullscreen);
    };
  }, [onExit, run, enabled]);
  useEffect(() => exitRef.current?.focus({ preventScroll: true }), []);

  // The stage re-renders for its own parts only: its controls change with the pass, not the values.
  const exit = useMemo(
    () => (
      <div className="flex items-center gap-2">
        <PassControls animation={animation} icons />
        <button ref={exitRef} type="button" onClick={onExit} className="h-10 rounded-lg bg-slate-900 px-3 text-sm font-bold text-white">
          Exit projector view (Esc)
        </button>
      </div>
    ),
    [animation, onExit],
  );
  return <ProjectorStage join={join} banner={banner} exit={exit} />;
}

/** Asks for full screen where the browser allows it; the projector view works without it too. */
export function enterFullscreen(): void {
  const root = document.documentElement;
  if (!document.fullscreenElement && root.requestFullscreen) root.requestFullscreen().catch(() => {});
}

export function leaveFullscreen(): void {
  if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
}
