"use client";

/**
 * The shared network diagram, used by the teacher's dashboard and the projector views. It
 * redraws from the shared engine's forward pass on every state change. The picture is one
 * `role="img"` SVG with a text summary; when the teacher may edit neurons, real HTML buttons
 * are laid over the circles (an image must not contain controls).
 */
import { useId, useMemo, useState } from "react";
import type { Seat, SessionState } from "../../../lib/session/state";
import { DiagramEdges } from "./diagram-edges";
import { DiagramInputs } from "./diagram-inputs";
import { buildModel, type Emphasis } from "./diagram-model";
import { DiagramNeurons } from "./diagram-neurons";
import { DiagramTitles } from "./diagram-titles";
import { layoutDiagram } from "./geometry";
import { NeuronHotspots } from "./neuron-hotspots";
import { describeDiagram, nameDiagram } from "./summary";
import { WeightLegend } from "./weight-legend";

interface NetworkDiagramProps {
  state: SessionState;
  /** The tallest the drawing may be (a CSS length); its width follows the aspect ratio. */
  maxHeight: string;
  /** When given, each neuron is a button that calls this (the teacher's neuron editor). */
  onActivateNeuron?: (seat: Seat) => void;
  /** Forward-pass animation: columns after this one are dimmed. */
  litColumn?: number | null;
  /** Teacher's view: mark the neurons nobody sits on. */
  markEmpty?: boolean;
  legend?: boolean;
}

export function NetworkDiagram({ state, maxHeight, onActivateNeuron, litColumn = null, markEmpty = false, legend = true }: NetworkDiagramProps) {
  const model = useMemo(() => buildModel(state), [state]);
  const geometry = useMemo(() => layoutDiagram(state.network), [state.network]);
  const [hovered, setHovered] = useState<Seat | null>(null);
  const descriptionId = useId();

  if (!model) {
    return (
      <p role="alert" className="rounded-xl bg-amber-50 p-6 text-lg font-semibold text-amber-900">
        This network cannot be computed. Load a preset or a saved network.
      </p>
    );
  }
  const emphasis: Emphasis = { seat: hovered, litColumn };
  const ratio = geometry.width / geometry.height;
  return (
    <figure className="flex w-full flex-col items-center gap-3">
      <div
        className="relative"
        style={{ aspectRatio: `${geometry.width} / ${geometry.height}`, width: `min(100%, calc(${maxHeight} * ${ratio.toFixed(4)}))` }}
      >
        <svg
          viewBox={`0 0 ${geometry.width} ${geometry.height}`}
          role="img"
          aria-label={nameDiagram(model)}
          aria-describedby={descriptionId}
          className="absolute inset-0 h-full w-full select-none"
        >
          <DiagramTitles model={model} geometry={geometry} emphasis={emphasis} />
          <DiagramEdges model={model} geometry={geometry} emphasis={emphasis} />
          <DiagramInputs model={model} geometry={geometry} emphasis={emphasis} />
          <DiagramNeurons model={model} geometry={geometry} emphasis={emphasis} markEmpty={markEmpty} />
        </svg>
        <p id={descriptionId} className="sr-only">
          {describeDiagram(model)}
        </p>
        {onActivateNeuron && <NeuronHotspots model={model} geometry={geometry} onActivate={onActivateNeuron} onHover={setHovered} />}
      </div>
      {legend && <WeightLegend />}
    </figure>
  );
}
