/**
 * Everything that can happen to a session, as events. The server decides them
 * (decide.ts), appends them to the database with a gap-free seq, then every screen folds
 * them with the same reducer. Payloads are plain JSON and carry every number they need
 * (random weights are drawn by the server and written into the event), so a replay
 * reproduces exactly what the class saw.
 */
import type { Network } from "../engine";
import type { NeuronValues, PassAnimation, Seat, SliderRange, TeamMode } from "./state";

export interface NetworkSetup {
  network: Network;
  inputs: number[];
  inputLabels: string[];
  outputLabels: string[];
  presetId: string | null;
}

export type SessionEvent =
  | { type: "session.created"; payload: NetworkSetup & { id: string; code: string } }
  | { type: "session.ended"; payload: Record<string, never> }
  | { type: "student.joined"; payload: { studentId: string; nickname: string } }
  | { type: "student.renamed"; payload: { studentId: string; nickname: string } }
  | { type: "student.moved"; payload: { studentId: string; seat: Seat } }
  | { type: "student.removed"; payload: { studentId: string } }
  | { type: "student.readmitted"; payload: { studentId: string } }
  /** A student's own entry for the neuron they sit on. */
  | { type: "entry.set"; payload: { studentId: string; values: NeuronValues } }
  /** The teacher sets a neuron directly; its students' entries follow. */
  | { type: "neuron.set"; payload: Seat & { values: NeuronValues } }
  | { type: "inputs.set"; payload: { inputs: number[] } }
  /** A new network (a preset, a saved JSON, a new topology): everyone is seated again. */
  | { type: "network.loaded"; payload: NetworkSetup }
  /** Every weight and bias replaced at once (reset, randomise), topology unchanged. */
  | { type: "weights.replaced"; payload: { network: Network; reason: "reset" | "randomize" } }
  | { type: "lock.set"; payload: { layer: number | null; locked: boolean } }
  | { type: "team-mode.set"; payload: { mode: TeamMode } }
  | { type: "range.set"; payload: SliderRange }
  | { type: "room.locked"; payload: { locked: boolean } }
  | { type: "phones.paused"; payload: { paused: boolean } }
  | { type: "names.hidden"; payload: { hidden: boolean } }
  | { type: "threshold.set"; payload: { threshold: number } }
  /** The forward-pass animation moved: played, stepped, advanced by its timer, or stopped. */
  | { type: "animation.set"; payload: PassAnimation };

export type SessionEventType = SessionEvent["type"];

/** An event as stored and broadcast: with its place in the log and who caused it. */
export type LoggedEvent = SessionEvent & { seq: number; actor: string | null };
