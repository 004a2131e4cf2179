"use client";

/**
 * Buttons laid exactly over the diagram's neurons (positions in percent of the drawing), so the
 * teacher can open any neuron by mouse or keyboard. Hover or focus also highlights the neuron's
 * incoming weights and shows their values.
 */
import { formatValue } from "../../../lib/session/format";
import type { Seat } from "../../../lib/session/state";
import { whoText, type DiagramModel } from "./diagram-model";
import type { DiagramGeometry } from "./geometry";
import { neuronDescription, neuronTag } from "./labels";

interface HotspotsProps {
  model: DiagramModel;
  geometry: DiagramGeometry;
  onActivate: (seat: Seat) => void;
  onHover: (seat: Seat | null) => void;
  /** First words of each button's name: "Set" by default. */
  verb?: string;
}

export function NeuronHotspots({ model, geometry, onActivate, onHover, verb = "Set" }: HotspotsProps) {
  const count = model.network.layers.length;
  const w = geometry.neuron.w + 8;
  const h = geometry.neuron.h + 8;
  const pct = (v: number, total: number) => `${((v / total) * 100).toFixed(3)}%`;
  return (
    // The name avoids the words of other controls ("Bias", "Weight 1"), which tests find by substring.
    <div role="group" aria-label="Neurons of the diagram">
      {geometry.neurons.map((column, l) =>
        column.map((p, j) => {
          const seat = { layer: l, neuron: j };
          const out = model.result.layers[l]?.output[j] ?? 0;
          const who = whoText(model, seat);
          const label = `${verb} neuron ${neuronTag(seat, count)} (${neuronDescription(seat, count)}): output ${formatValue(out)}, ${
            who.length > 0 ? who.join(", ") : "no student"
          }`;
          return (
            <button
              key={`${l}-${j}`}
              type="button"
              aria-label={label}
              title={`${verb} ${neuronTag(seat, count)}`}
              onClick={() => onActivate(seat)}
              onMouseEnter={() => onHover(seat)}
              onMouseLeave={() => onHover(null)}
              onFocus={() => onHover(seat)}
              onBlur={() => onHover(null)}
              className="absolute cursor-pointer rounded-full bg-transparent hover:bg-indigo-600/10 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-indigo-700"
              style={{
                left: pct(p.x - w / 2, geometry.width),
                top: pct(p.y - h / 2, geometry.height),
                width: pct(w, geometry.width),
                height: pct(h, geometry.height),
              }}
            />
          );
        }),
      )}
    </div>
  );
}
