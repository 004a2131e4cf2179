/**
 * Training mode's rules: the teacher picks a data set, runs rounds and may apply one automatic
 * gradient-descent step. The losses and the stepped network are computed here with the shared
 * engine and travel in the events. Pure: the time comes from the context; refusals are thrown.
 */
import { datasetLoss, EngineError, gradientStep, lossGradient, type Network } from "../../../engine";
import { parseDatasetCsv } from "../../../training/csv";
import { builtInDataset, datasetFits, plainDataset, type Dataset } from "../../../training/datasets";
import type { SessionEvent } from "../../events";
import { refuse } from "../../refuse";
import type { Rules } from "../../rule-types";
import type { SessionState } from "../../state";
import { openRound } from "./state";

type TrainingCommand = "training:start" | "training:round" | "training:learning-rate" | "training:apply-step" | "training:stop";

/** The engine's answer, or a refusal in its words (a network whose sums overflow on the data set). */
function computed<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof EngineError) refuse("INVALID", `The network cannot be scored on this data set: ${error.message}`);
    throw error;
  }
}

/** The data set training is on, which fits the class's network now; else a refusal. */
function activeDataset(state: SessionState): Dataset {
  const dataset = state.training.dataset;
  if (!state.training.on || !dataset) refuse("INVALID", "Training mode is off: start training first.");
  const misfit = datasetFits(dataset, state.network);
  if (misfit) refuse("INVALID", `${misfit} Start training again to load a network that fits.`);
  return dataset;
}

/**
 * The network's loss on the data set, as training's events carry it.
 * @example
 * lossOn(state.network, state.training.dataset!); // 0.1369…
 */
export function lossOn(network: Network, dataset: Dataset): number {
  return finite(computed(() => datasetLoss(network, dataset.examples)));
}

/** A loss an event can carry (JSON has no Infinity), or a refusal. */
function finite(loss: number): number {
  if (!Number.isFinite(loss)) refuse("INVALID", "The loss is too large to compute: bring the weights back to smaller values first.");
  return loss;
}

export const trainingRules: Rules<TrainingCommand> = {
  "training:start": {
    who: "teacher",
    run: (state, _actor, { dataset: choice, learningRate }) => {
      const events: SessionEvent[] = [];
      let network = state.network;
      let dataset: Dataset;
      if (choice.id === "custom") {
        const parsed = parseDatasetCsv(choice.csv, state.outputLabels);
        if ("error" in parsed) refuse("BAD_REQUEST", parsed.error);
        dataset = parsed.dataset;
        const misfit = datasetFits(dataset, network);
        if (misfit) refuse("INVALID", misfit);
      } else {
        const builtIn = builtInDataset(choice.id);
        if (!builtIn) refuse("NOT_FOUND", `There is no data set "${choice.id}".`);
        if (datasetFits(builtIn, network) !== null) {
          events.push({ type: "network.loaded", payload: builtIn.setup });
          network = builtIn.setup.network;
        }
        dataset = plainDataset(builtIn);
      }
      lossOn(network, dataset); // a network whose sums overflow on these inputs is refused here, not at the first round
      events.push({ type: "training.started", payload: { dataset, learningRate: learningRate ?? state.training.learningRate } });
      return events;
    },
  },
  "training:round": {
    who: "teacher",
    run: (state, _actor, { action }, ctx) => {
      const open = openRound(state.training);
      if (action === "start") {
        const dataset = activeDataset(state);
        if (open) refuse("INVALID", `Round ${open.round} is still running: end it first.`);
        const round = (state.training.rounds[state.training.rounds.length - 1]?.round ?? 0) + 1;
        const lossBefore = lossOn(state.network, dataset);
        return [{ type: "training.round-started", payload: { round, at: ctx.now, lossBefore, startNetwork: state.network } }];
      }
      if (!open) refuse("INVALID", "No round is running: start one first.");
      const dataset = activeDataset(state);
      return [{ type: "training.round-ended", payload: { round: open.round, at: ctx.now, lossAfter: lossOn(state.network, dataset) } }];
    },
  },
  "training:learning-rate": {
    who: "teacher",
    run: (_state, _actor, { learningRate }) => [{ type: "training.learning-rate-set", payload: { learningRate } }],
  },
  "training:apply-step": {
    who: "teacher",
    run: (state, _actor, _payload, ctx) => {
      const dataset = activeDataset(state);
      const learningRate = state.training.learningRate;
      const { loss, gradient } = computed(() => lossGradient(state.network, dataset.examples));
      const lossBefore = finite(loss);
      const network = computed(() => gradientStep(state.network, gradient, learningRate));
      const lossAfter = lossOn(network, dataset);
      return [{ type: "training.stepped", payload: { learningRate, lossBefore, lossAfter, at: ctx.now, network } }];
    },
  },
  "training:stop": {
    who: "teacher",
    run: (state, _actor, _payload, ctx) => {
      if (!state.training.on) refuse("INVALID", "Training mode is already off.");
      const events: SessionEvent[] = [];
      const open = openRound(state.training);
      const dataset = state.training.dataset;
      if (open && dataset && datasetFits(dataset, state.network) === null) {
        events.push({ type: "training.round-ended", payload: { round: open.round, at: ctx.now, lossAfter: lossOn(state.network, dataset) } });
      }
      events.push({ type: "training.stopped", payload: {} });
      return events;
    },
  },
};
