/**
 * The leaderboard as a ranked list (labelled "Leaderboard"): rank, name, points. The
 * dashboard lists the whole class; the projector, the top five.
 */
import type { LeaderRow } from "./dash-tally";

const MEDAL = ["bg-amber-400 text-amber-950", "bg-slate-300 text-slate-900", "bg-orange-300 text-orange-950"];

export function LeaderboardList({ rows, size = "dash" }: { rows: readonly LeaderRow[]; size?: "dash" | "wall" }) {
  const wall = size === "wall";
  if (rows.length === 0) {
    return (
      <p aria-label="Leaderboard" role="group" className={`rounded-xl bg-slate-50 p-4 text-slate-700 ${wall ? "text-3xl" : "text-base"}`}>
        No scores yet: points come in when an answer is revealed.
      </p>
    );
  }
  return (
    <ol aria-label="Leaderboard" className={`grid ${wall ? "gap-4" : "gap-1.5"}`}>
      {rows.map((row) => (
        <li
          key={row.studentId}
          className={`grid items-center rounded-xl bg-white ring-1 ring-slate-200 ${
            wall ? "grid-cols-[5rem_1fr_auto] gap-6 px-6 py-4 text-[2.6rem]" : "grid-cols-[2.25rem_1fr_auto] gap-3 px-3 py-1.5 text-base"
          }`}
        >
          <span
            className={`flex items-center justify-center rounded-full font-black tabular-nums ${wall ? "h-16 w-16" : "h-8 w-8 text-sm"} ${
              MEDAL[row.rank - 1] ?? "bg-slate-100 text-slate-800"
            }`}
          >
            <span className="sr-only">Rank </span>
            {row.rank}
          </span>{" "}
          <span className="truncate font-bold text-slate-950">{row.name}</span>{" "}
          <span className="font-mono font-bold tabular-nums text-slate-900">
            {row.points.toLocaleString("en-GB")} <span className={`font-sans font-semibold text-slate-600 ${wall ? "text-2xl" : "text-sm"}`}>pts</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
