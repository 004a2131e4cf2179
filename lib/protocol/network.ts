import { z } from "zod";
import { networkSchema } from "../engine";
import { LABEL_MAX, visibleTextMessage, visibleTextProblem } from "../session/text";

/** A finite number (zod 4's number already refuses NaN and ±Infinity). */
export const finite = z.number();

export const seatSchema = z.object({ layer: z.number().int().min(0).max(63), neuron: z.number().int().min(0).max(255) }).strict();

export const neuronValuesSchema = z
  .object({ weights: z.array(finite).min(1).max(256), bias: finite })
  .strict();

/** A label has at most LABEL_MAX characters (grapheme clusters: an emoji sequence is one). */
export { LABEL_MAX };
/** A bound on the raw string, before it is counted by grapheme. */
const LABEL_MAX_UNITS = 200;

/**
 * An input's or output's name, as the teacher sends it: the visible-text rules of nicknames
 * (lib/session/text.ts), so no control, text-direction or invisible characters.
 */
const label = z
  .string()
  .max(LABEL_MAX_UNITS)
  .trim()
  .superRefine((text, ctx) => {
    const problem = visibleTextProblem(text, LABEL_MAX);
    if (problem) ctx.addIssue({ code: "custom", message: visibleTextMessage(problem, "label", LABEL_MAX) });
  });
const labels = z.array(label).max(256);

const setupFields = {
  network: networkSchema,
  inputs: z.array(finite).min(1).max(256),
  presetId: z.string().max(40).nullable().default(null),
};

/** A whole network set-up: the engine's JSON plus the inputs and labels that travel beside it. */
export const networkSetupSchema = z.object({ ...setupFields, inputLabels: labels, outputLabels: labels }).strict();

// The log keeps what earlier versions accepted (labels were 1 to 40 UTF-16 units, with no
// rule on invisible characters), so a stored set-up is read with the looser label rule.
const storedLabels = z.array(z.string().trim().min(1).max(LABEL_MAX_UNITS)).max(256);

/** A set-up as the log stores it: every set-up `networkSetupSchema` accepts, and those older versions did. */
export const storedNetworkSetupSchema = z
  .object({ ...setupFields, inputLabels: storedLabels, outputLabels: storedLabels })
  .strict();

const empty = z.object({}).strict();
/** What a session command's acknowledgement carries: the seq its last event was stored at. */
const ok = z.object({ seq: z.number() });

/** Commands about the network: a student's own neuron, and the teacher's controls. */
export const networkCommands = {
  /** Student: my neuron's weights and/or bias. */
  "neuron:set": {
    payload: z
      .object({ weights: z.array(finite).min(1).max(256).optional(), bias: finite.optional() })
      .strict()
      .refine((p) => p.weights !== undefined || p.bias !== undefined, "send weights, bias or both"),
    result: z.object({ seq: z.number() }),
  },
  /** Teacher: any neuron's values. */
  "network:set-neuron": { payload: seatSchema.extend({ values: neuronValuesSchema }).strict(), result: ok },
  /** Teacher: the input values. */
  "network:set-inputs": { payload: z.object({ inputs: z.array(finite).min(1).max(256) }).strict(), result: ok },
  /** Teacher: load a network (preset, saved JSON, or a new topology). */
  "network:load": { payload: networkSetupSchema, result: ok },
  /** Teacher: load one of the lesson's presets by id. */
  "network:load-preset": { payload: z.object({ presetId: z.string().max(40) }).strict(), result: ok },
  /** Teacher: put every weight and bias back to the loaded network's. */
  "network:reset": { payload: empty, result: ok },
  /** Teacher: random weights and biases in [-1, 1]. */
  "network:randomize": { payload: empty, result: ok },
  /** Teacher: lock or unlock edits, for the whole network (layer null) or one layer. */
  "network:lock": {
    payload: z.object({ layer: z.number().int().min(0).max(63).nullable(), locked: z.boolean() }).strict(),
    result: ok,
  },
  /** Teacher: how a team's entries combine. */
  "network:team-mode": { payload: z.object({ mode: z.enum(["latest", "average"]) }).strict(), result: ok },
  /** Teacher: the threshold above which the output reads "spam" (strictly greater). */
  "network:threshold": { payload: z.object({ threshold: finite.min(0).max(1) }).strict(), result: ok },
  /** Teacher: play the forward pass on every screen, one column at a time. */
  "animation:play": { payload: empty, result: ok },
  /** Teacher: light the next column (from the inputs when nothing is lit), without playing. */
  "animation:step": { payload: empty, result: ok },
  /** Teacher: stop the animation; everything is lit again. */
  "animation:stop": { payload: empty, result: ok },
  /** Teacher: the sliders' range. */
  "network:range": {
    payload: z
      .object({ min: finite.min(-1000).max(0), max: finite.min(0).max(1000) })
      .strict()
      .refine((r) => r.max > r.min, "max must be above min"),
    result: ok,
  },
} as const;
