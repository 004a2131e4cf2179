/**
 * The session reducer: folds one event into the state. The server (live), the browsers
 * (live view, replay) and the tests all use this one function, so every screen agrees.
 *
 * It changes `state` in place and returns it, because a busy class produces hundreds of
 * slider events a second; clone first (`structuredClone`) where the old state is needed.
 */
import type { Network } from "../engine";
import type { LoggedEvent, SessionEvent } from "./events";
import { neuronValues, nextSeat, sameSeat, seatExists, studentsOn } from "./seating";
import { DEFAULT_RANGE, DEFAULT_THRESHOLD, type NeuronValues, type Seat, type SessionState, type Student } from "./state";
import { averageEntries } from "./teams";

const copyNetwork = (n: Network): Network => structuredClone(n);

function setNeuron(state: SessionState, seat: Seat, values: NeuronValues): void {
  const neuron = state.network.layers[seat.layer]?.neurons[seat.neuron];
  if (!neuron) return;
  neuron.weights = [...values.weights];
  neuron.bias = values.bias;
}

/** In average mode a neuron with students is the mean of their entries. */
function recomputeTeam(state: SessionState, seat: Seat): void {
  if (state.teamMode !== "average") return;
  const entries = studentsOn(state, seat)
    .map((s) => s.entry)
    .filter((e): e is NeuronValues => e !== null);
  if (entries.length > 0) setNeuron(state, seat, averageEntries(entries));
}

function seatStudent(state: SessionState, student: Student, seat: Seat | null): void {
  const previous = student.seat;
  student.seat = seat;
  student.entry = seat ? neuronValues(state.network, seat) : null;
  if (previous && !sameSeat(previous, seat)) recomputeTeam(state, previous);
}

function reseatEveryone(state: SessionState): void {
  const active = Object.values(state.students)
    .filter((s) => !s.removed)
    .sort((a, b) => a.joinIndex - b.joinIndex);
  for (const s of active) {
    s.seat = null;
    s.entry = null;
  }
  for (const s of active) seatStudent(state, s, nextSeat(state));
}

/**
 * A new session's state from its first event.
 * @example
 * const state = createState({ type: "session.created", payload: { id, code, ...setup } });
 */
export function createState(event: Extract<SessionEvent, { type: "session.created" }>): SessionState {
  const p = event.payload;
  return {
    id: p.id,
    code: p.code,
    status: "live",
    network: copyNetwork(p.network),
    initialNetwork: copyNetwork(p.network),
    inputs: [...p.inputs],
    inputLabels: [...p.inputLabels],
    outputLabels: [...p.outputLabels],
    presetId: p.presetId,
    students: {},
    joinCount: 0,
    teamMode: "latest",
    range: { ...DEFAULT_RANGE },
    locks: { network: false, layers: p.network.layers.map(() => false) },
    roomLocked: false,
    paused: false,
    hideNames: false,
    threshold: DEFAULT_THRESHOLD,
    animation: { column: null, playing: false, at: null },
  };
}

/**
 * Folds one event into the state (in place) and returns it.
 * @example
 * applyEvent(state, { type: "inputs.set", payload: { inputs: [0.5, 0.5] } });
 */
export function applyEvent(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case "session.created":
      return createState(event);
    case "session.ended":
      state.status = "ended";
      break;
    case "student.joined": {
      const student: Student = {
        id: event.payload.studentId,
        nickname: event.payload.nickname,
        seat: null,
        removed: false,
        joinIndex: ++state.joinCount,
        entry: null,
      };
      state.students[student.id] = student;
      seatStudent(state, student, nextSeat(state));
      break;
    }
    case "student.renamed": {
      const s = state.students[event.payload.studentId];
      if (s) s.nickname = event.payload.nickname;
      break;
    }
    case "student.moved": {
      const s = state.students[event.payload.studentId];
      if (s && !s.removed && seatExists(state.network, event.payload.seat)) {
        seatStudent(state, s, { ...event.payload.seat });
      }
      break;
    }
    case "student.removed": {
      const s = state.students[event.payload.studentId];
      if (s) {
        seatStudent(state, s, null);
        s.removed = true;
      }
      break;
    }
    case "student.readmitted": {
      const s = state.students[event.payload.studentId];
      if (s && s.removed) {
        s.removed = false;
        seatStudent(state, s, nextSeat(state));
      }
      break;
    }
    case "entry.set": {
      const s = state.students[event.payload.studentId];
      if (!s || s.removed || !s.seat) break;
      s.entry = { weights: [...event.payload.values.weights], bias: event.payload.values.bias };
      if (state.teamMode === "latest") setNeuron(state, s.seat, s.entry);
      else recomputeTeam(state, s.seat);
      break;
    }
    case "neuron.set": {
      const { layer, neuron, values } = event.payload;
      const seat = { layer, neuron };
      setNeuron(state, seat, values);
      for (const s of studentsOn(state, seat)) s.entry = { weights: [...values.weights], bias: values.bias };
      break;
    }
    case "inputs.set":
      state.inputs = [...event.payload.inputs];
      break;
    case "network.loaded": {
      const p = event.payload;
      state.network = copyNetwork(p.network);
      state.initialNetwork = copyNetwork(p.network);
      state.inputs = [...p.inputs];
      state.inputLabels = [...p.inputLabels];
      state.outputLabels = [...p.outputLabels];
      state.presetId = p.presetId;
      state.locks = { network: state.locks.network, layers: p.network.layers.map(() => false) };
      reseatEveryone(state);
      break;
    }
    case "weights.replaced":
      state.network = copyNetwork(event.payload.network);
      for (const s of Object.values(state.students)) {
        if (!s.removed && s.seat) s.entry = neuronValues(state.network, s.seat);
      }
      break;
    case "lock.set":
      if (event.payload.layer === null) state.locks.network = event.payload.locked;
      else if (event.payload.layer < state.locks.layers.length) state.locks.layers[event.payload.layer] = event.payload.locked;
      break;
    case "team-mode.set":
      state.teamMode = event.payload.mode;
      state.network.layers.forEach((layer, l) => layer.neurons.forEach((_, n) => recomputeTeam(state, { layer: l, neuron: n })));
      break;
    case "range.set":
      state.range = { ...event.payload };
      break;
    case "room.locked":
      state.roomLocked = event.payload.locked;
      break;
    case "phones.paused":
      state.paused = event.payload.paused;
      break;
    case "names.hidden":
      state.hideNames = event.payload.hidden;
      break;
    case "threshold.set":
      state.threshold = event.payload.threshold;
      break;
    case "animation.set":
      state.animation = { ...event.payload };
      break;
  }
  return state;
}

/**
 * Folds a list of events, starting from a snapshot or from nothing.
 * @example
 * const state = foldEvents(null, events);
 */
export function foldEvents(state: SessionState | null, events: readonly (SessionEvent | LoggedEvent)[]): SessionState {
  let current = state;
  for (const e of events) {
    if (current === null) {
      if (e.type !== "session.created") throw new Error(`a session's log must start with session.created, not ${e.type}`);
      current = createState(e);
    } else {
      current = applyEvent(current, e);
    }
  }
  if (!current) throw new Error("no events to fold");
  return current;
}
