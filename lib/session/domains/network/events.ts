/**
 * The network domain's events: what students and the teacher did to the network. Each has
 * one zod schema; rows read back from the log are parsed with it (lib/session/event-schemas).
 * An event's meaning never changes: a new meaning gets a new event type.
 */
import { z } from "zod";
import { networkSchema } from "../../../engine/schema";
import { neuronValuesSchema, seatSchema, storedNetworkSetupSchema } from "../../../protocol/network";

const finite = z.number();

/**
 * A set-up as `network:load` took it. Labels are read with the rule of the oldest version
 * (`storedNetworkSetupSchema`), so logs written before the visible-text rule still load.
 */
export const networkSetupEventSchema = storedNetworkSetupSchema;

export const networkEvents = {
  /** A student's own entry for the neuron they sit on. */
  "entry.set": z.object({ studentId: z.string(), values: neuronValuesSchema }).strict(),
  /** The teacher sets a neuron directly; its students' entries follow. */
  "neuron.set": seatSchema.extend({ values: neuronValuesSchema }).strict(),
  "inputs.set": z.object({ inputs: z.array(finite).min(1).max(256) }).strict(),
  /** A new network (a preset, a saved JSON, a new topology): everyone is seated again. */
  "network.loaded": networkSetupEventSchema,
  /** Every weight and bias replaced at once (reset, randomise), topology unchanged; random values travel in the event. */
  "weights.replaced": z.object({ network: networkSchema, reason: z.enum(["reset", "randomize"]) }).strict(),
  "lock.set": z.object({ layer: z.number().int().min(0).nullable(), locked: z.boolean() }).strict(),
  "team-mode.set": z.object({ mode: z.enum(["latest", "average"]) }).strict(),
  "range.set": z.object({ min: finite, max: finite }).strict(),
  "threshold.set": z.object({ threshold: finite.min(0).max(1) }).strict(),
} as const;
