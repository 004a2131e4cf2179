/**
 * Everything the diagram draws, computed once per state change: the forward pass from the
 * shared engine, who sits where, and what is emphasised. The SVG parts only read this.
 */
import type { ForwardResult, Network } from "../../../lib/engine/network";
import { forwardOf, isSoftmaxOutput } from "../../../lib/session/derive";
import type { Seat, SessionState } from "../../../lib/session/state";
import { seatKey } from "./labels";

export interface DiagramModel {
  network: Network;
  inputs: number[];
  inputLabels: string[];
  outputLabels: string[];
  result: ForwardResult;
  /** Nicknames per seat ("layer:neuron"), in joining order. */
  names: Map<string, string[]>;
  hideNames: boolean;
  layerLocked: boolean[];
  softmaxOutput: boolean;
}

/** What the viewer is looking at: a neuron under the pointer or focus, a layer being animated. */
export interface Emphasis {
  seat: Seat | null;
  /** Columns after this one are dimmed (0 = inputs, 1 = first layer); null shows everything. */
  litColumn: number | null;
}

/** The parts of a session the diagram draws (a whole `SessionState` will do). */
export type ModelParts = Pick<SessionState, "network" | "inputs" | "inputLabels" | "outputLabels" | "students" | "hideNames" | "locks">;

/**
 * Builds the model from a session; null when the network does not compute (never expected from
 * the server, which validates every network, but a diagram must not take the page down).
 * @example
 * const model = buildModel(state); model?.result.layers[1]?.output; // [0.601…, 0.398…]
 */
export function buildModel(state: ModelParts): DiagramModel | null {
  const result = forwardOf(state.network, state.inputs);
  if (!result) return null;
  const names = new Map<string, string[]>();
  const seated = Object.values(state.students)
    .filter((s) => !s.removed && s.seat)
    .sort((a, b) => a.joinIndex - b.joinIndex);
  for (const s of seated) {
    const key = seatKey(s.seat!);
    names.set(key, [...(names.get(key) ?? []), s.nickname]);
  }
  return {
    network: state.network,
    inputs: state.inputs,
    inputLabels: state.inputLabels,
    outputLabels: state.outputLabels,
    result,
    names,
    hideNames: state.hideNames,
    layerLocked: state.network.layers.map((_, i) => state.locks.network || (state.locks.layers[i] ?? false)),
    softmaxOutput: isSoftmaxOutput(state.network),
  };
}

/** The index of the largest value (the prediction of a classifier). */
export function argmax(values: readonly number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > (values[best] ?? -Infinity)) best = i;
  });
  return best;
}

/** What is written under a neuron about who it is: names, a count when names are hidden. */
export function whoText(model: DiagramModel, seat: Seat): string[] {
  const names = model.names.get(seatKey(seat)) ?? [];
  if (names.length === 0) return [];
  if (model.hideNames) return [names.length === 1 ? "1 student" : `${names.length} students`];
  return names;
}
