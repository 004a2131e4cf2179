/**
 * Everything the phone shows about "my" neuron, computed from the session state and the values
 * the student is dragging but the server has not confirmed yet. Pure: it runs the shared engine
 * on a copy of the class network, so the screen moves before the server answers. The network is
 * validated once (compiledOf: the class network's compiled form is shared with the diagram),
 * and the nudge preview reruns it with one bias changed rather than validating a copy.
 */
import type { Activation } from "../../../lib/engine/activations";
import { compiledOf } from "../../../lib/engine/compile";
import { layerInputs, networkOutput } from "../../../lib/engine/forward";
import type { Network } from "../../../lib/engine/network";
import { layerName } from "../../../lib/session/format";
import { inputLabel, isSoftmaxOutput, outputLabel, thresholdVerdict, type Verdict } from "../../../lib/session/derive";
import { applyEvent } from "../../../lib/session/reducer";
import { neuronValues, studentsOn } from "../../../lib/session/seating";
import type { NeuronValues, Seat, SessionState, Student } from "../../../lib/session/state";

export interface Incoming {
  /** Where the value comes from: an input's label, or "neuron 2 of the hidden layer". */
  source: string;
  value: number;
  /** Who sits on the neuron it comes from (empty for inputs, or when names are hidden). */
  names: string[];
}

export interface Prediction {
  items: { label: string; value: number }[];
  /** True when the last layer is softmax: values are shown as percentages. */
  probability: boolean;
  /** Index of the largest output, when there are several. */
  best: number | null;
  /** The yes/no answer when the network ends in one sigmoid neuron (the spam detector). */
  verdict: Verdict | null;
}

export interface Nudge {
  label: string;
  before: number;
  after: number;
}

export interface NeuronModel {
  seat: Seat;
  layerCount: number;
  /** The class network with my pending values in: what the screen computes with. */
  network: Network;
  /** My neuron is on the output layer: my output is (part of) the class's answer. */
  isOutput: boolean;
  /** What the controls show: my pending values, else my own entry. */
  controls: NeuronValues;
  /** What the class computes with (differs from `controls` only in team modes). */
  used: NeuronValues;
  incoming: Incoming[];
  raw: number;
  output: number;
  activation: Activation;
  teammates: Student[];
  prediction: Prediction;
  /** How the prediction moves if my bias goes up by NUDGE. */
  nudge: Nudge | null;
}

export const NUDGE = 0.1;

/**
 * "neuron 2 of the hidden layer", "neuron 1 of hidden layer 2".
 * @example
 * describeNeuron({ layer: 0, neuron: 1 }, 2); // "neuron 2 of the hidden layer"
 */
export function describeNeuron(seat: Seat, layerCount: number): string {
  const name = layerName(seat.layer, layerCount);
  return `neuron ${seat.neuron + 1} of ${/\d$/.test(name) ? name : `the ${name}`}`;
}

/**
 * The network the class would compute if my pending values were in: the entry the server
 * would log, folded on a copy with the session's own reducer (so the team rule lives in one
 * place, and "latest" and "average" modes preview exactly as the server will compute them).
 */
export function networkWithPending(state: SessionState, me: Student, pending: NeuronValues | null): Network {
  if (!pending) return state.network;
  return applyEvent(state, { type: "entry.set", payload: { studentId: me.id, values: pending } }).network;
}

function predictionOf(state: SessionState, network: Network, outputs: number[]): Prediction {
  const items = outputs.map((value, i) => ({ label: outputLabel(state.outputLabels, i), value }));
  let best: number | null = null;
  if (items.length > 1) {
    best = 0;
    items.forEach((item, i) => {
      if (item.value > (items[best!]?.value ?? -Infinity)) best = i;
    });
  }
  const verdict = thresholdVerdict(network, outputs, state.threshold, items[0]?.label ?? "", state.presetId);
  return { items, probability: isSoftmaxOutput(network), best, verdict };
}

function incomingOf(state: SessionState, seat: Seat, values: number[]): Incoming[] {
  const layerCount = state.network.layers.length;
  return values.map((value, k) => {
    if (seat.layer === 0) return { source: inputLabel(state.inputLabels, k), value, names: [] };
    const from = { layer: seat.layer - 1, neuron: k };
    const names = state.hideNames ? [] : studentsOn(state, from).map((s) => s.nickname);
    return { source: describeNeuron(from, layerCount), value, names };
  });
}

/**
 * The whole picture for one student, or null when they have no neuron.
 * Throws only if the class network itself is broken (the engine names the bad value).
 * @example
 * buildNeuronModel(state, studentId, null)?.output; // 0.92 for the first student of the default session
 */
export function buildNeuronModel(state: SessionState, studentId: string, pending: NeuronValues | null): NeuronModel | null {
  const me = state.students[studentId];
  const seat = me?.seat;
  if (!me || me.removed || !seat) return null;
  const layer = state.network.layers[seat.layer];
  const neuron = layer?.neurons[seat.neuron];
  if (!layer || !neuron) return null;
  // Pending values from before a topology change no longer fit: ignore them.
  const fits = pending !== null && pending.weights.length === neuron.weights.length;
  const network = networkWithPending(state, me, fits ? pending : null);
  const compiled = compiledOf(network);
  const result = compiled.forward(state.inputs);
  const outputs = networkOutput(result);
  const used = neuronValues(network, seat);

  let nudge: Nudge | null = null;
  const prediction = predictionOf(state, network, outputs);
  const watched = prediction.best ?? 0;
  const after = compiled.withBias(seat.layer, seat.neuron, used.bias + NUDGE).run(state.inputs)[watched];
  const item = prediction.items[watched];
  if (item && after !== undefined) nudge = { label: item.label, before: item.value, after };

  return {
    seat,
    layerCount: state.network.layers.length,
    network,
    isOutput: seat.layer === state.network.layers.length - 1,
    controls: fits && pending ? pending : (me.entry ?? neuronValues(state.network, seat)),
    used,
    incoming: incomingOf(state, seat, layerInputs(result, state.inputs, seat.layer)),
    raw: result.layers[seat.layer]?.raw[seat.neuron] ?? 0,
    output: result.layers[seat.layer]?.output[seat.neuron] ?? 0,
    activation: neuron.activation ?? layer.activation,
    teammates: studentsOn(state, seat).filter((s) => s.id !== me.id),
    prediction,
    nudge,
  };
}
