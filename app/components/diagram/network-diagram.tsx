"use client";

/**
 * The shared network diagram, used by the teacher's dashboard and the projector views. It reads
 * the parts of the live session it draws and redraws from the shared engine's forward pass
 * when one of them changes (a slider move, not a lock or a range). The picture is one
 * `role="img"` SVG with a text summary; when the teacher may edit neurons, real HTML buttons
 * are laid over the neurons (an image must not contain controls). It is laid out in the pixels
 * of the box it gets, so its text keeps the surface's size however large the network is.
 */
import { memo, useEffect, useId, useMemo, useRef, useState } from "react";
import type { Seat } from "../../../lib/session/state";
import { DiagramEdges } from "./diagram-edges";
import { DiagramInputs } from "./diagram-inputs";
import { buildModel, type DiagramModel, type Emphasis } from "./diagram-model";
import { DiagramNeurons } from "./diagram-neurons";
import { DiagramTitles } from "./diagram-titles";
import { layoutDiagram } from "./geometry";
import { layerTitle } from "./labels";
import { useLive } from "./live-store";
import { NeuronHotspots } from "./neuron-hotspots";
import { describeDiagram, nameDiagram } from "./summary";
import type { DiagramSurface } from "./type-scale";
import { WeightLegend } from "./weight-legend";

interface NetworkDiagramProps {
  /**
   * The height the drawing should fit: a CSS length, or "fill" for the room left in a flex column
   * (the projector). A network too tall for it at full text size is drawn taller.
   */
  maxHeight: string;
  /** Which text sizes to use: the dashboard's, or the projector's (read from the back of the room). */
  surface?: DiagramSurface;
  /** When given, each neuron is a button that calls this (the teacher's neuron editor). */
  onActivateNeuron?: (seat: Seat) => void;
  /** Forward-pass animation: columns after this one are dimmed. */
  litColumn?: number | null;
  /** Teacher's view: mark the neurons nobody sits on. */
  markEmpty?: boolean;
  /** What a neuron's button does, first in its name: "Set" (the editor), "Show the history of" (a replay). */
  neuronVerb?: string;
}

/** Where the forward pass is, in words: "inputs", "Hidden layer", "Output layer". */
export function litColumnName(column: number, layerCount: number): string {
  return column === 0 ? "inputs" : layerTitle(column - 1, layerCount);
}

/** The box the diagram may use, in CSS pixels, followed as the window or the page changes. */
function useBoxSize(): [React.RefObject<HTMLDivElement | null>, { width: number; height: number } | null] {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      setSize((old) => (old && old.width === r.width && old.height === r.height ? old : { width: r.width, height: r.height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}

/** The diagram's model, rebuilt only when a part it draws changes. */
function useDiagramModel(): DiagramModel | null {
  const network = useLive((s) => s.network);
  const inputs = useLive((s) => s.inputs);
  const inputLabels = useLive((s) => s.inputLabels);
  const outputLabels = useLive((s) => s.outputLabels);
  const students = useLive((s) => s.students);
  const hideNames = useLive((s) => s.hideNames);
  const locks = useLive((s) => s.locks);
  return useMemo(
    () => buildModel({ network, inputs, inputLabels, outputLabels, students, hideNames, locks }),
    [network, inputs, inputLabels, outputLabels, students, hideNames, locks],
  );
}

export const NetworkDiagram = memo(function NetworkDiagram({ maxHeight, surface = "dashboard", onActivateNeuron, litColumn: asked = null, markEmpty = false, neuronVerb = "Set" }: NetworkDiagramProps) {
  const model = useDiagramModel();
  const [probe, box] = useBoxSize();
  const geometry = useMemo(() => (model && box && box.width > 0 ? layoutDiagram(model.network, model, box, surface) : null), [model, box, surface]);
  const [hovered, setHovered] = useState<Seat | null>(null);
  const descriptionId = useId();

  if (!model) {
    return (
      <p role="alert" className="rounded-xl bg-amber-50 p-6 text-lg font-semibold text-amber-900">
        This network cannot be computed. Load a preset or a saved network.
      </p>
    );
  }
  const count = model.network.layers.length;
  // A column the network no longer has (it changed under a playing pass) lights nothing.
  const litColumn = asked !== null && asked <= count ? asked : null;
  const emphasis: Emphasis = { seat: hovered, litColumn };
  const crowded = geometry?.labelAt.some((t) => t === null) ?? false;
  const fill = maxHeight === "fill";
  // Filling, the box takes the room the column leaves (and grows if the network needs more);
  // otherwise a probe of the wished height measures it and the drawing sets the box's height.
  const frame = fill ? { className: "relative w-full min-h-0 flex-1", style: { minHeight: geometry && box ? geometry.minHeight * Math.min(1, box.width / geometry.width) : undefined } } : { className: "relative w-full overflow-hidden", style: {} };
  const drawing = fill ? "absolute inset-x-0 top-1/2 -translate-y-1/2" : "relative w-full";
  return (
    <figure className={`flex w-full flex-col items-center gap-2 ${fill ? "min-h-0 flex-1" : ""}`} data-lit-column={litColumn ?? "none"}>
      <div className={frame.className} style={frame.style}>
        {/* Measures the box the diagram may use; takes no room and is never seen. */}
        <div ref={probe} aria-hidden="true" className={`pointer-events-none invisible absolute inset-x-0 top-0 ${fill ? "bottom-0" : ""}`} style={fill ? {} : { height: maxHeight }} />
        {geometry ? (
          <div className={drawing} style={{ aspectRatio: `${geometry.width} / ${geometry.height}` }}>
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
            {onActivateNeuron && <NeuronHotspots model={model} geometry={geometry} onActivate={onActivateNeuron} onHover={setHovered} verb={neuronVerb} />}
          </div>
        ) : (
          !fill && <div style={{ height: maxHeight }} />
        )}
        <p id={descriptionId} className="sr-only">
          {describeDiagram(model)}
        </p>
      </div>
      <figcaption className={`flex flex-wrap items-center justify-center gap-x-6 gap-y-1 font-medium text-slate-700 ${surface === "projector" ? "text-base" : "text-sm"}`}>
        <span role="status" className="font-extrabold text-indigo-800">
          {litColumn !== null ? `Forward pass: ${litColumnName(litColumn, count)}` : ""}
        </span>
        <WeightLegend />
        {crowded && onActivateNeuron && <span>Point at a neuron to read its weights</span>}
      </figcaption>
    </figure>
  );
});
