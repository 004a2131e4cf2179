/**
 * Every neuron: its output (large), its tag and bias (small, when there is room) inside it, who
 * it is below, and on the output layer its label and, for softmax, its probability to the right.
 * A neuron is a circle when its value fits, else a pill just wide enough for it.
 */
import { formatPercent, formatValue } from "../../../lib/session/format";
import { argmax, whoText, type DiagramModel, type Emphasis } from "./diagram-model";
import type { DiagramGeometry } from "./geometry";
import { clip, neuronTag, outputLabel } from "./labels";
import { BRAND, INK, MUTED, neuronFill } from "./palette";
import { textWidth } from "./type-scale";

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
  const { w, h } = geometry.neuron;
  const type = geometry.type;
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
            <g key={`${l}-${j}`} opacity={dimmed ? 0.3 : 1} className="diagram-fade">
              <rect
                x={p.x - w / 2}
                y={p.y - h / 2}
                width={w}
                height={h}
                rx={h / 2}
                fill={dimmed ? "#f8fafc" : neuronFill(out)}
                stroke={focused || lit ? BRAND : out === 0 ? "#64748b" : "#312e81"}
                strokeWidth={focused || lit ? 6 : 3}
                className={lit ? "diagram-pulse" : undefined}
              />
              <title>{`${neuronTag(seat, count)}: output ${formatValue(out)}, bias ${formatValue(neuron.bias)}`}</title>
              {geometry.detailed && (
                <text x={p.x} y={p.y - type.value * 0.45} textAnchor="middle" fontSize={type.label} fontWeight={700} fill={MUTED} data-role="label">
                  {neuronTag(seat, count)}
                </text>
              )}
              <text x={p.x} y={p.y + type.value * 0.36} textAnchor="middle" fontSize={type.value} fontWeight={800} fill={INK} style={NUMBERS} data-role="value">
                {formatValue(out)}
              </text>
              {geometry.detailed && (
                <text x={p.x} y={p.y + type.value * 0.5 + type.label * 1.05} textAnchor="middle" fontSize={type.label} fontWeight={600} fill={MUTED} style={NUMBERS} data-role="label">
                  {`b ${formatValue(neuron.bias)}`}
                </text>
              )}
              {/* "no student yet" only where there is room: a crowded network reads better without it. */}
              <Who x={p.x} y={p.y + h / 2 + geometry.nameLineHeight * 0.85} lines={who} empty={markEmpty && who.length === 0 && geometry.nameLines > 1} geometry={geometry} />
              {isOutput && (
                <OutputLabel
                  x={p.x + w / 2 + 14}
                  y={p.y}
                  label={outputLabel(model.outputLabels, j)}
                  share={model.softmaxOutput ? formatPercent(out) : null}
                  predicted={model.softmaxOutput && j === winner}
                  geometry={geometry}
                />
              )}
            </g>
          );
        }),
      )}
    </g>
  );
}

/** Names under a neuron, as many lines as there is room for; a larger team shows "+n more". */
function Who({ x, y, lines, empty, geometry }: { x: number; y: number; lines: string[]; empty: boolean; geometry: DiagramGeometry }) {
  const size = geometry.type.name;
  if (empty) {
    return (
      <text x={x} y={y} textAnchor="middle" fontSize={size} fontStyle="italic" fill={MUTED} data-role="name">
        no student yet
      </text>
    );
  }
  const room = geometry.nameLines;
  const shown = lines.length > room ? [...lines.slice(0, room - 1), `${room === 1 ? `${clip(lines[0]!, 10)} ` : ""}+${lines.length - room + 1} more`] : lines;
  return (
    <text x={x} y={y} textAnchor="middle" fontSize={size} fontWeight={700} fill={INK} stroke="#ffffff" strokeWidth={4} paintOrder="stroke" data-role="name">
      {lines.length > 0 && <title>{lines.join(", ")}</title>}
      {shown.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : geometry.nameLineHeight}>
          {clip(line, 18)}
        </tspan>
      ))}
    </text>
  );
}

function OutputLabel({ x, y, label, share, predicted, geometry }: { x: number; y: number; label: string; share: string | null; predicted: boolean; geometry: DiagramGeometry }) {
  const { type } = geometry;
  const shareWidth = share ? textWidth(share, type.share) : 0;
  const chip = { w: textWidth("prediction", type.label) + 12, h: Math.round(type.label * 1.45) };
  return (
    <g>
      <text x={x} y={share ? y - type.share * 0.2 : y + type.label * 0.36} fontSize={type.label} fontWeight={800} fill={INK} data-role="label">
        {clip(label, 18)}
      </text>
      {share && (
        <text x={x} y={y + type.share * 0.95} fontSize={type.share} fontWeight={800} fill={BRAND} style={NUMBERS} data-role="share">
          {share}
        </text>
      )}
      {predicted && (
        <g>
          <rect x={x + shareWidth + 8} y={y + type.share * 0.95 - chip.h * 0.78} width={chip.w} height={chip.h} rx={chip.h / 2} fill={BRAND} />
          <text x={x + shareWidth + 8 + chip.w / 2} y={y + type.share * 0.95 - chip.h * 0.78 + chip.h * 0.72} textAnchor="middle" fontSize={type.label} fontWeight={800} fill="#ffffff" data-role="label">
            prediction
          </text>
        </g>
      )}
    </g>
  );
}
