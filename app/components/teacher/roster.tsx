"use client";

/**
 * The class as it fills in: everyone in joining order, then the removed students with a way to
 * let each back in.
 */
import type { SessionState } from "../../../lib/session/state";
import { seatKey } from "../diagram/labels";
import { useCommands } from "./commands";
import { RosterRow } from "./roster-row";
import { Panel, SECONDARY } from "./ui";

export function Roster({ state, online, className }: { state: SessionState; online: ReadonlySet<string>; className?: string }) {
  const { run, enabled } = useCommands();
  const all = Object.values(state.students).sort((a, b) => a.joinIndex - b.joinIndex);
  const active = all.filter((s) => !s.removed);
  const removed = all.filter((s) => s.removed);
  const onlineCount = active.filter((s) => online.has(s.id)).length;
  const occupancy = new Map<string, number>();
  for (const s of active) if (s.seat) occupancy.set(seatKey(s.seat), (occupancy.get(seatKey(s.seat)) ?? 0) + 1);
  const neurons = state.network.layers.reduce((n, l) => n + l.neurons.length, 0);

  return (
    <Panel
      title="Class"
      className={className}
      actions={
        <p className="text-sm font-semibold text-slate-700">
          {active.length} student{active.length === 1 ? "" : "s"} · {onlineCount} online · {neurons} neurons
        </p>
      }
    >
      {active.length === 0 ? (
        <p className="rounded-xl bg-slate-50 p-4 text-base text-slate-700">
          Nobody has joined yet. Students open the link or scan the QR code, type the code and pick a nickname; each becomes
          a neuron, hidden layers first.
        </p>
      ) : (
        <ul aria-label="Students" className="max-h-[max(20rem,calc(100dvh-18rem))] overflow-y-auto pr-1">
          {active.map((s) => (
            <RosterRow key={s.id} student={s} online={online.has(s.id)} network={state.network} occupancy={occupancy} />
          ))}
        </ul>
      )}
      {removed.length > 0 && (
        <div className="mt-4 border-t border-slate-200 pt-3">
          <h3 className="mb-2 text-sm font-bold uppercase tracking-wide text-slate-600">Removed</h3>
          <ul className="grid gap-2">
            {removed.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-2">
                <span className="truncate font-semibold text-slate-800">{s.nickname}</span>
                <button
                  type="button"
                  className={SECONDARY}
                  disabled={!enabled}
                  onClick={() => void run("student:readmit", { studentId: s.id }, `${s.nickname} is back in the class.`)}
                >
                  Let back in<span className="sr-only"> {s.nickname}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}
