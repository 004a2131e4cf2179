/**
 * A small step chart in SVG (no chart library): values held until they change, over the
 * session's time, with the cursor's time drawn as a line. Each series has a colour and a dash
 * pattern, so lines are told apart without colour. The picture is one image with a name;
 * the numbers it shows are written out beside it by the caller.
 */
import { formatOffset } from "../../../lib/replay/timeline";

export interface Series {
  label: string;
  /** [time (epoch ms), value], in time order. */
  points: readonly (readonly [number, number])[];
  color: string;
  dash?: string;
}

/** Colours and dashes for up to eight series, then again. */
export const SERIES_STYLES = [
  { color: "#4338ca", dash: undefined },
  { color: "#b45309", dash: "6 3" },
  { color: "#047857", dash: "2 3" },
  { color: "#be123c", dash: "8 3 2 3" },
  { color: "#0369a1", dash: "4 4" },
  { color: "#7e22ce", dash: "1 2" },
  { color: "#334155", dash: "10 4" },
  { color: "#a16207", dash: "3 2 1 2" },
] as const;

interface LineChartProps {
  series: readonly Series[];
  startAt: number;
  endAt: number;
  cursorAt: number;
  label: string;
  /** Fixed bounds (a probability: 0..1); otherwise from the data, with 0 included. */
  yDomain?: readonly [number, number];
  formatY?: (y: number) => string;
  height?: number;
}

const W = 320;
const PAD = { left: 40, right: 8, top: 8, bottom: 20 };

export function LineChart({ series, startAt, endAt, cursorAt, label, yDomain, formatY = (y) => y.toFixed(1), height = 150 }: LineChartProps) {
  const values = series.flatMap((s) => s.points.map((p) => p[1]));
  let [lo, hi] = yDomain ?? [Math.min(0, ...values), Math.max(0, ...values)];
  if (hi - lo < 1e-9) {
    lo -= 1;
    hi += 1;
  }
  const span = Math.max(1, endAt - startAt);
  const x = (t: number) => PAD.left + ((t - startAt) / span) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (height - PAD.top - PAD.bottom);
  const path = (points: Series["points"]) => {
    if (points.length === 0) return "";
    let d = `M${x(points[0]![0]).toFixed(1)},${y(points[0]![1]).toFixed(1)}`;
    for (let i = 1; i < points.length; i++) d += `H${x(points[i]![0]).toFixed(1)}V${y(points[i]![1]).toFixed(1)}`;
    return `${d}H${x(endAt).toFixed(1)}`;
  };
  const ticks = [lo, (lo + hi) / 2, hi];
  const cx = x(Math.min(endAt, Math.max(startAt, cursorAt)));
  return (
    <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={label} className="h-auto w-full overflow-visible">
      {ticks.map((v, i) => (
        <g key={i}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" strokeWidth={1} />
          <text x={PAD.left - 4} y={y(v) + 4} textAnchor="end" fontSize={10} fill="#475569">
            {formatY(v)}
          </text>
        </g>
      ))}
      {lo < 0 && hi > 0 && <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#94a3b8" strokeWidth={1} />}
      <text x={PAD.left} y={height - 4} fontSize={10} fill="#475569">
        0:00
      </text>
      <text x={W - PAD.right} y={height - 4} textAnchor="end" fontSize={10} fill="#475569">
        {formatOffset(span)}
      </text>
      {series.map((s, i) => (
        <path key={i} d={path(s.points)} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dash} strokeLinejoin="round" />
      ))}
      <line x1={cx} x2={cx} y1={PAD.top - 4} y2={height - PAD.bottom} stroke="#0f172a" strokeWidth={1.5} />
      <circle cx={cx} cy={PAD.top - 4} r={3} fill="#0f172a" />
    </svg>
  );
}

/** A series' value at a time: the last point at or before it (the first before any). */
export function valueAt(points: Series["points"], t: number): number | null {
  if (points.length === 0) return null;
  let v = points[0]![1];
  for (const [at, value] of points) {
    if (at > t) break;
    v = value;
  }
  return v;
}

/** The key of a chart: each series' line sample, its name and its value at the cursor. */
export function ChartKey({ series, at, format }: { series: readonly Series[]; at: number; format: (v: number) => string }) {
  return (
    <ul className="mt-2 grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] gap-x-3 gap-y-1 text-sm">
      {series.map((s, i) => {
        const v = valueAt(s.points, at);
        return (
          <li key={i} className="flex items-center gap-2">
            <svg aria-hidden="true" width="22" height="8" className="shrink-0">
              <line x1="1" x2="21" y1="4" y2="4" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dash} />
            </svg>
            <span className="truncate font-semibold text-slate-700">{s.label}</span>
            <span className="ml-auto font-mono font-bold tabular-nums text-slate-950">{v === null ? "–" : format(v)}</span>
          </li>
        );
      })}
    </ul>
  );
}
