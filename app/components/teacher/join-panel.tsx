"use client";

/**
 * The dashboard's "Join the class" card: large while nobody has joined, then one line with the
 * code, so the class network gets the room; the teacher can open it large again at any time.
 */
import { memo } from "react";
import { JoinDetails, JoinStrip } from "../diagram/join-details";
import { useLive } from "../diagram/live-store";
import type { JoinInfo } from "../diagram/use-join-info";
import { activeStudents, useJoinPanel } from "../diagram/use-join-panel";
import { Panel, SECONDARY } from "./ui";

export const JoinPanel = memo(function JoinPanel({ join }: { join: { info: JoinInfo | null; error: string | null } }) {
  const students = useLive(activeStudents);
  const code = useLive((s) => s.code);
  const roomLocked = useLive((s) => s.roomLocked);
  const ended = useLive((s) => s.status === "ended");
  const panel = useJoinPanel(students);
  const toggle = students > 0 && (
    <button type="button" className={SECONDARY} onClick={panel.toggle}>
      {panel.large ? "Hide join details" : "Show join details"}
    </button>
  );
  return (
    <Panel title="Join the class" actions={toggle}>
      {panel.large ? (
        <JoinDetails code={code} info={join.info} error={join.error} roomLocked={roomLocked} ended={ended} size="dashboard" />
      ) : (
        <>
          <JoinStrip code={code} info={join.info} ended={ended} size="dashboard" />
          {roomLocked && !ended && <p className="mt-2 text-base font-bold text-amber-950">Room locked: no new students can join.</p>}
        </>
      )}
    </Panel>
  );
});
