"use client";

/**
 * The forward pass, played on every screen at once: the session holds which column is lit, so
 * the dashboard, the projector and the phones all follow these buttons together. On the
 * projector they are small icons (named for screen readers, with the key in their tooltip).
 */
import { memo } from "react";
import type { PassAnimation } from "../../../lib/session/state";
import type { CommandName } from "../../../lib/protocol";
import { useCommands } from "./commands";
import { SECONDARY } from "./ui";

const ICON = "inline-flex h-10 w-10 items-center justify-center rounded-lg bg-white text-slate-900 ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-40";

const BUTTONS: { name: string; command: CommandName & `animation:${string}`; key: string; icon: string }[] = [
  { name: "Play forward pass", command: "animation:play", key: "P", icon: "M7 4.5v15l12-7.5z" },
  { name: "Next layer", command: "animation:step", key: "N", icon: "M5 4.5v15l10-7.5zM17 4.5h2.5v15H17z" },
  { name: "Stop", command: "animation:stop", key: "S", icon: "M6 6h12v12H6z" },
];

export const PassControls = memo(function PassControls({ animation, icons = false }: { animation: PassAnimation; icons?: boolean }) {
  const { run, enabled } = useCommands();
  return (
    <div role="group" aria-label="Forward pass controls" className="flex flex-wrap items-center gap-2">
      {BUTTONS.map((b) => {
        const disabled = !enabled || (b.command === "animation:stop" && animation.column === null);
        const pressed = b.command === "animation:play" ? animation.playing : undefined;
        const send = () => void run(b.command, {});
        return icons ? (
          <button key={b.name} type="button" className={ICON} disabled={disabled} aria-pressed={pressed} aria-label={b.name} title={`${b.name} (${b.key})`} onClick={send}>
            <svg viewBox="0 0 24 24" className="h-5 w-5" aria-hidden="true" focusable="false">
              <path d={b.icon} fill="currentColor" />
            </svg>
          </button>
        ) : (
          <button key={b.name} type="button" className={SECONDARY} disabled={disabled} aria-pressed={pressed} onClick={send}>
            {b.name}
          </button>
        );
      })}
    </div>
  );
});
