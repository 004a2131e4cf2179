/**
 * The network domain's rules: a student's own neuron, and the teacher's network controls.
 * Pure: the time and random numbers come from the context; refusals are thrown.
 */
import { forward } from "../../../engine";
import type { Network } from "../../../engine/schema";
import { getPreset, isPresetId, type PresetId } from "../../../lesson/presets";
import type { NetworkSetup, SessionEvent } from "../../events";
import { refuse } from "../../refuse";
import type { Rules } from "../../rule-types";
import { studentById } from "../../seat-ops";
import { neuronValues, seatExists } from "../../seating";
import type { SessionState } from "../../state";
import { readOnlyStep } from "../lesson/step";

type NetworkCommand =
  | "neuron:set"
  | "network:set-neuron"
  | "network:set-inputs"
  | "network:load"
  | "network:load-preset"
  | "network:reset"
  | "network:randomize"
  | "network:lock"
  | "network:team-mode"
  | "network:range"
  | "network:threshold";

const fmt = (x: number) => String(Math.round(x * 1000) / 1000);
const round2 = (x: number) => Math.round(x * 100) / 100;

function checkRange(state: SessionState, values: number[]): void {
  const bad = values.find((v) => v < state.range.min || v > state.range.max);
  if (bad !== undefined) refuse("OUT_OF_RANGE", `${bad} is outside the range ${fmt(state.range.min)} to ${fmt(state.range.max)}.`);
}

/** A network set-up the engine accepts, with labels matching its shape. */
function checkSetup(setup: NetworkSetup): void {
  try {
    forward(setup.network, setup.inputs);
  } catch (err) {
    refuse("BAD_REQUEST", (err as Error).message);
  }
  const outputs = setup.network.layers[setup.network.layers.length - 1]?.neurons.length ?? 0;
  if (setup.inputLabels.length !== setup.inputs.length) {
    refuse("BAD_REQUEST", `inputLabels: expected ${setup.inputs.length} labels, got ${setup.inputLabels.length}`);
  }
  if (setup.outputLabels.length !== outputs) refuse("BAD_REQUEST", `outputLabels: expected ${outputs} labels, got ${setup.outputLabels.length}`);
}

function randomNetwork(network: Network, random: () => number): Network {
  return {
    layers: network.layers.map((layer) => ({
      ...layer,
      neurons: layer.neurons.map((n) => ({
        ...n,
        weights: n.weights.map(() => round2(random() * 2 - 1)),
        bias: round2(random() * 2 - 1),
      })),
    })),
  };
}

/**
 * The event that loads one of the lesson's presets (network:load-preset, and lesson:go for a
 * step with its own network).
 */
export function presetLoaded(presetId: PresetId): SessionEvent {
  const p = getPreset(presetId);
  return {
    type: "network.loaded",
    payload: { network: p.network, inputs: p.inputs, inputLabels: p.inputLabels, outputLabels: p.outputLabels, presetId: p.id },
  };
}

export const networkRules: Rules<NetworkCommand> = {
  "neuron:set": {
    who: "student",
    run: (state, actor, payload) => {
      const me = studentById(state, actor.id ?? "");
      if (!me || me.removed) refuse("FORBIDDEN", "You are not in this class any more.");
      if (!me.seat) refuse("NOT_FOUND", "You have no neuron yet: wait for the teacher to seat you.");
      if (state.paused) refuse("PAUSED", "The teacher has paused the phones for a moment.");
      if (state.locks.network || state.locks.layers[me.seat.layer]) refuse("LOCKED", "The teacher has locked your neuron for now.");
      if (readOnlyStep(state)) refuse("LOCKED", "This step of the lesson is for reading: your sliders come back in a step with the network.");
      // A partial change (just the bias, say) keeps the other numbers as the class sees them:
      // in "latest" mode that is the neuron itself, which a teammate may have moved since.
      const current = state.teamMode === "latest" || !me.entry ? neuronValues(state.network, me.seat) : me.entry;
      const weights = payload.weights ?? current.weights;
      const bias = payload.bias ?? current.bias;
      if (weights.length !== current.weights.length) {
        refuse("BAD_REQUEST", `weights: your neuron has ${current.weights.length} weights, got ${weights.length}`);
      }
      checkRange(state, [...(payload.weights ?? []), ...(payload.bias === undefined ? [] : [payload.bias])]);
      return [{ type: "entry.set", payload: { studentId: me.id, values: { weights: [...weights], bias } } }];
    },
  },
  "network:set-neuron": {
    who: "teacher",
    run: (state, _actor, { layer, neuron, values }) => {
      if (!seatExists(state.network, { layer, neuron })) refuse("NOT_FOUND", `There is no neuron ${neuron + 1} in layer ${layer + 1}.`);
      const width = state.network.layers[layer]!.neurons[neuron]!.weights.length;
      if (values.weights.length !== width) refuse("BAD_REQUEST", `values.weights: expected ${width} weights, got ${values.weights.length}`);
      checkRange(state, [...values.weights, values.bias]);
      return [{ type: "neuron.set", payload: { layer, neuron, values } }];
    },
  },
  "network:set-inputs": {
    who: "teacher",
    run: (state, _actor, { inputs }) => {
      if (inputs.length !== state.inputs.length) refuse("BAD_REQUEST", `inputs: expected ${state.inputs.length} values, got ${inputs.length}`);
      return [{ type: "inputs.set", payload: { inputs } }];
    },
  },
  "network:load": {
    who: "teacher",
    run: (_state, _actor, setup) => {
      checkSetup(setup);
      return [{ type: "network.loaded", payload: setup }];
    },
  },
  "network:load-preset": {
    who: "teacher",
    run: (_state, _actor, { presetId }) => {
      if (!isPresetId(presetId)) refuse("NOT_FOUND", `There is no preset "${presetId}".`);
      return [presetLoaded(presetId)];
    },
  },
  "network:reset": {
    who: "teacher",
    run: (state) => [{ type: "weights.replaced", payload: { network: state.initialNetwork, reason: "reset" } }],
  },
  "network:randomize": {
    who: "teacher",
    run: (state, _actor, _payload, ctx) => [
      { type: "weights.replaced", payload: { network: randomNetwork(state.network, ctx.random), reason: "randomize" } },
    ],
  },
  "network:lock": {
    who: "teacher",
    run: (state, _actor, { layer, locked }) => {
      if (layer !== null && layer >= state.network.layers.length) refuse("NOT_FOUND", `There is no layer ${layer + 1}.`);
      return [{ type: "lock.set", payload: { layer, locked } }];
    },
  },
  "network:team-mode": { who: "teacher", run: (_s, _a, { mode }) => [{ type: "team-mode.set", payload: { mode } }] },
  "network:range": { who: "teacher", run: (_s, _a, range) => [{ type: "range.set", payload: { ...range } }] },
  "network:threshold": { who: "teacher", run: (_s, _a, { threshold }) => [{ type: "threshold.set", payload: { threshold } }] },
};
