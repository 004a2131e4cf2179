/**
 * Fixtures for the session unit tests: sessions built from the lesson's presets, students
 * joined through `decideJoin`, commands run through `decide`, and deterministic randomness.
 * Expected values belong in the tests themselves (hand computations, the lesson's numbers);
 * nothing here computes an expected value with the reducer under test.
 */
import { forward } from "../../lib/engine";
import { getPreset, type PresetId } from "../../lib/lesson/presets";
import { decide, decideJoin, type Actor, type Refusal, type SessionCommand } from "../../lib/session/decide";
import type { SessionEvent } from "../../lib/session/events";
import { applyEvent, createState } from "../../lib/session/reducer";
import type { NeuronValues, Seat, SessionState } from "../../lib/session/state";

export { SPEC_DEFAULT_NETWORK } from "./default-network";

export const TEACHER: Actor = { role: "teacher", id: "teacher" };
export const student = (id: string): Actor => ({ role: "student", id });

/** The seat literals, by the names a teacher uses. */
export const H1: Seat = { layer: 0, neuron: 0 };
export const H2: Seat = { layer: 0, neuron: 1 };
export const H3: Seat = { layer: 0, neuron: 2 };
export const O1: Seat = { layer: 1, neuron: 0 };
export const O2: Seat = { layer: 1, neuron: 1 };

/** The `session.created` event of a session on a preset (the default session: "classifier"). */
export function createdEvent(presetId: PresetId = "classifier", id = "sess-1", code = "K7QF3M"): Extract<SessionEvent, { type: "session.created" }> {
  const p = getPreset(presetId);
  return {
    type: "session.created",
    payload: { id, code, network: p.network, inputs: p.inputs, inputLabels: p.inputLabels, outputLabels: p.outputLabels, presetId: p.id },
  };
}

/** A new session's state on a preset. */
export function newSession(presetId: PresetId = "classifier"): SessionState {
  return createState(createdEvent(presetId));
}

/** Joins a student through `decideJoin` and applies the events; throws on a refusal. */
export function join(state: SessionState, id: string, nickname = `Student ${id}`): SessionEvent[] {
  const d = decideJoin(state, id, nickname);
  if ("refusal" in d) throw new Error(`join ${id} refused: ${d.refusal.code} ${d.refusal.message}`);
  for (const e of d.events) Object.assign(state, applyEvent(state, e));
  return d.events;
}

/** Joins students "p1" … "pN" in order. */
export function joinMany(state: SessionState, count: number): string[] {
  const ids = Array.from({ length: count }, (_, i) => `p${i + 1}`);
  for (const id of ids) join(state, id);
  return ids;
}

/** The fixed time the rules are told in unit tests. */
export const FIXED_NOW = 1_700_000_000_000;

/** A random source that must never be called. */
export const noRandom = (): number => {
  throw new Error("random was not expected to be called");
};

/** Runs a command through `decide`, applies its events and returns them; throws on a refusal. */
export function run(state: SessionState, actor: Actor, command: SessionCommand, random: () => number = noRandom): SessionEvent[] {
  const d = decide(state, actor, command, { now: FIXED_NOW, random });
  if ("refusal" in d) throw new Error(`${command.name} refused: ${d.refusal.code} ${d.refusal.message}`);
  for (const e of d.events) Object.assign(state, applyEvent(state, e));
  return d.events;
}

/** The refusal a command gets; throws when it is accepted instead. */
export function refusalOf(state: SessionState, actor: Actor, command: SessionCommand, random: () => number = noRandom): Refusal {
  const d = decide(state, actor, command, { now: FIXED_NOW, random });
  if (!("refusal" in d)) throw new Error(`${command.name} was accepted: ${JSON.stringify(d.events)}`);
  return d.refusal;
}

/** A student setting their own neuron. */
export function setMine(state: SessionState, id: string, payload: { weights?: number[]; bias?: number }): SessionEvent[] {
  return run(state, student(id), { name: "neuron:set", payload });
}

/** The neuron's weights and bias as the state holds them now. */
export function neuronAt(state: SessionState, seat: Seat): NeuronValues {
  const n = state.network.layers[seat.layer]!.neurons[seat.neuron]!;
  return { weights: [...n.weights], bias: n.bias };
}

/** A neuron's output, from the shared engine over the state's network and inputs. */
export function outputAt(state: SessionState, seat: Seat): number {
  return forward(state.network, state.inputs).layers[seat.layer]!.output[seat.neuron]!;
}

/** Ids of the (not removed) students on a seat, sorted by id. */
export function idsOn(state: SessionState, seat: Seat): string[] {
  return Object.values(state.students)
    .filter((s) => !s.removed && s.seat?.layer === seat.layer && s.seat?.neuron === seat.neuron)
    .map((s) => s.id)
    .sort();
}

export { seeded } from "./seeded";

/** A random source that plays back the given numbers, then fails if asked for more. */
export function queued(values: readonly number[]): () => number {
  let i = 0;
  return () => {
    if (i >= values.length) throw new Error(`random called more than ${values.length} times`);
    return values[i++]!;
  };
}
