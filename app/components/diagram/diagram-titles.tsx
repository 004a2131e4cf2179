/** Column headings: "Inputs", "Hidden layer", "Output layer", with each layer's activation. */
import type { DiagramModel, Emphasis } from "./diagram-model";
import type { DiagramGeometry } from "./geometry";
import { layerActivationText, layerTitle } from "./labels";
import { BRAND, INK, MUTED } from "./palette";

export function DiagramTitles({ model, geometry, emphasis }: { model: DiagramModel; geometry: DiagramGeometry; emphasis: Emphasis }) {
  const count = model.network.layers.length;
  const headings = [
    { title: "Inputs", detail: `${model.inputs.length} value${model.inputs.length === 1 ? "" : "s"}` },
    ...model.network.layers.map((_, l) => ({
      title: layerTitle(l, count),
      detail: `${layerActivationText(model.network, l)}${model.layerLocked[l] ? " · locked" : ""}`,
    })),
  ];
  return (
    <g>
      {headings.map((h, c) => {
        const x = geometry.columns[c] ?? 0;
        const active = emphasis.litColumn === c;
        const dimmed = emphasis.litColumn !== null && c > emphasis.litColumn;
        return (
          <g key={c} opacity={dimmed ? 0.35 : 1} className="diagram-fade">
            <text x={x} y={geometry.titleY} textAnchor="middle" fontSize={geometry.type.title} fontWeight={800} fill={active ? BRAND : INK} data-role="title">
              {h.title}
            </text>
            <text x={x} y={geometry.detailY} textAnchor="middle" fontSize={geometry.type.label} fontWeight={500} fill={MUTED} data-role="label">
              {h.detail}
            </text>
          </g>
        );
      })}
    </g>
  );
}
