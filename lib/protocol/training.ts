import { z } from "zod";
import { LABEL_MAX } from "../session/text";
import { CSV_MAX_CHARS } from "../training/csv";
import { MAX_EXAMPLES } from "../training/datasets";

/** What a session command's acknowledgement carries: the seq its last event was stored at. */
const ok = z.object({ seq: z.number() });
const empty = z.object({}).strict();
const finite = z.number();

/** The ids of the built-in data sets (lib/training/datasets.ts). */
export const BUILT_IN_DATASET_IDS = ["spam", "bright-and-edgy", "and", "or", "xor"] as const;

/** A learning rate: above 0, at most 10. */
export const learningRateSchema = finite.gt(0).max(10);

const values = z.array(finite).min(1).max(256);
/** Text of at most `max` characters, counted loosely (a visible character takes at most 32 code units: lib/session/text.ts). */
const text = (max: number) => z.string().max(max * 32);

/** A data set as training mode stores it (in `training.started` and the state). */
export const datasetSchema = z
  .object({
    id: z.enum([...BUILT_IN_DATASET_IDS, "custom"]),
    title: text(80),
    inputLabels: z.array(text(LABEL_MAX)).max(256),
    outputLabels: z.array(text(LABEL_MAX)).max(256),
    examples: z.array(z.object({ inputs: values, target: values }).strict()).min(1).max(MAX_EXAMPLES),
    exampleLabels: z.array(text(LABEL_MAX)).max(MAX_EXAMPLES).optional(),
  })
  .strict();

/** Training mode: the class follows the loss's slope on a tiny labelled data set. */
export const trainingCommands = {
  /**
   * Teacher: start training on a built-in data set (its own network is loaded in the same
   * command when the class's does not fit it) or on the teacher's own table, which must fit.
   */
  "training:start": {
    payload: z
      .object({
        dataset: z.union([
          z.object({ id: z.enum(BUILT_IN_DATASET_IDS) }).strict(),
          z.object({ id: z.literal("custom"), csv: z.string().max(CSV_MAX_CHARS) }).strict(),
        ]),
        learningRate: learningRateSchema.optional(),
      })
      .strict(),
    result: ok,
  },
  /** Teacher: start a round ("everyone nudge once") or end the open one. */
  "training:round": { payload: z.object({ action: z.enum(["start", "end"]) }).strict(), result: ok },
  /** Teacher: the learning rate of the automatic step. */
  "training:learning-rate": { payload: z.object({ learningRate: learningRateSchema }).strict(), result: ok },
  /** Teacher: one automatic gradient-descent step of the whole network. */
  "training:apply-step": { payload: empty, result: ok },
  /** Teacher: leave training mode (its rounds stay for the replay). */
  "training:stop": { payload: empty, result: ok },
} as const;
