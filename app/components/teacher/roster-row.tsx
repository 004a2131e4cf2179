"use client";

/**
 * One student in the roster: name (plain text), whether their phone is connected (dot and
 * words), their neuron, and the teacher's actions on them. Memoised on plain values, so only
 * the rows whose student, seat counts or connection changed re-render.
 */
import { memo, useState } from "react";
import type { Seat } from "../../../lib/session/state";
import { neuronTag } from "../diagram/labels";
import { useCommands } from "./commands";
import { SeatSelect } from "./seat-select";
import { ConfirmButton, FIELD, PRIMARY, SECONDARY } from "./ui";

interface RosterRowProps {
  id: string;
  nickname: string;
  seat: Seat | null;
  /** What this screen calls the student: the nickname, or "Student n" while names are hidden. */
  name: string;
  hidden: boolean;
  online: boolean;
  /** Every neuron in seating order, and how many layers the network has (for the tags). */
  seats: readonly Seat[];
  layerCount: number;
  occupancy: Map<string, number>;
}

export const RosterRow = memo(function RosterRow({ id, nickname, seat, name, hidden, online, seats, layerCount, occupancy }: RosterRowProps) {
  const { run, enabled } = useCommands();
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState("");

  // A class of hundreds scrolls: rows out of sight skip layout and paint (content-visibility),
  // so each update does not walk every row's boxes. They stay in the page and its accessibility
  // tree. The side padding keeps a focused control's outline inside the row, which clips paint.
  return (
    <li className="flex flex-col gap-2 border-b border-slate-200 px-1.5 py-3 last:border-b-0 [content-visibility:auto] [contain-intrinsic-size:auto_6.5rem]">
      <div className="flex items-center gap-3">
        <span aria-hidden="true" className={`h-3 w-3 shrink-0 rounded-full ${online ? "bg-emerald-600" : "border-2 border-slate-500 bg-white"}`} />
        <span className="min-w-0 flex-1 truncate text-lg font-bold text-slate-900" title={name}>
          {name}
        </span>
        <span className={`text-xs font-bold uppercase tracking-wide ${online ? "text-emerald-800" : "text-slate-600"}`}>{online ? "online" : "offline"}</span>
        <span className="rounded-md bg-indigo-50 px-2 py-0.5 font-mono text-sm font-bold text-indigo-900">
          {seat ? neuronTag(seat, layerCount) : "no neuron"}
        </span>
      </div>
      {renaming ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            const confirmation = hidden ? `${name} renamed.` : `Renamed to ${draft.trim()}.`;
            if (await run("student:rename", { studentId: id, nickname: draft.trim() }, confirmation)) setRenaming(false);
          }}
        >
          <input aria-label={`New nickname for ${name}`} value={draft} maxLength={40} autoFocus onChange={(e) => setDraft(e.target.value)} className={`${FIELD} min-w-0 flex-1 py-1`} />
          <button type="submit" className={PRIMARY} disabled={!enabled || draft.trim() === ""}>
            Save
          </button>
          <button type="button" className={SECONDARY} onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <SeatSelect
            label={`Neuron for ${name}`}
            seats={seats}
            layerCount={layerCount}
            seat={seat}
            occupancy={occupancy}
            disabled={!enabled}
            onMove={(to) => void run("student:move", { studentId: id, seat: to }, `${name} moved to ${neuronTag(to, layerCount)}.`)}
          />
          <button
            type="button"
            className={SECONDARY}
            disabled={!enabled}
            aria-label={`Rename ${name}`}
            onClick={() => {
              // While names are hidden, the old name is not put on the (mirrored) screen.
              setDraft(hidden ? "" : nickname);
              setRenaming(true);
            }}
          >
            Rename
          </button>
          <ConfirmButton
            label="Remove"
            ariaLabel={`Remove ${name}`}
            question={`Remove ${name} from the class?`}
            confirmLabel="Remove"
            disabled={!enabled}
            onConfirm={() => run("student:remove", { studentId: id }, `${name} was removed. “Let back in” undoes it.`)}
          />
        </div>
      )}
    </li>
  );
});
