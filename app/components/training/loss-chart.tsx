/**
 * The loss over time as a small SVG chart (no chart library): the loss as a line, each round's
 * start and end and each automatic step as a vertical mark with its own dash, named in a key
 * under the chart, so the marks are told apart without colour. The picture is one image named
 * "Loss over time"; its numbers are written out by the panels around it.
 */
import type { LossMark, LossPoint } from "./loss-history";

interface LossChartProps {
  points: readonly LossPoint[];
  marks: readonly LossMark[];
  /** The right end of the time axis (now, or the replay's cursor); else the last point. */
  endAt?: number;
  height?: number;
  /** A vertical line at this time (the replay's cursor). */
  cursorAt?: number;
  /** The drawing's width in its own units: about the width it shows at, so its text stays readable. */
  width?: number;
}

const PAD = { left: 52, right: 12, top: 10, bottom: 24 };

const MARK_STYLE: Record<LossMark["kind"], { stroke: string; dash: string | undefined; name: string }> = {
  "round-start": { stroke: "#4338ca", dash: undefined, name: "round starts" },
  "round-end": { stroke: "#4338ca", dash: "5 3", name: "round ends" },
  step: { stroke: "#b45309", dash: "2 3", name: "automatic step" },
};

const seconds = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

export function LossChart({ points, marks, endAt, height = 200, cursorAt, width: W = 720 }: LossChartProps) {
  const first = Math.min(points[0]?.at ?? Infinity, marks[0]?.at ?? Infinity);
  const start = Number.isFinite(first) ? first : 0;
  const lastAt = Math.max(points[points.length - 1]?.at ?? start, marks[marks.length - 1]?.at ?? start, endAt ?? start);
  const span = Math.max(1000, lastAt - start);
  // The axis fits the losses seen (a small class's moves change the loss in the third decimal),
  // never below 0 and never narrower than 0.02.
  const losses = points.map((p) => p.loss);
  const min = losses.length ? Math.min(...losses) : 0;
  const max = losses.length ? Math.max(...losses) : 1;
  const pad = Math.max(0.01, (max - min) * 0.1);
  const lo = Math.max(0, min - pad);
  const hi = Math.max(lo + 0.02, max + pad);
  const x = (t: number) => PAD.left + ((t - start) / span) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (height - PAD.top - PAD.bottom);
  // A loss holds until the next change: a step line.
  let d = "";
  points.forEach((p, i) => {
    d += i === 0 ? `M${x(p.at).toFixed(1)},${y(p.loss).toFixed(1)}` : `H${x(p.at).toFixed(1)}V${y(p.loss).toFixed(1)}`;
  });
  const lastPoint = points[points.length - 1];
  if (lastPoint && endAt !== undefined && endAt > lastPoint.at) d += `H${x(endAt).toFixed(1)}`;
  const ticks = [lo, (lo + hi) / 2, hi];
  const kinds = [...new Set(marks.map((m) => m.kind))];
  return (
    <figure className="m-0">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label="Loss over time" className="h-auto w-full overflow-visible">
        {ticks.map((v, i) => (
          <g key={i}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" strokeWidth={1} />
            <text x={PAD.left - 5} y={y(v) + 4} textAnchor="end" fontSize={14} fill="#475569">
              {v.toFixed(3)}
            </text>
          </g>
        ))}
        {marks.map((m, i) => {
          const style = MARK_STYLE[m.kind];
          return (
            <g key={i}>
              <line x1={x(m.at)} x2={x(m.at)} y1={PAD.top} y2={height - PAD.bottom} stroke={style.stroke} strokeWidth={1.5} strokeDasharray={style.dash}>
                <title>{m.label}</title>
              </line>
              {m.kind === "round-start" && (
                <text x={x(m.at) + 4} y={PAD.top + 12} fontSize={13} fontWeight={700} fill={style.stroke}>
                  {m.label.replace("Round ", "R")}
                </text>
              )}
            </g>
          );
        })}
        {d && <path d={d} fill="none" stroke="#0f172a" strokeWidth={2.5} strokeLinejoin="round" />}
        {lastPoint && <circle cx={x(endAt !== undefined && endAt > lastPoint.at ? endAt : lastPoint.at)} cy={y(lastPoint.loss)} r={4} fill="#0f172a" />}
        {cursorAt !== undefined && <line x1={x(cursorAt)} x2={x(cursorAt)} y1={PAD.top - 4} y2={height - PAD.bottom} stroke="#be123c" strokeWidth={2} />}
        <text x={PAD.left} y={height - 5} fontSize={14} fill="#475569">
          0:00
        </text>
        <text x={W - PAD.right} y={height - 5} textAnchor="end" fontSize={14} fill="#475569">
          {seconds(span)}
        </text>
      </svg>
      {kinds.length > 0 && (
        <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {kinds.map((kind) => (
            <span key={kind} className="inline-flex items-center gap-1.5">
              <svg aria-hidden="true" width="10" height="16">
                <line x1="5" x2="5" y1="1" y2="15" stroke={MARK_STYLE[kind].stroke} strokeWidth="2" strokeDasharray={MARK_STYLE[kind].dash} />
              </svg>
              {MARK_STYLE[kind].name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
