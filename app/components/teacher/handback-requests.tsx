"use client";

/**
 * Phones asking for a student's place back (a new phone, cleared storage). Only the teacher
 * can say yes, with one confirmation: the new phone then becomes that student (name, neuron,
 * values) and the old phone's pass stops working. While names are hidden the student is
 * called by their stand-in, as in the roster.
 */
import { memo } from "react";
import type { SessionState } from "../../../lib/session/state";
import { sameRows, useLive, useLiveView } from "../diagram/live-store";
import { useCommands } from "./commands";
import { standIn } from "./roster";
import { ConfirmButton, Panel, SECONDARY } from "./ui";

/** Each request with what is said of its student, oldest first. */
function requestsOf(state: SessionState): { requestId: string; studentId: string; name: string }[] {
  return Object.values(state.handbacks)
    .sort((a, b) => a.at - b.at)
    .flatMap((r) => {
      const student = state.students[r.studentId];
      if (!student) return [];
      return [{ requestId: r.requestId, studentId: student.id, name: state.hideNames ? standIn(student) : student.nickname }];
    });
}

export const HandbackRequests = memo(function HandbackRequests() {
  const { run, enabled } = useCommands();
  const requests = useLive(requestsOf, sameRows);
  const online = useLiveView((v) => v.online);
  if (requests.length === 0) return null;
  return (
    <Panel title="Phones asking for a place">
      <ul className="grid gap-3">
        {requests.map(({ requestId, studentId, name }) => (
          <li key={requestId} className="grid gap-2 rounded-xl bg-amber-50 p-3 ring-1 ring-amber-200">
            <p className="text-base text-slate-900">
              A new phone asks for <strong>{name}</strong>&apos;s place.{" "}
              {online.has(studentId) ? `${name}'s old phone is still connected.` : `${name}'s old phone is offline.`}
            </p>
            <div className="flex flex-wrap gap-2">
              <ConfirmButton
                label="Give back"
                ariaLabel={`Give ${name}'s place to the new phone`}
                question={`Give ${name}'s place to the new phone? The old phone will be signed out.`}
                confirmLabel="Give the place"
                disabled={!enabled}
                onConfirm={() => run("student:hand-back", { requestId, granted: true }, `${name}'s place went to the new phone.`)}
              />
              <button
                type="button"
                className={SECONDARY}
                disabled={!enabled}
                aria-label={`Refuse the request for ${name}'s place`}
                onClick={() => void run("student:hand-back", { requestId, granted: false }, "Request refused.")}
              >
                Refuse
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Panel>
  );
});
