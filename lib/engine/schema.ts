/**
 * The engine's network JSON as zod schemas, for the server and for files: they accept exactly
 * what the engine's own validator accepts, with the same messages (both come from network.ts).
 */
import { z } from "zod";
import { ACTIVATIONS, NEURON_ACTIVATIONS } from "./activations";
import { crossFieldProblems, formatPath, MESSAGES, type Network } from "./network";

export {
  crossFieldProblems,
  formatPath,
  MESSAGES,
  type ForwardResult,
  type Layer,
  type Network,
  type Neuron,
  type Problem,
} from "./network";

const missingOr =
  (message: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? MESSAGES.missing : message;

const finiteNumber = z.number({ error: missingOr(MESSAGES.finite) });
// An array element is never "missing", even when it is undefined.
const finiteElement = z.number({ error: MESSAGES.finite });

const strictObjectError = (issue: { code?: string; input?: unknown }): string | undefined => {
  if (issue.code === "unrecognized_keys") return MESSAGES.unknownField;
  if (issue.code === "invalid_type") return missingOr(MESSAGES.object)(issue);
  return undefined;
};

const activationSchema = z.enum(ACTIVATIONS, {
  error: (issue) => (issue.input === undefined ? MESSAGES.missing : MESSAGES.activation(issue.input)),
});

const neuronActivationSchema = z.enum(NEURON_ACTIVATIONS, {
  error: (issue) => (issue.input === "softmax" ? MESSAGES.neuronSoftmax : MESSAGES.activation(issue.input)),
});

/**
 * Zod schema of one neuron (unknown keys are errors).
 * @example
 * neuronSchema.parse({ weights: [1.5, 2.0], bias: -1.0 });
 */
export const neuronSchema = z.strictObject(
  {
    weights: z.array(finiteElement, { error: missingOr(MESSAGES.array) }).min(1, { error: MESSAGES.noWeights }),
    bias: finiteNumber,
    activation: neuronActivationSchema.optional(),
  },
  { error: strictObjectError },
);

/**
 * Zod schema of one layer (unknown keys are errors).
 * @example
 * layerSchema.parse({ activation: "relu", neurons: [{ weights: [1], bias: 0 }] });
 */
export const layerSchema = z.strictObject(
  {
    activation: activationSchema,
    neurons: z.array(neuronSchema, { error: missingOr(MESSAGES.array) }).min(1, { error: MESSAGES.noNeurons }),
  },
  { error: strictObjectError },
);

/**
 * Zod schema of a whole network, including the rules between layers. It accepts exactly the
 * networks that `forward` accepts (before any inputs are known).
 * @example
 * networkSchema.safeParse({ layers: [] }).success; // false
 */
export const networkSchema = z
  .strictObject(
    {
      layers: z.array(layerSchema, { error: missingOr(MESSAGES.array) }).min(1, { error: MESSAGES.noLayers }),
    },
    { error: strictObjectError },
  )
  .superRefine((network, ctx) => {
    for (const problem of crossFieldProblems(network)) {
      ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
    }
  });

/**
 * Zod schema of the input values: at least one, each finite.
 * @example
 * inputsSchema.parse([0.8, 0.6]);
 */
export const inputsSchema = z
  .array(finiteElement, { error: missingOr(MESSAGES.array) })
  .min(1, { error: MESSAGES.noInputs });

/**
 * Turns a zod error from these schemas into the engine's path-first messages, one per problem
 * (an unknown key is reported at the key itself).
 * @example
 * const r = networkSchema.safeParse({ layers: [], extra: 1 });
 * if (!r.success) zodErrorMessages(r.error); // ["layers: a network needs ...", "extra: unknown field"]
 */
export function zodErrorMessages(error: z.ZodError, root = "network"): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => `${formatPath([...issue.path, key], root)}: ${issue.message}`);
    }
    return [`${formatPath(issue.path, root)}: ${issue.message}`];
  });
}

// Compile-time check that the schema and the hand-written types describe the same JSON.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: Same<z.infer<typeof networkSchema>, Network> = true;
void schemaMatchesTypes;
