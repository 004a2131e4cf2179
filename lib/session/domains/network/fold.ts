/** How the network domain's events change the state (immutably). */
import type { Folds } from "../../rule-types";
import { entriesFromNetwork, recomputeTeam, reseatEveryone, studentById, withNeuron, withSetup, withStudent } from "../../seat-ops";
import { sameSeat } from "../../seating";
import type { SessionState } from "../../state";

type NetworkEventType =
  | "entry.set"
  | "neuron.set"
  | "inputs.set"
  | "network.loaded"
  | "weights.replaced"
  | "lock.set"
  | "team-mode.set"
  | "range.set"
  | "threshold.set";

function recomputeAllTeams(state: SessionState): SessionState {
  let next = state;
  state.network.layers.forEach((layer, l) => layer.neurons.forEach((_, n) => (next = recomputeTeam(next, { layer: l, neuron: n }))));
  return next;
}

/**
 * Every weight and bias replaced at once, topology unchanged: every seated student's entry
 * follows their neuron (weights.replaced, and training mode's automatic step).
 * @example
 * withWeightsReplaced(state, state.initialNetwork).students["p1"]?.entry; // the neuron's values now
 */
export function withWeightsReplaced(state: SessionState, network: SessionState["network"]): SessionState {
  return entriesFromNetwork({ ...state, network: structuredClone(network) });
}

export const networkFolds: Folds<NetworkEventType> = {
  "entry.set": (state, { studentId, values }) => {
    const s = studentById(state, studentId);
    if (!s || s.removed || !s.seat) return state;
    const entry = { weights: [...values.weights], bias: values.bias };
    const next = withStudent(state, studentId, { entry });
    if (state.teamMode === "latest") return { ...next, network: withNeuron(next.network, s.seat, entry) };
    return recomputeTeam(next, s.seat);
  },
  "neuron.set": (state, { layer, neuron, values }) => {
    const seat = { layer, neuron };
    const next = { ...state, network: withNeuron(state.network, seat, values) };
    return entriesFromNetwork(next, (s) => sameSeat(s.seat, seat));
  },
  "inputs.set": (state, { inputs }) => ({ ...state, inputs: [...inputs] }),
  "network.loaded": (state, setup) => reseatEveryone(withSetup(state, setup)),
  "weights.replaced": (state, { network }) => withWeightsReplaced(state, network),
  "lock.set": (state, { layer, locked }) => {
    if (layer === null) return { ...state, locks: { ...state.locks, network: locked } };
    if (layer >= state.locks.layers.length) return state;
    const layers = state.locks.layers.slice();
    layers[layer] = locked;
    return { ...state, locks: { ...state.locks, layers } };
  },
  "team-mode.set": (state, { mode }) => recomputeAllTeams({ ...state, teamMode: mode }),
  "range.set": (state, range) => ({ ...state, range: { ...range } }),
  "threshold.set": (state, { threshold }) => ({ ...state, threshold }),
};
