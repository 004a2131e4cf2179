/**
 * Training mode's events. Each carries its numbers (losses, times, networks), so a replay folds
 * exactly what the class saw without running the engine.
 */
import { z } from "zod";
import { networkSchema } from "../../../engine/schema";
import { datasetSchema, learningRateSchema } from "../../../protocol/training";

const finite = z.number();
const round = z.number().int().min(1);

export const trainingEvents = {
  /** Training mode on, with its data set (a new data set starts a new list of rounds and steps). */
  "training.started": z.object({ dataset: datasetSchema, learningRate: learningRateSchema }).strict(),
  /** A round opened: the loss then, and the network it starts from. */
  "training.round-started": z.object({ round, at: finite, lossBefore: finite, startNetwork: networkSchema }).strict(),
  /** The open round closed, with the loss then. */
  "training.round-ended": z.object({ round, at: finite, lossAfter: finite }).strict(),
  "training.learning-rate-set": z.object({ learningRate: learningRateSchema }).strict(),
  /** One automatic gradient-descent step: the whole network replaced, as weights.replaced does. */
  "training.stepped": z
    .object({ learningRate: learningRateSchema, lossBefore: finite, lossAfter: finite, at: finite, network: networkSchema })
    .strict(),
  /** Training mode off; its rounds and steps stay in the state. */
  "training.stopped": z.object({}).strict(),
} as const;
