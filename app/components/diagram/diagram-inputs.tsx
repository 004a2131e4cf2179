/** The input column: each value in a box, its name to the left. */
import { formatValue } from "../../../lib/session/format";
import type { DiagramModel, Emphasis } from "./diagram-model";
import type { DiagramGeometry } from "./geometry";
import { clip, inputLabel } from "./labels";
import { INK, MUTED } from "./palette";

export function DiagramInputs({ model, geometry, emphasis }: { model: DiagramModel; geometry: DiagramGeometry; emphasis: Emphasis }) {
  const { w, h } = geometry.inputHalf;
  const lit = emphasis.litColumn === 0;
  return (
    <g>
      {geometry.inputs.map((p, i) => {
        const name = inputLabel(model.inputLabels, i);
        return (
          <g key={i}>
            <title>{`${name}: ${formatValue(model.inputs[i] ?? 0)}`}</title>
            <rect
              x={p.x - w}
              y={p.y - h}
              width={2 * w}
              height={2 * h}
              rx={12}
              fill={lit ? "#e0e7ff" : "#ffffff"}
              stroke={lit ? "#4338ca" : "#334155"}
              strokeWidth={lit ? 4 : 2.5}
            />
            <text x={p.x} y={p.y + 8 * geometry.scale} textAnchor="middle" fontSize={23 * geometry.scale} fontWeight={700} fill={INK} style={{ fontVariantNumeric: "tabular-nums" }}>
              {formatValue(model.inputs[i] ?? 0)}
            </text>
            <text x={p.x - w - 12} y={p.y + 6} textAnchor="end" fontSize={18 * Math.max(geometry.scale, 0.85)} fontWeight={600} fill={MUTED}>
              {clip(name, 14)}
            </text>
          </g>
        );
      })}
    </g>
  );
}
