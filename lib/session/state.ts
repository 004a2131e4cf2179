/**
 * The state of a live session: a pure fold of its events (see reducer.ts). Plain JSON,
 * so it can be snapshotted to the database and sent to browsers as it is.
 */
import type { Network } from "../engine";
import type { QuizState } from "./domains/quiz/state";
import type { TrainingState } from "./domains/training/state";

export type { QuizState } from "./domains/quiz/state";
export type { TrainingRound, TrainingState, TrainingStep } from "./domains/training/state";

/** A neuron's place in the network: layer index and neuron index, both from 0. */
export interface Seat {
  layer: number;
  neuron: number;
}

/** A neuron's own numbers, as a student enters them. */
export interface NeuronValues {
  weights: number[];
  bias: number;
}

export interface Student {
  id: string;
  nickname: string;
  /** Null while removed, or when the network has no neurons to seat them on. */
  seat: Seat | null;
  removed: boolean;
  /** Order of joining, from 1; seating follows it when the network changes. */
  joinIndex: number;
  /** What this student last entered for their neuron. */
  entry: NeuronValues | null;
}

/** How a team's entries (several students on one neuron) become the neuron's values. */
export type TeamMode = "latest" | "average";

export interface SliderRange {
  min: number;
  max: number;
}

export interface SessionState {
  id: string;
  code: string;
  status: "live" | "ended";
  /** The network as the class computes it now. */
  network: Network;
  /** The network as last loaded, for "reset weights". */
  initialNetwork: Network;
  inputs: number[];
  inputLabels: string[];
  outputLabels: string[];
  presetId: string | null;
  students: Record<string, Student>;
  joinCount: number;
  teamMode: TeamMode;
  range: SliderRange;
  locks: { network: boolean; layers: boolean[] };
  roomLocked: boolean;
  paused: boolean;
  hideNames: boolean;
  /** The spam detector's cut-off: the output above it (strictly) reads "spam". */
  threshold: number;
  /** The forward pass as the teacher plays it, on every screen at once. */
  animation: PassAnimation;
  /** Phones asking for a student's place back (a new phone, cleared storage), by request id. */
  handbacks: Record<string, HandbackRequest>;
  /** The step of the lesson the teacher has the class on (lib/lesson/steps.ts). */
  lesson: LessonState;
  /** Questions: the one running now, its answers, the scores and the scoring switches. */
  quiz: QuizState;
  /** Training mode: the data set, its rounds and the automatic steps applied. */
  training: TrainingState;
}

/** Where the class is in the lesson: a step's index in LESSON_STEPS, or null (not started, or free play). */
export interface LessonState {
  step: number | null;
}

/** A new phone asks to become an existing student; only the teacher can say yes. */
export interface HandbackRequest {
  requestId: string;
  studentId: string;
  at: number;
}

/**
 * The shape of SessionState that snapshots are written in. Bump it whenever the state's
 * shape or a fold's meaning changes: snapshots of another version are then ignored and the
 * state is rebuilt from the log, which stays readable forever.
 */
export const STATE_VERSION = 6;

/**
 * Which column of the diagram the signal has reached: 0 the inputs, 1…L the layers; null
 * when nothing is being shown (everything lit). `at` is when that column lit (server clock).
 */
export interface PassAnimation {
  column: number | null;
  playing: boolean;
  at: number | null;
}

/** How long each column stays lit while the pass plays. */
export const PASS_STEP_MS = 900;
export const DEFAULT_THRESHOLD = 0.5;

export const DEFAULT_RANGE: SliderRange = { min: -5, max: 5 };
