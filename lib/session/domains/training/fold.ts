/** How training mode's events change the state (immutably). */
import type { Folds } from "../../rule-types";
import type { SessionState } from "../../state";
import { withWeightsReplaced } from "../network/fold";
import { MAX_KEPT, type TrainingState } from "./state";

type TrainingEventType =
  | "training.started"
  | "training.round-started"
  | "training.round-ended"
  | "training.learning-rate-set"
  | "training.stepped"
  | "training.stopped";

const withTraining = (state: SessionState, patch: Partial<TrainingState>): SessionState => ({
  ...state,
  training: { ...state.training, ...patch },
});

/** A list with one more item, the oldest dropped past MAX_KEPT. */
const appended = <T>(list: readonly T[], item: T): T[] => [...list, item].slice(-MAX_KEPT);

export const trainingFolds: Folds<TrainingEventType> = {
  "training.started": (state, { dataset, learningRate }) =>
    withTraining(state, { on: true, dataset: structuredClone(dataset), learningRate, rounds: [], steps: [] }),
  "training.round-started": (state, { round, at, lossBefore, startNetwork }) =>
    withTraining(state, {
      rounds: appended(state.training.rounds, { round, startedAt: at, endedAt: null, lossBefore, lossAfter: null, startNetwork: structuredClone(startNetwork) }),
    }),
  "training.round-ended": (state, { round, at, lossAfter }) => {
    const rounds = state.training.rounds.map((r) => (r.round === round && r.endedAt === null ? { ...r, endedAt: at, lossAfter } : r));
    return withTraining(state, { rounds });
  },
  "training.learning-rate-set": (state, { learningRate }) => withTraining(state, { learningRate }),
  "training.stepped": (state, { learningRate, lossBefore, lossAfter, at, network }) =>
    withTraining(withWeightsReplaced(state, network), { steps: appended(state.training.steps, { learningRate, lossBefore, lossAfter, at }) }),
  "training.stopped": (state) => withTraining(state, { on: false }),
};
