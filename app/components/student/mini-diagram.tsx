/**
 * A small picture of the whole class network with my neuron highlighted: inputs on the left,
 * each layer a column of dots, signals flowing left to right. The lines into my neuron are
 * solid, the lines out of it dashed, so the picture does not rely on colour alone.
 */
import { layerName } from "../../../lib/session/format";
import type { Seat } from "../../../lib/session/state";
import { describeNeuron } from "./neuron-model";

const W = 340;
const H = 150;
const TOP = 12;
const BOTTOM = 126;

function columnLabel(index: number, columns: number): string {
  if (index === 0) return "inputs";
  return layerName(index - 1, columns - 1).replace(" layer", "");
}

export function MiniDiagram({ sizes, seat }: { sizes: number[]; seat: Seat }) {
  // sizes[0] is the number of inputs, then one entry per layer.
  const pad = 26;
  const xOf = (c: number) => (sizes.length === 1 ? W / 2 : pad + (c * (W - 2 * pad)) / (sizes.length - 1));
  const yOf = (count: number, i: number) => TOP + ((i + 0.5) * (BOTTOM - TOP)) / count;
  const radius = (count: number) => Math.max(3, Math.min(10, (BOTTOM - TOP) / count / 2.6));
  const mine = { c: seat.layer + 1, i: seat.neuron };
  const description = `Diagram of the class network: ${sizes[0]} inputs, then ${sizes
    .slice(1)
    .map((n, l) => `${layerName(l, sizes.length - 1)} with ${n} neuron${n === 1 ? "" : "s"}`)
    .join(", ")}. You are ${describeNeuron(seat, sizes.length - 1)}.`;

  // Mine are drawn last, so they sit on top of the others.
  const background: React.ReactNode[] = [];
  const highlighted: React.ReactNode[] = [];
  for (let c = 1; c < sizes.length; c++) {
    const from = sizes[c - 1] ?? 0;
    const to = sizes[c] ?? 0;
    for (let a = 0; a < from; a++) {
      for (let b = 0; b < to; b++) {
        const into = c === mine.c && b === mine.i;
        const outOf = c === mine.c + 1 && a === mine.i;
        (into || outOf ? highlighted : background).push(
          <line
            key={`${c}-${a}-${b}`}
            x1={xOf(c - 1)}
            y1={yOf(from, a)}
            x2={xOf(c)}
            y2={yOf(to, b)}
            stroke={into || outOf ? "#4338ca" : "#cbd5e1"}
            strokeWidth={into ? 2.5 : outOf ? 2 : 1}
            strokeDasharray={outOf ? "5 4" : undefined}
          />,
        );
      }
    }
  }

  return (
    <figure className="rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={description}>
        <g>{background}</g>
        <g>{highlighted}</g>
        {sizes.map((count, c) =>
          Array.from({ length: count }, (_, i) => {
            const isMine = c === mine.c && i === mine.i;
            const r = radius(count);
            return (
              <g key={`${c}-${i}`}>
                {isMine && <circle cx={xOf(c)} cy={yOf(count, i)} r={r + 5} fill="none" stroke="#4338ca" strokeWidth={2} />}
                <circle
                  cx={xOf(c)}
                  cy={yOf(count, i)}
                  r={r}
                  fill={isMine ? "#4338ca" : c === 0 ? "#94a3b8" : "#ffffff"}
                  stroke={c === 0 ? "#64748b" : "#475569"}
                  strokeWidth={1.5}
                />
              </g>
            );
          }),
        )}
        {sizes.map((_, c) => (
          <text key={c} x={xOf(c)} y={H - 4} textAnchor="middle" fontSize="12" fill="#334155">
            {columnLabel(c, sizes.length)}
          </text>
        ))}
      </svg>
      <figcaption className="mt-1 text-sm text-slate-700">
        Signals flow left to right. You are the <strong className="text-indigo-800">ringed dot</strong>: solid lines bring
        values in, dashed lines carry your output on.
      </figcaption>
    </figure>
  );
}
