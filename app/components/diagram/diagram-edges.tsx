/**
 * Every weight as a line from the value it reads to the neuron that owns it. Labels sit near the
 * owning neuron, where the lines of one neuron fan apart, and carry a white halo so they stay
 * readable where lines cross.
 */
import { formatValue } from "../../../lib/session/format";
import type { DiagramModel, Emphasis } from "./diagram-model";
import { chipWidth, type DiagramGeometry, type Point } from "./geometry";
import { inputLabel, neuronTag } from "./labels";
import { edgeStyle } from "./palette";

interface EdgesProps {
  model: DiagramModel;
  geometry: DiagramGeometry;
  emphasis: Emphasis;
}

function edgeOpacity(emphasis: Emphasis, layer: number, neuron: number): number {
  if (emphasis.litColumn !== null && layer + 1 > emphasis.litColumn) return 0.12;
  if (emphasis.seat) return emphasis.seat.layer === layer && emphasis.seat.neuron === neuron ? 1 : 0.18;
  return 0.9;
}

export function DiagramEdges({ model, geometry, emphasis }: EdgesProps) {
  const count = model.network.layers.length;
  return (
    <g>
      {model.network.layers.map((layer, l) =>
        layer.neurons.map((neuron, j) => {
          const target = geometry.neurons[l]?.[j];
          if (!target) return null;
          const sources: Point[] = l === 0 ? geometry.inputs : (geometry.neurons[l - 1] ?? []);
          const opacity = edgeOpacity(emphasis, l, j);
          const focused = emphasis.seat?.layer === l && emphasis.seat.neuron === j;
          const placed = geometry.labelAt[l] ?? null;
          const showLabels = (placed !== null && !emphasis.seat) || focused;
          const at = placed ?? geometry.focusAt[l] ?? 0.5;
          return neuron.weights.map((w, k) => {
            const source = sources[k];
            if (!source) return null;
            const style = edgeStyle(w);
            const from = l === 0 ? inputLabel(model.inputLabels, k) : neuronTag({ layer: l - 1, neuron: k }, count);
            const label = { x: source.x + at * (target.x - source.x), y: source.y + at * (target.y - source.y) };
            return (
              <g key={`${l}-${j}-${k}`} opacity={opacity} data-sign={style.sign} className="diagram-fade">
                <title>{`Weight ${formatValue(w)} from ${from} into ${neuronTag({ layer: l, neuron: j }, count)}`}</title>
                <line
                  x1={source.x}
                  y1={source.y}
                  x2={target.x}
                  y2={target.y}
                  stroke={style.stroke}
                  strokeWidth={style.width}
                  strokeDasharray={style.dash}
                  strokeLinecap={style.dash ? "butt" : "round"}
                />
                {showLabels && opacity > 0.5 && (
                  <WeightLabel x={label.x} y={label.y} value={w} colour={style.sign === "zero" ? "#334155" : style.stroke} geometry={geometry} edge={`${l}-${j}-${k}`} />
                )}
              </g>
            );
          });
        }),
      )}
    </g>
  );
}

/** A weight's value on a white chip, so the line it sits on never cuts through the digits. */
function WeightLabel({ x, y, value, colour, geometry, edge }: { x: number; y: number; value: number; colour: string; geometry: DiagramGeometry; edge: string }) {
  const text = formatValue(value);
  const size = geometry.type.weight;
  const width = chipWidth(text, geometry.type);
  const height = geometry.chipHeight;
  return (
    <g data-weight={edge}>
      <rect x={x - width / 2} y={y - height / 2} width={width} height={height} rx={5} fill="#ffffff" fillOpacity={0.92} />
      <text x={x} y={y + size * 0.36} textAnchor="middle" fontSize={size} fontWeight={700} fill={colour} style={{ fontVariantNumeric: "tabular-nums" }} data-role="weight">
        {text}
      </text>
    </g>
  );
}
