"use client";

/**
 * The class as it fills in: everyone in joining order, then the removed students with a way to
 * let each back in. While names are hidden (the dashboard is often on the projector), students
 * are "Student 1", "Student 2"… in joining order; the teacher can look up who is who behind a
 * disclosure that starts closed.
 *
 * It reads only what it shows (names, seats, who is online, the network's neurons), so a
 * student's slider move, which changes their entry, re-renders none of it.
 */
import { memo, useMemo } from "react";
import { seatOrder } from "../../../lib/session/seating";
import type { Seat, SessionState, Student } from "../../../lib/session/state";
import { seatKey } from "../diagram/labels";
import { sameRows, useLive, useLiveView } from "../diagram/live-store";
import { useCommands } from "./commands";
import { RosterRow } from "./roster-row";
import { Panel, SECONDARY } from "./ui";

/** What the roster shows of a student (not their values). */
export type RosterStudent = Pick<Student, "id" | "nickname" | "seat" | "removed" | "joinIndex">;

function rosterOf(state: SessionState): RosterStudent[] {
  return Object.values(state.students)
    .sort((a, b) => a.joinIndex - b.joinIndex)
    .map(({ id, nickname, seat, removed, joinIndex }) => ({ id, nickname, seat, removed, joinIndex }));
}

const seatsOf = (state: SessionState): Seat[] => seatOrder(state.network);

export const Roster = memo(function Roster({ className }: { className?: string }) {
  const { run, enabled } = useCommands();
  const all = useLive(rosterOf, sameRows);
  const seats = useLive(seatsOf, sameRows);
  const layerCount = useLive((s) => s.network.layers.length);
  const hidden = useLive((s) => s.hideNames);
  const online = useLiveView((v) => v.online);
  const active = useMemo(() => all.filter((s) => !s.removed), [all]);
  const removed = useMemo(() => all.filter((s) => s.removed), [all]);
  const occupancy = useMemo(() => {
    const counts = new Map<string, number>();
    for (const s of active) if (s.seat) counts.set(seatKey(s.seat), (counts.get(seatKey(s.seat)) ?? 0) + 1);
    return counts;
  }, [active]);
  const onlineCount = active.filter((s) => online.has(s.id)).length;
  const nameOf = (s: RosterStudent) => (hidden ? standIn(s) : s.nickname);

  return (
    <Panel
      title="Class"
      className={className}
      actions={
        <p className="text-sm font-semibold text-slate-700">
          {active.length} student{active.length === 1 ? "" : "s"} · {onlineCount} online · {seats.length} neurons
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
            <RosterRow
              key={s.id}
              id={s.id}
              nickname={s.nickname}
              seat={s.seat}
              name={nameOf(s)}
              hidden={hidden}
              online={online.has(s.id)}
              seats={seats}
              layerCount={layerCount}
              occupancy={occupancy}
            />
          ))}
        </ul>
      )}
      {removed.length > 0 && (
        <div className="mt-4 border-t border-slate-200 pt-3">
          <h3 className="mb-2 text-sm font-bold uppercase tracking-wide text-slate-600">Removed</h3>
          <ul className="grid gap-2">
            {removed.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-2">
                <span className="truncate font-semibold text-slate-800">{nameOf(s)}</span>
                <button
                  type="button"
                  className={SECONDARY}
                  disabled={!enabled}
                  onClick={() => void run("student:readmit", { studentId: s.id }, `${nameOf(s)} is back in the class.`)}
                >
                  Let back in<span className="sr-only"> {nameOf(s)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {hidden && all.length > 0 && <NameKey students={all} />}
    </Panel>
  );
});

/** "Student 3": a stand-in that says nothing about who it is. */
export const standIn = (s: Pick<Student, "joinIndex">): string => `Student ${s.joinIndex}`;

/** Who is who, for the teacher only: closed by default, and closed again when names are shown. */
function NameKey({ students }: { students: RosterStudent[] }) {
  return (
    <details className="mt-4 rounded-xl border border-slate-200">
      <summary className="cursor-pointer rounded-xl px-4 py-2 text-base font-bold text-slate-900 hover:bg-slate-50">Show names to me</summary>
      <p className="px-4 pt-2 text-sm text-slate-700">Names are hidden from the class. Close this before the screen is shown.</p>
      <ul aria-label="Names of the students" className="grid gap-1 px-4 py-2">
        {students.map((s) => (
          <li key={s.id} className="flex justify-between gap-3">
            <span className="font-semibold text-slate-700">{standIn(s)}</span>
            <span className="truncate font-bold text-slate-900">{s.nickname}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
