/**
 * Every weight as a line from the value it reads to the neuron that owns it. Labels sit near the
 * owning neuron, where the lines of one neuron fan apart, and carry a white halo so they stay
 * readable where lines cross.
 */
import { formatValue } from "../../../lib/session/format";
import type { DiagramModel, Emphasis } from "./diagram-model";
import { FOCUS_LABEL_AT, type DiagramGeometry, type Point } from "./geometry";
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
          const at = focused ? FOCUS_LABEL_AT : (placed ?? FOCUS_LABEL_AT);
          return neuron.weights.map((w, k) => {
            const source = sources[k];
            if (!source) return null;
            const style = edgeStyle(w);
            const from = l === 0 ? inputLabel(model.inputLabels, k) : neuronTag({ layer: l - 1, neuron: k }, count);
            const label = { x: source.x + at * (target.x - source.x), y: source.y + at * (target.y - source.y) };
            return (
              <g key={`${l}-${j}-${k}`} opacity={opacity} data-sign={style.sign}>
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
                {showLabels && opacity > 0.5 && <WeightLabel x={label.x} y={label.y} value={w} colour={style.sign === "zero" ? "#334155" : style.stroke} />}
              </g>
            );
          });
        }),
      )}
    </g>
  );
}

/** A weight's value on a white chip, so the line it sits on never cuts through the digits. */
function WeightLabel({ x, y, value, colour }: { x: number; y: number; value: number; colour: string }) {
  const text = formatValue(value);
  const width = text.length * 9 + 8;
  return (
    <g>
      <rect x={x - width / 2} y={y - 11} width={width} height={22} rx={5} fill="#ffffff" fillOpacity={0.92} />
      <text x={x} y={y + 5} textAnchor="middle" fontSize={15} fontWeight={700} fill={colour} style={{ fontVariantNumeric: "tabular-nums" }}>
        {text}
      </text>
    </g>
  );
}
