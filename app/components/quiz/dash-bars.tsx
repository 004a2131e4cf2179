/**
 * A distribution as horizontal bars with their counts written out (right and wrong told by
 * a mark and a word as well as by colour). Dashboard and projector sizes.
 */
import type { Bar } from "./dash-tally";

export function Bars({ bars, size = "dash", label = "Distribution of answers" }: { bars: readonly Bar[]; size?: "dash" | "wall"; label?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.count));
  const wall = size === "wall";
  return (
    <ul aria-label={label} className={`grid ${wall ? "gap-3" : "gap-2"}`}>
      {bars.map((bar, i) => {
        const tone = bar.correct === true ? "bg-emerald-600" : bar.correct === false ? "bg-slate-400" : "bg-indigo-600";
        return (
          <li key={i} className={`grid items-center gap-3 ${wall ? "grid-cols-[minmax(0,22rem)_1fr_4rem] text-2xl" : "grid-cols-[minmax(0,12rem)_1fr_2.5rem] text-sm"}`}>
            <span className="truncate font-semibold text-slate-900" title={bar.label}>
              {bar.correct === true && <span className="mr-1 text-emerald-800">✓</span>}
              {bar.label}
              {bar.correct === true && <span className="sr-only"> (right)</span>}
            </span>{" "}
            <span className={`relative block overflow-hidden rounded-md bg-slate-100 ${wall ? "h-9" : "h-5"}`} aria-hidden="true">
              <span className={`absolute inset-y-0 left-0 rounded-md ${tone}`} style={{ width: `${(bar.count / max) * 100}%` }} />
            </span>
            <span className="text-right font-mono font-bold tabular-nums text-slate-900">{bar.count}</span>
          </li>
        );
      })}
    </ul>
  );
}
