/**
 * Every neuron: its output (large), its tag and bias (small) inside the circle, who it is below,
 * and on the output layer its label and, for softmax, its probability to the right.
 */
import { formatPercent, formatValue } from "../../../lib/session/format";
import { argmax, whoText, type DiagramModel, type Emphasis } from "./diagram-model";
import type { DiagramGeometry } from "./geometry";
import { clip, neuronTag, outputLabel } from "./labels";
import { BRAND, INK, MUTED, neuronFill } from "./palette";

interface NeuronsProps {
  model: DiagramModel;
  geometry: DiagramGeometry;
  emphasis: Emphasis;
  /** Teacher's view: say which neurons nobody sits on (the teacher sets those). */
  markEmpty: boolean;
}

const NUMBERS = { fontVariantNumeric: "tabular-nums" } as const;

export function DiagramNeurons({ model, geometry, emphasis, markEmpty }: NeuronsProps) {
  const count = model.network.layers.length;
  const r = geometry.radius;
  const k = geometry.scale;
  const lastOutputs = model.result.layers[count - 1]?.output ?? [];
  const winner = argmax(lastOutputs);
  return (
    <g>
      {model.network.layers.map((layer, l) =>
        layer.neurons.map((neuron, j) => {
          const p = geometry.neurons[l]?.[j];
          if (!p) return null;
          const out = model.result.layers[l]?.output[j] ?? 0;
          const seat = { layer: l, neuron: j };
          const who = whoText(model, seat);
          const focused = emphasis.seat?.layer === l && emphasis.seat.neuron === j;
          const lit = emphasis.litColumn === l + 1;
          const dimmed = emphasis.litColumn !== null && l + 1 > emphasis.litColumn;
          const isOutput = l === count - 1;
          return (
            <g key={`${l}-${j}`} opacity={dimmed ? 0.3 : 1}>
              <circle
                cx={p.x}
                cy={p.y}
                r={r}
                fill={dimmed ? "#f8fafc" : neuronFill(out)}
                stroke={focused || lit ? BRAND : out === 0 ? "#64748b" : "#312e81"}
                strokeWidth={focused || lit ? 6 : 3}
              />
              <title>{`${neuronTag(seat, count)}: output ${formatValue(out)}, bias ${formatValue(neuron.bias)}`}</title>
              {geometry.detailed && (
                <text x={p.x} y={p.y - r * 0.45} textAnchor="middle" fontSize={13} fontWeight={700} fill={MUTED}>
                  {neuronTag(seat, count)}
                </text>
              )}
              <text x={p.x} y={p.y + 9 * k} textAnchor="middle" fontSize={24 * k} fontWeight={800} fill={INK} style={NUMBERS}>
                {formatValue(out)}
              </text>
              {geometry.detailed && (
                <text x={p.x} y={p.y + r * 0.62} textAnchor="middle" fontSize={13} fontWeight={600} fill={MUTED} style={NUMBERS}>
                  {`b ${formatValue(neuron.bias)}`}
                </text>
              )}
              <Who x={p.x} y={p.y + r + 20 * k} lines={who} empty={markEmpty && who.length === 0} scale={k} oneLine={!geometry.detailed} />
              {isOutput && (
                <OutputLabel
                  x={p.x + r + 16}
                  y={p.y}
                  label={outputLabel(model.outputLabels, j)}
                  share={model.softmaxOutput ? formatPercent(out) : null}
                  predicted={model.softmaxOutput && j === winner}
                />
              )}
            </g>
          );
        }),
      )}
    </g>
  );
}

/** Up to two names under a neuron; a team larger than that shows "+n more". */
function Who({ x, y, lines, empty, scale, oneLine }: { x: number; y: number; lines: string[]; empty: boolean; scale: number; oneLine: boolean }) {
  if (empty) {
    return (
      <text x={x} y={y} textAnchor="middle" fontSize={15 * scale} fontStyle="italic" fill={MUTED}>
        no student yet
      </text>
    );
  }
  const room = oneLine ? 1 : 2;
  const shown = lines.length > room ? [...lines.slice(0, room - 1), `${room === 1 ? `${clip(lines[0]!, 10)} ` : ""}+${lines.length - room + 1} more`] : lines;
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={17 * Math.max(scale, 0.8)} fontWeight={700} fill={INK} stroke="#ffffff" strokeWidth={4} paintOrder="stroke">
      {lines.length > 0 && <title>{lines.join(", ")}</title>}
      {shown.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : 19}>
          {clip(line, 18)}
        </tspan>
      ))}
    </text>
  );
}

function OutputLabel({ x, y, label, share, predicted }: { x: number; y: number; label: string; share: string | null; predicted: boolean }) {
  return (
    <g>
      <text x={x} y={share ? y - 8 : y + 7} fontSize={20} fontWeight={800} fill={INK}>
        {clip(label, 18)}
      </text>
      {share && (
        <text x={x} y={y + 22} fontSize={27} fontWeight={800} fill={BRAND} style={NUMBERS}>
          {share}
        </text>
      )}
      {predicted && (
        <g>
          <rect x={x} y={y + 36} width={118} height={22} rx={11} fill={BRAND} />
          <text x={x + 59} y={y + 52} textAnchor="middle" fontSize={13} fontWeight={800} fill="#ffffff" letterSpacing={1}>
            PREDICTION
          </text>
        </g>
      )}
    </g>
  );
}
