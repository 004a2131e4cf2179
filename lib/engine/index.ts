/**
 * The shared engine: one forward pass over plain JSON, used by the server, the phones, the
 * dashboard, the replay and the tests alike. No Node or DOM imports. `forward` validates
 * its input on every call; `compile` validates a network once and returns a form that runs on
 * plain arrays for every recomputation (`compiledOf` keeps one per network object).
 *
 * This barrel exports everything, zod schemas included, for the server and the tests. Browser
 * code that only computes imports `./forward` or `./compile` (and types from `./network`), which pull no zod.
 */
export * from "./activations";
export * from "./schema";
export { EngineError, inputCount, validateInputs, validateNetwork } from "./validate";
export { forward, layerInputs, networkOutput, weightedSum } from "./forward";
export { compile, compiledOf, CompiledNetwork } from "./compile";
export {
  accuracy,
  datasetLoss,
  evaluate,
  flatActivations,
  gradientStep,
  lossGradient,
  lossKind,
  predictionRight,
  type Evaluation,
  type Example,
  type Gradient,
  type LossKind,
} from "./train";
