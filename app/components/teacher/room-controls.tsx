"use client";

/** The room: who may join, what the projector shows, whether phones accept input, and the end. */
import { memo } from "react";
import { useLive } from "../diagram/live-store";
import { useCommands } from "./commands";
import { ConfirmButton, DANGER, Panel, Switch } from "./ui";

export const RoomControls = memo(function RoomControls() {
  const { run, enabled } = useCommands();
  const ended = useLive((s) => s.status === "ended");
  const roomLocked = useLive((s) => s.roomLocked);
  const hideNames = useLive((s) => s.hideNames);
  const paused = useLive((s) => s.paused);
  return (
    <Panel title="Room">
      <div className="divide-y divide-slate-100">
        <Switch
          label="Lock room"
          hint="No new students can join while the room is locked; students already in stay."
          checked={roomLocked}
          disabled={!enabled}
          onChange={(locked) => void run("room:lock", { locked }, locked ? "Room locked." : "Room open.")}
        />
        <Switch
          label="Hide names"
          hint="Nicknames disappear from the diagram, the roster and the projector view."
          checked={hideNames}
          disabled={!enabled}
          onChange={(hidden) => void run("room:hide-names", { hidden }, hidden ? "Names hidden." : "Names shown.")}
        />
        <Switch
          label="Pause phones"
          hint="Phones stop accepting changes until you resume."
          checked={paused}
          disabled={!enabled}
          onChange={(paused) => void run("room:pause", { paused }, paused ? "Phones paused." : "Phones resumed.")}
        />
      </div>
      <div className="mt-4">
        {ended ? (
          <p className="rounded-lg bg-slate-900 px-3 py-2 font-bold text-white">This session has ended.</p>
        ) : (
          <ConfirmButton
            label="End session"
            question="End the session for everyone?"
            confirmLabel="End session"
            className={DANGER}
            disabled={!enabled}
            onConfirm={() => run("room:end", {}, "The session has ended.")}
          />
        )}
      </div>
    </Panel>
  );
});
