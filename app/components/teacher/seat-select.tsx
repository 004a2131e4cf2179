"use client";

/**
 * Moving a student by keyboard: a plain <select> of every neuron, in seating order, with how
 * many students already sit there (so the teacher can spot teams and empty neurons).
 */
import type { Seat } from "../../../lib/session/state";
import { neuronTag, seatKey } from "../diagram/labels";
import { FIELD } from "./ui";

interface SeatSelectProps {
  label: string;
  /** Every neuron in seating order. */
  seats: readonly Seat[];
  layerCount: number;
  seat: Seat | null;
  occupancy: Map<string, number>;
  disabled?: boolean;
  onMove: (seat: Seat) => void;
}

export function SeatSelect({ label, seats, layerCount: count, seat, occupancy, disabled, onMove }: SeatSelectProps) {
  return (
    <select
      aria-label={label}
      value={seat ? seatKey(seat) : ""}
      disabled={disabled}
      onChange={(e) => {
        const target = seats.find((s) => seatKey(s) === e.target.value);
        if (target) onMove(target);
      }}
      className={`${FIELD} min-w-[10rem] flex-1 py-1 text-sm`}
    >
      {!seat && <option value="">Not seated</option>}
      {seats.map((s) => {
        const n = occupancy.get(seatKey(s)) ?? 0;
        return (
          <option key={seatKey(s)} value={seatKey(s)}>
            {`${neuronTag(s, count)} (${n === 0 ? "empty" : n === 1 ? "1 student" : `${n} students`})`}
          </option>
        );
      })}
    </select>
  );
}
