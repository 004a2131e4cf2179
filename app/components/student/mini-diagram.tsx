/**
 * A small picture of the whole class network, in the projector's visual grammar: a weight's
 * sign by colour and dash (orange solid positive, blue dashed negative) and its size by
 * thickness (palette.ts). My own neuron and lines are marked another way: a ring and the word
 * "You" on the neuron, a soft halo under my lines. While the teacher plays the forward pass,
 * the columns the signal has not reached yet are faded and the column it is at is lit; nothing
 * moves for people who asked for reduced motion.
 */
import type { Network } from "../../../lib/engine/network";
import type { Seat } from "../../../lib/session/state";
import { edgeStyle } from "../diagram/palette";
import { miniDescription, miniLayout, MINI_HEIGHT, MINI_WIDTH } from "./mini-diagram-layout";

interface MiniDiagramProps {
  network: Network;
  inputCount: number;
  seat: Seat;
  /** The column the played forward pass has reached (0 = inputs), or null when not playing. */
  litColumn: number | null;
}

const HALO = "#a5b4fc";
const MINE = "#4338ca";
const LIT = "#f59e0b";
// Thinner than the projector's lines: the whole picture is a phone's width.
const SHRINK = 0.45;

const faded = (litColumn: number | null, column: number) => litColumn !== null && column > litColumn;

export function MiniDiagram({ network, inputCount, seat, litColumn }: MiniDiagramProps) {
  const sizes = [inputCount, ...network.layers.map((l) => l.neurons.length)];
  const { x, y, radius } = miniLayout(sizes);
  const mineColumn = seat.layer + 1;
  const halos: React.ReactNode[] = [];
  const edges: React.ReactNode[] = [];

  network.layers.forEach((layer, l) =>
    layer.neurons.forEach((neuron, j) =>
      neuron.weights.forEach((w, k) => {
        const c = l + 1;
        const ends = { x1: x(c - 1), y1: y(sizes[c - 1] ?? 1, k), x2: x(c), y2: y(sizes[c] ?? 1, j) };
        const mine = (c === mineColumn && j === seat.neuron) || (c === mineColumn + 1 && k === seat.neuron);
        const style = edgeStyle(w);
        const width = Math.max(0.8, style.width * SHRINK);
        if (mine) halos.push(<line key={`h${c}-${k}-${j}`} {...ends} stroke={HALO} strokeWidth={width + 6} strokeLinecap="round" opacity={0.7} />);
        edges.push(
          <line
            key={`${c}-${k}-${j}`}
            data-edge={`${l}-${j}-${k}`}
            data-sign={style.sign}
            data-mine={mine || undefined}
            {...ends}
            stroke={style.stroke}
            strokeWidth={width}
            strokeDasharray={style.dash?.split(" ").map((d) => Number(d) * 0.5).join(" ")}
            opacity={faded(litColumn, c) ? 0.15 : mine ? 1 : 0.55}
          />,
        );
      }),
    ),
  );

  return (
    <figure className="rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <svg viewBox={`0 0 ${MINI_WIDTH} ${MINI_HEIGHT}`} className="h-auto w-full" role="img" aria-label={miniDescription(sizes, seat)}>
        <g>{halos}</g>
        <g>{edges}</g>
        {sizes.map((count, c) =>
          Array.from({ length: count }, (_, i) => {
            const isMine = c === mineColumn && i === seat.neuron;
            const lit = litColumn === c;
            const r = radius(count);
            const cx = x(c);
            const cy = y(count, i);
            const fill = lit ? LIT : isMine ? MINE : c === 0 ? "#94a3b8" : "#ffffff";
            return (
              <g key={`${c}-${i}`} data-neuron={`${c}-${i}`} data-mine={isMine || undefined} data-lit={lit || undefined} opacity={faded(litColumn, c) ? 0.35 : 1}>
                {isMine && <circle cx={cx} cy={cy} r={r + 5} fill="none" stroke={MINE} strokeWidth={2.5} className={lit ? "motion-safe:animate-pulse" : undefined} />}
                <circle cx={cx} cy={cy} r={r} fill={fill} stroke={c === 0 ? "#64748b" : "#475569"} strokeWidth={1.5} />
                {isMine && (
                  <text x={cx} y={cy - r - 9} textAnchor="middle" fontSize="13" fontWeight="800" fill={MINE}>
                    You
                  </text>
                )}
              </g>
            );
          }),
        )}
        {sizes.map((_, c) => (
          <text key={c} x={x(c)} y={MINI_HEIGHT - 4} textAnchor="middle" fontSize="12" fill="#334155">
            {c === 0 ? "inputs" : c === sizes.length - 1 ? "output" : sizes.length > 3 ? `hidden ${c}` : "hidden"}
          </text>
        ))}
      </svg>
      <figcaption className="mt-1 text-sm text-slate-700">
        Signals flow left to right. <strong className="text-indigo-800">You</strong> are the ringed dot; your lines have a
        soft halo. Orange solid lines are positive weights, blue dashed lines negative; thicker means larger.
      </figcaption>
    </figure>
  );
}
