/**
 * The training part of a session's state: the data set the class trains on, its rounds and
 * the automatic steps the teacher applied. Nothing in it is secret: every screen gets it whole.
 */
import type { Network } from "../../../engine/network";
import type { Dataset } from "../../../training/datasets";

/** One round ("everyone nudge once"): the loss when it started and when it ended, and the network it started from. */
export interface TrainingRound {
  /** 1 the first round since training started. */
  round: number;
  startedAt: number;
  /** Null while the round is open. */
  endedAt: number | null;
  lossBefore: number;
  lossAfter: number | null;
  /** The network when the round started, so a screen can compare the class with one automatic step from there. */
  startNetwork: Network;
}

/** One automatic gradient-descent step the teacher applied. */
export interface TrainingStep {
  learningRate: number;
  lossBefore: number;
  lossAfter: number;
  at: number;
}

export interface TrainingState {
  on: boolean;
  dataset: Dataset | null;
  /** The automatic step's learning rate. */
  learningRate: number;
  /** The last is open while its endedAt is null; at most MAX_KEPT kept (the oldest go first). */
  rounds: TrainingRound[];
  /** Automatic steps applied; at most MAX_KEPT kept. */
  steps: TrainingStep[];
}

/** The learning rate a session starts with. */
export const DEFAULT_LEARNING_RATE = 0.5;

/** How many rounds and steps the state keeps (the log keeps them all). */
export const MAX_KEPT = 200;

/**
 * Training mode as a new session has it: off, no data set.
 * @example
 * initialTraining().learningRate; // 0.5
 */
export function initialTraining(): TrainingState {
  return { on: false, dataset: null, learningRate: DEFAULT_LEARNING_RATE, rounds: [], steps: [] };
}

/**
 * The round that is open now, or null.
 * @example
 * openRound(state.training)?.round; // 3
 */
export function openRound(training: TrainingState): TrainingRound | null {
  const last = training.rounds[training.rounds.length - 1];
  return last && last.endedAt === null ? last : null;
}
