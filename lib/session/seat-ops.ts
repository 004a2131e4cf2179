/**
 * Immutable updates shared by the folds: each returns a new state that keeps every part it
 * did not change (so a screen's memoised pieces stay put), and never touches its input.
 */
import type { Network } from "../engine/network";
import type { NetworkSetup } from "./events";
import { neuronValues, nextSeat, sameSeat, studentsOn } from "./seating";
import type { NeuronValues, Seat, SessionState, Student } from "./state";
import { averageEntries } from "./teams";

const copyValues = (v: NeuronValues): NeuronValues => ({ weights: [...v.weights], bias: v.bias });

/** The network with one neuron's weights and bias replaced; other layers and neurons are shared. */
export function withNeuron(network: Network, seat: Seat, values: NeuronValues): Network {
  const layer = network.layers[seat.layer];
  const neuron = layer?.neurons[seat.neuron];
  if (!layer || !neuron) return network;
  const neurons = layer.neurons.slice();
  neurons[seat.neuron] = { ...neuron, weights: [...values.weights], bias: values.bias };
  const layers = network.layers.slice();
  layers[seat.layer] = { ...layer, neurons };
  return { ...network, layers };
}

/**
 * The student with this id, or undefined: ids come from the wire and the log, so an id such
 * as "__proto__" or "toString" must not find something on Object.prototype.
 * @example
 * studentById(state, "constructor"); // undefined
 */
export function studentById(state: SessionState, id: string): Student | undefined {
  return Object.hasOwn(state.students, id) ? state.students[id] : undefined;
}

/** The state with one student changed. */
export function withStudent(state: SessionState, id: string, patch: Partial<Student>): SessionState {
  const s = studentById(state, id);
  if (!s) return state;
  return { ...state, students: { ...state.students, [id]: { ...s, ...patch } } };
}

/** One slider move: a student's new entry for the neuron they sit on. */
export interface Move {
  studentId: string;
  values: NeuronValues;
}

/**
 * The state after a run of slider moves, in order: the same state as folding each move
 * (`entry.set`) by itself, for one copy of the roster per run instead of one per move. A
 * move of a student who is gone, removed or not seated changes nothing.
 *
 * `owned` is a roster object the caller made and holds alone (the server's working state):
 * when it is this state's roster, the moves are written into it instead of a copy. Never
 * pass a roster that any other state can still reach.
 * @example
 * foldMoves(state, [{ studentId: "p1", values: { weights: [1, 2], bias: 0 } }]).students.p1?.entry;
 */
export function foldMoves(state: SessionState, moves: readonly Move[], owned: Record<string, Student> | null = null): SessionState {
  let students: Record<string, Student> | null = owned !== null && owned === state.students ? owned : null;
  let network = state.network;
  const seats: Seat[] = [];
  for (const { studentId, values } of moves) {
    const roster = students ?? state.students;
    const s = Object.hasOwn(roster, studentId) ? roster[studentId] : undefined;
    if (!s || s.removed || !s.seat) continue;
    students ??= { ...state.students };
    const entry = { weights: [...values.weights], bias: values.bias };
    students[studentId] = { ...s, entry };
    if (state.teamMode === "latest") network = withNeuron(network, s.seat, entry);
    else if (!seats.some((seat) => sameSeat(seat, s.seat))) seats.push(s.seat);
  }
  if (students === null) return state;
  let next: SessionState = { ...state, students, network };
  // In average mode each neuron a move touched is the mean of its students' final entries,
  // which is what the last of its moves folded by itself would leave.
  for (const seat of seats) next = recomputeTeam(next, seat);
  return next;
}

/** In average mode a neuron with students is the mean of their entries. */
export function recomputeTeam(state: SessionState, seat: Seat): SessionState {
  if (state.teamMode !== "average") return state;
  const entries = studentsOn(state, seat)
    .map((s) => s.entry)
    .filter((e): e is NeuronValues => e !== null);
  if (entries.length === 0) return state;
  return { ...state, network: withNeuron(state.network, seat, averageEntries(entries)) };
}

/** Seats a student (or unseats them with null); they start from the neuron's current values. */
export function seatStudent(state: SessionState, id: string, seat: Seat | null): SessionState {
  const previous = studentById(state, id)?.seat ?? null;
  let next = withStudent(state, id, { seat, entry: seat ? neuronValues(state.network, seat) : null });
  if (previous && !sameSeat(previous, seat)) next = recomputeTeam(next, previous);
  return next;
}

/**
 * The state with a new network set-up: the network (also kept for "reset weights"), inputs,
 * labels and preset; layer locks start open (the whole-network lock stays) and nothing is
 * being animated.
 */
export function withSetup(state: SessionState, setup: NetworkSetup): SessionState {
  return {
    ...state,
    network: structuredClone(setup.network),
    initialNetwork: structuredClone(setup.network),
    inputs: [...setup.inputs],
    inputLabels: [...setup.inputLabels],
    outputLabels: [...setup.outputLabels],
    presetId: setup.presetId,
    locks: { network: state.locks.network, layers: setup.network.layers.map(() => false) },
    animation: { column: null, playing: false, at: null },
  };
}

/** Everyone still in the class seated again in join order (after a new network). */
export function reseatEveryone(state: SessionState): SessionState {
  const active = Object.values(state.students)
    .filter((s) => !s.removed)
    .sort((a, b) => a.joinIndex - b.joinIndex);
  const students = { ...state.students };
  for (const s of active) students[s.id] = { ...s, seat: null, entry: null };
  let next: SessionState = { ...state, students };
  for (const s of active) next = seatStudent(next, s.id, nextSeat(next));
  return next;
}

/** Every student's entry set to their neuron's values (after the weights were replaced). */
export function entriesFromNetwork(state: SessionState, predicate: (s: Student) => boolean = () => true): SessionState {
  const students = { ...state.students };
  for (const s of Object.values(state.students)) {
    if (!s.removed && s.seat && predicate(s)) students[s.id] = { ...s, entry: copyValues(neuronValues(state.network, s.seat)) };
  }
  return { ...state, students };
}
