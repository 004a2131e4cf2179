"use client";

/**
 * The dashboard's "Join the class" card: large while nobody has joined, then one line with the
 * code, so the class network gets the room; the teacher can open it large again at any time.
 */
import type { SessionState } from "../../../lib/session/state";
import { JoinDetails, JoinStrip } from "../diagram/join-details";
import type { JoinInfo } from "../diagram/use-join-info";
import { useJoinPanel } from "../diagram/use-join-panel";
import { Panel, SECONDARY } from "./ui";

export function JoinPanel({ state, join }: { state: SessionState; join: { info: JoinInfo | null; error: string | null } }) {
  const students = Object.values(state.students).filter((s) => !s.removed).length;
  const panel = useJoinPanel(students);
  const ended = state.status === "ended";
  const toggle = students > 0 && (
    <button type="button" className={SECONDARY} onClick={panel.toggle}>
      {panel.large ? "Hide join details" : "Show join details"}
    </button>
  );
  return (
    <Panel title="Join the class" actions={toggle}>
      {panel.large ? (
        <JoinDetails code={state.code} info={join.info} error={join.error} roomLocked={state.roomLocked} ended={ended} size="dashboard" />
      ) : (
        <>
          <JoinStrip code={state.code} info={join.info} ended={ended} size="dashboard" />
          {state.roomLocked && !ended && <p className="mt-2 text-base font-bold text-amber-950">Room locked: no new students can join.</p>}
        </>
      )}
    </Panel>
  );
}
