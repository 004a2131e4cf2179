/** The input column: each value in a box, its name to the left. */
import { formatValue } from "../../../lib/session/format";
import type { DiagramModel, Emphasis } from "./diagram-model";
import type { DiagramGeometry } from "./geometry";
import { clip, inputLabel } from "./labels";
import { INK, MUTED } from "./palette";

export function DiagramInputs({ model, geometry, emphasis }: { model: DiagramModel; geometry: DiagramGeometry; emphasis: Emphasis }) {
  const w = geometry.input.w / 2;
  const h = geometry.input.h / 2;
  const { type } = geometry;
  const lit = emphasis.litColumn === 0;
  return (
    <g>
      {geometry.inputs.map((p, i) => {
        const name = inputLabel(model.inputLabels, i);
        return (
          <g key={i} className="diagram-fade">
            <title>{`${name}: ${formatValue(model.inputs[i] ?? 0)}`}</title>
            <rect
              x={p.x - w}
              y={p.y - h}
              width={2 * w}
              height={2 * h}
              rx={10}
              className={lit ? "diagram-pulse" : undefined}
              fill={lit ? "#e0e7ff" : "#ffffff"}
              stroke={lit ? "#4338ca" : "#334155"}
              strokeWidth={lit ? 4 : 2.5}
            />
            <text x={p.x} y={p.y + type.value * 0.36} textAnchor="middle" fontSize={type.value} fontWeight={700} fill={INK} style={{ fontVariantNumeric: "tabular-nums" }} data-role="value">
              {formatValue(model.inputs[i] ?? 0)}
            </text>
            <text x={p.x - w - 12} y={p.y + type.label * 0.36} textAnchor="end" fontSize={type.label} fontWeight={600} fill={MUTED} data-role="label">
              {clip(name, 14)}
            </text>
          </g>
        );
      })}
    </g>
  );
}
