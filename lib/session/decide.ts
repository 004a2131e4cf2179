/**
 * The session's rules: given the state, who is asking and a validated command, the events
 * to log, or a refusal with a code and a message. Pure: the server calls it, and tests
 * check every rule without a server. Randomness comes in through `random`.
 */
import { forward, type Network } from "../engine";
import type { ErrorCode } from "../protocol/errors";
import { getPreset, isPresetId } from "../lesson/presets";
import type { NetworkSetup, SessionEvent } from "./events";
import { checkNickname, cleanNickname } from "./names";
import { neuronValues, seatExists } from "./seating";
import type { NeuronValues, SessionState } from "./state";

export type Actor = { role: "teacher"; id: string } | { role: "student"; id: string };
export type Refusal = { code: ErrorCode; message: string };
export type Decision = { events: SessionEvent[] } | { refusal: Refusal };

/** What the room hands the rules: the time now, and a source of random numbers in [0, 1). */
export interface DecideContext {
  now: number;
  random: () => number;
}

/** Commands as the protocol validated them (see lib/protocol). */
export type SessionCommand =
  | { name: "neuron:set"; payload: { weights?: number[]; bias?: number } }
  | { name: "network:set-neuron"; payload: { layer: number; neuron: number; values: NeuronValues } }
  | { name: "network:set-inputs"; payload: { inputs: number[] } }
  | { name: "network:load"; payload: NetworkSetup }
  | { name: "network:load-preset"; payload: { presetId: string } }
  | { name: "network:reset"; payload: Record<string, never> }
  | { name: "network:randomize"; payload: Record<string, never> }
  | { name: "network:lock"; payload: { layer: number | null; locked: boolean } }
  | { name: "network:team-mode"; payload: { mode: "latest" | "average" } }
  | { name: "network:range"; payload: { min: number; max: number } }
  | { name: "network:threshold"; payload: { threshold: number } }
  | { name: "animation:play"; payload: Record<string, never> }
  | { name: "animation:step"; payload: Record<string, never> }
  | { name: "animation:stop"; payload: Record<string, never> }
  | { name: "room:lock"; payload: { locked: boolean } }
  | { name: "room:pause"; payload: { paused: boolean } }
  | { name: "room:hide-names"; payload: { hidden: boolean } }
  | { name: "room:end"; payload: Record<string, never> }
  | { name: "student:move"; payload: { studentId: string; seat: { layer: number; neuron: number } } }
  | { name: "student:rename"; payload: { studentId: string; nickname: string } }
  | { name: "student:remove"; payload: { studentId: string } }
  | { name: "student:readmit"; payload: { studentId: string } };

const refuse = (code: ErrorCode, message: string): Decision => ({ refusal: { code, message } });
const emit = (...events: SessionEvent[]): Decision => ({ events });

const fmt = (x: number) => String(Math.round(x * 1000) / 1000);

function outOfRange(state: SessionState, values: number[]): Refusal | null {
  const bad = values.find((v) => v < state.range.min || v > state.range.max);
  if (bad === undefined) return null;
  return {
    code: "OUT_OF_RANGE",
    message: `${bad} is outside the range ${fmt(state.range.min)} to ${fmt(state.range.max)}.`,
  };
}

/** A network set-up the engine accepts, with labels matching its shape. */
function checkSetup(setup: NetworkSetup): Refusal | null {
  try {
    forward(setup.network, setup.inputs);
  } catch (err) {
    return { code: "BAD_REQUEST", message: (err as Error).message };
  }
  const outputs = setup.network.layers[setup.network.layers.length - 1]?.neurons.length ?? 0;
  if (setup.inputLabels.length !== setup.inputs.length) {
    return { code: "BAD_REQUEST", message: `inputLabels: expected ${setup.inputs.length} labels, got ${setup.inputLabels.length}` };
  }
  if (setup.outputLabels.length !== outputs) {
    return { code: "BAD_REQUEST", message: `outputLabels: expected ${outputs} labels, got ${setup.outputLabels.length}` };
  }
  return null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

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

function decideStudent(state: SessionState, actor: Actor, command: SessionCommand): Decision {
  if (command.name !== "neuron:set") return refuse("FORBIDDEN", "Only the teacher can do that.");
  const me = state.students[actor.id];
  if (!me || me.removed) return refuse("FORBIDDEN", "You are not in this class any more.");
  if (!me.seat) return refuse("NOT_FOUND", "You have no neuron yet: wait for the teacher to seat you.");
  if (state.paused) return refuse("PAUSED", "The teacher has paused the phones for a moment.");
  if (state.locks.network || state.locks.layers[me.seat.layer]) {
    return refuse("LOCKED", "The teacher has locked your neuron for now.");
  }
  // A partial change (just the bias, say) keeps the other numbers as the class sees them:
  // in "latest" mode that is the neuron itself, which a teammate may have moved since.
  const current =
    state.teamMode === "latest" || !me.entry ? neuronValues(state.network, me.seat) : me.entry;
  const weights = command.payload.weights ?? current.weights;
  const bias = command.payload.bias ?? current.bias;
  if (weights.length !== current.weights.length) {
    return refuse("BAD_REQUEST", `weights: your neuron has ${current.weights.length} weights, got ${weights.length}`);
  }
  const range = outOfRange(state, [...(command.payload.weights ?? []), ...(command.payload.bias === undefined ? [] : [command.payload.bias])]);
  if (range) return { refusal: range };
  return emit({ type: "entry.set", payload: { studentId: me.id, values: { weights: [...weights], bias } } });
}

function student(state: SessionState, id: string) {
  return state.students[id];
}

function decideTeacher(state: SessionState, command: SessionCommand, ctx: DecideContext): Decision {
  switch (command.name) {
    case "neuron:set":
      return refuse("FORBIDDEN", "The teacher sets neurons with network:set-neuron.");
    case "network:set-neuron": {
      const { layer, neuron, values } = command.payload;
      if (!seatExists(state.network, { layer, neuron })) return refuse("NOT_FOUND", `There is no neuron ${neuron + 1} in layer ${layer + 1}.`);
      const width = state.network.layers[layer]!.neurons[neuron]!.weights.length;
      if (values.weights.length !== width) return refuse("BAD_REQUEST", `values.weights: expected ${width} weights, got ${values.weights.length}`);
      const range = outOfRange(state, [...values.weights, values.bias]);
      if (range) return { refusal: range };
      return emit({ type: "neuron.set", payload: { layer, neuron, values } });
    }
    case "network:set-inputs": {
      if (command.payload.inputs.length !== state.inputs.length) {
        return refuse("BAD_REQUEST", `inputs: expected ${state.inputs.length} values, got ${command.payload.inputs.length}`);
      }
      return emit({ type: "inputs.set", payload: { inputs: command.payload.inputs } });
    }
    case "network:load": {
      const problem = checkSetup(command.payload);
      if (problem) return { refusal: problem };
      return emit({ type: "network.loaded", payload: command.payload });
    }
    case "network:load-preset": {
      if (!isPresetId(command.payload.presetId)) return refuse("NOT_FOUND", `There is no preset "${command.payload.presetId}".`);
      const p = getPreset(command.payload.presetId);
      return emit({
        type: "network.loaded",
        payload: { network: p.network, inputs: p.inputs, inputLabels: p.inputLabels, outputLabels: p.outputLabels, presetId: p.id },
      });
    }
    case "network:reset":
      return emit({ type: "weights.replaced", payload: { network: state.initialNetwork, reason: "reset" } });
    case "network:randomize":
      return emit({ type: "weights.replaced", payload: { network: randomNetwork(state.network, ctx.random), reason: "randomize" } });
    case "network:lock": {
      const { layer, locked } = command.payload;
      if (layer !== null && layer >= state.network.layers.length) return refuse("NOT_FOUND", `There is no layer ${layer + 1}.`);
      return emit({ type: "lock.set", payload: { layer, locked } });
    }
    case "network:team-mode":
      return emit({ type: "team-mode.set", payload: { mode: command.payload.mode } });
    case "network:range":
      return emit({ type: "range.set", payload: command.payload });
    case "network:threshold":
      return emit({ type: "threshold.set", payload: { threshold: command.payload.threshold } });
    case "animation:play":
      return emit({ type: "animation.set", payload: { column: 0, playing: true, at: ctx.now } });
    case "animation:step": {
      const last = state.network.layers.length;
      const current = state.animation.column;
      const column = current === null || current >= last ? 0 : current + 1;
      return emit({ type: "animation.set", payload: { column, playing: false, at: ctx.now } });
    }
    case "animation:stop":
      return emit({ type: "animation.set", payload: { column: null, playing: false, at: ctx.now } });
    case "room:lock":
      return emit({ type: "room.locked", payload: { locked: command.payload.locked } });
    case "room:pause":
      return emit({ type: "phones.paused", payload: { paused: command.payload.paused } });
    case "room:hide-names":
      return emit({ type: "names.hidden", payload: { hidden: command.payload.hidden } });
    case "room:end":
      return emit({ type: "session.ended", payload: {} });
    case "student:move": {
      const s = student(state, command.payload.studentId);
      if (!s || s.removed) return refuse("NOT_FOUND", "That student is not in the class.");
      if (!seatExists(state.network, command.payload.seat)) return refuse("NOT_FOUND", "There is no such neuron.");
      return emit({ type: "student.moved", payload: { studentId: s.id, seat: command.payload.seat } });
    }
    case "student:rename": {
      const s = student(state, command.payload.studentId);
      if (!s) return refuse("NOT_FOUND", "That student is not in the class.");
      const name = cleanNickname(command.payload.nickname);
      const others = Object.values(state.students).filter((o) => o.id !== s.id).map((o) => o.nickname);
      const problem = checkNickname(name, others);
      if (problem) return { refusal: problem };
      return emit({ type: "student.renamed", payload: { studentId: s.id, nickname: name } });
    }
    case "student:remove": {
      const s = student(state, command.payload.studentId);
      if (!s || s.removed) return refuse("NOT_FOUND", "That student is not in the class.");
      return emit({ type: "student.removed", payload: { studentId: s.id } });
    }
    case "student:readmit": {
      const s = student(state, command.payload.studentId);
      if (!s || !s.removed) return refuse("NOT_FOUND", "That student has not been removed.");
      return emit({ type: "student.readmitted", payload: { studentId: s.id } });
    }
  }
}

/**
 * The events a command produces, or why it is refused.
 * @example
 * decide(state, { role: "student", id: "p1" }, { name: "neuron:set", payload: { bias: 0.5 } }, { now: Date.now(), random: Math.random });
 */
export function decide(state: SessionState, actor: Actor, command: SessionCommand, ctx: DecideContext): Decision {
  if (state.status === "ended") return refuse("SESSION_ENDED", "This class has ended.");
  return actor.role === "teacher" ? decideTeacher(state, command, ctx) : decideStudent(state, actor, command);
}

/**
 * Whether a new student may join now, and under which name.
 * @example
 * decideJoin(state, "Ada"); // { events: [...] } or { refusal }
 */
export function decideJoin(state: SessionState, studentId: string, rawName: string): Decision {
  if (state.status === "ended") return refuse("SESSION_ENDED", "This class has ended.");
  if (state.roomLocked) return refuse("ROOM_LOCKED", "The teacher has locked this class: ask them to let you in.");
  const name = cleanNickname(rawName);
  const problem = checkNickname(name, Object.values(state.students).map((s) => s.nickname));
  if (problem) return { refusal: problem };
  return emit({ type: "student.joined", payload: { studentId, nickname: name } });
}
