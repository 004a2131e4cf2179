/**
 * The lesson's ready-made networks, in the engine's JSON, with the labels that travel beside them.
 * Pure data plus a few pure helpers: no Node or DOM imports.
 */
// Not the engine's barrel, which brings zod: the phone's code-question chunk imports this file.
import { forward } from "../engine/forward";
import type { Network } from "../engine/network";

/** Freezes shared definitions all the way down, so a caller cannot change them by accident. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Identifier of a preset, stable across the protocol, the database and URLs.
 * @example
 * const id: PresetId = "classifier";
 */
export type PresetId = "bright-and-edgy" | "two-layer" | "classifier" | "spam";

/**
 * A preset network with its starting inputs and the names shown for inputs and outputs.
 * @example
 * const p: Preset = getPreset("bright-and-edgy");
 */
export interface Preset {
  id: PresetId;
  title: string;
  description: string;
  network: Network;
  inputs: number[];
  inputLabels: string[];
  outputLabels: string[];
}

/**
 * The spam detector of the lesson's closing exercise, as fixed by the product spec: a hidden ReLU
 * layer of two neurons over (links, shouting, known sender) and one sigmoid output neuron.
 * @example
 * forward(SPAM_NETWORK, [0.9, 0.8, 0]).layers[1]?.output[0]; // about 0.99478
 */
export const SPAM_NETWORK: Network = deepFreeze({
  layers: [
    {
      activation: "relu",
      neurons: [
        { weights: [2.0, 1.5, -1.0], bias: -0.5 },
        { weights: [-0.5, -0.5, 2.0], bias: 0.0 },
      ],
    },
    { activation: "sigmoid", neurons: [{ weights: [2.5, -2.0], bias: -1.0 }] },
  ],
});

/**
 * Every preset, in the order the lesson meets them.
 * @example
 * PRESETS.map((p) => p.id); // ["bright-and-edgy", "two-layer", "classifier", "spam"]
 */
export const PRESETS: readonly Preset[] = deepFreeze([
  {
    id: "bright-and-edgy",
    title: "One neuron: bright and edgy?",
    description: "A single ReLU neuron that fires when a picture is both bright and full of edges.",
    network: {
      layers: [{ activation: "relu", neurons: [{ weights: [1.5, 2.0], bias: -1.0 }] }],
    },
    inputs: [0.8, 0.6],
    inputLabels: ["brightness", "edge strength"],
    outputLabels: ["bright and edgy"],
  },
  {
    id: "two-layer",
    title: "Two layers (2-3-2)",
    description: "Three ReLU neurons read the two inputs; two more ReLU neurons read those three.",
    network: {
      layers: [
        {
          activation: "relu",
          neurons: [
            { weights: [1.5, -0.5], bias: 0.0 },
            { weights: [0.2, 2.0], bias: -0.5 },
            { weights: [-1.0, 1.2], bias: 0.1 },
          ],
        },
        {
          activation: "relu",
          neurons: [
            { weights: [0.8, 0.3, -0.2], bias: 0.1 },
            { weights: [0.1, -0.6, 1.5], bias: 0.0 },
          ],
        },
      ],
    },
    inputs: [0.8, 0.6],
    inputLabels: ["brightness", "edge strength"],
    outputLabels: ["output 1", "output 2"],
  },
  {
    id: "classifier",
    title: "Classifier with softmax (2-3-2)",
    description: "A hidden ReLU layer feeds a softmax layer that turns two scores into class probabilities.",
    network: {
      layers: [
        {
          activation: "relu",
          neurons: [
            { weights: [1.2, -0.4], bias: 0.0 },
            { weights: [0.5, 1.8], bias: -0.2 },
            { weights: [-0.3, 0.9], bias: 0.1 },
          ],
        },
        {
          activation: "softmax",
          neurons: [
            { weights: [1.0, 0.2, -0.5], bias: 0.1 },
            { weights: [-0.3, 0.8, 1.1], bias: 0.0 },
          ],
        },
      ],
    },
    inputs: [0.9, 0.4],
    inputLabels: ["input 1", "input 2"],
    outputLabels: ["Class A", "Class B"],
  },
  {
    id: "spam",
    title: "Spam detector",
    description: "Two ReLU detectors and a sigmoid output give a score; above the threshold means spam.",
    network: SPAM_NETWORK,
    inputs: [0.9, 0.8, 0],
    inputLabels: ["links", "shouting", "known sender"],
    outputLabels: ["spam score"],
  },
]);

/**
 * The preset a new session starts from.
 * @example
 * getPreset(DEFAULT_PRESET_ID).outputLabels; // ["Class A", "Class B"]
 */
export const DEFAULT_PRESET_ID: PresetId = "classifier";

/**
 * Whether a string names a preset.
 * @example
 * isPresetId("spam"); // true
 */
export function isPresetId(id: unknown): id is PresetId {
  return PRESETS.some((p) => p.id === id);
}

/**
 * A deep copy of a preset, safe to change (the shared definitions stay untouched).
 * Throws a RangeError for an unknown id.
 * @example
 * const p = getPreset("classifier");
 * p.inputs[0] = 0.1; // getPreset("classifier").inputs[0] is still 0.9
 */
export function getPreset(id: PresetId | string): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new RangeError(`unknown preset "${id}"`);
  return structuredClone(preset);
}

/** One labelled example of the spam data set. */
export interface SpamExample {
  /** (links, shouting, known sender) */
  inputs: [number, number, number];
  label: SpamLabel;
}

/**
 * What the spam detector answers.
 * @example
 * const l: SpamLabel = "not spam";
 */
export type SpamLabel = "spam" | "not spam";

const example = (links: number, shouting: number, knownSender: number, label: SpamLabel): SpamExample => ({
  inputs: [links, shouting, knownSender],
  label,
});

/**
 * The spam exercise's small labelled data set (for its tests and for training mode). At
 * threshold 0.5 the preset network gets the first eight right and the last two wrong.
 * @example
 * SPAM_EXAMPLES.length; // 10
 */
export const SPAM_EXAMPLES: readonly SpamExample[] = deepFreeze([
  example(0.9, 0.8, 0, "spam"),
  example(0.1, 0.1, 1, "not spam"),
  example(0.5, 0.2, 0, "spam"),
  example(0.3, 0.1, 0, "not spam"),
  example(0.9, 0.8, 1, "spam"),
  example(0, 0, 0, "not spam"),
  example(0.2, 0.9, 0, "spam"),
  example(0.6, 0, 1, "not spam"),
  example(0.7, 0.3, 1, "spam"),
  example(0.1, 0.6, 0, "not spam"),
]);

/**
 * The spam detector's output (a probability-like score between 0 and 1), via the shared engine.
 * Throws an `EngineError` for inputs that are not three finite numbers.
 * @example
 * spamScore([0.45, 0, 0]); // 0.5
 */
export function spamScore(inputs: readonly number[]): number {
  const result = forward(SPAM_NETWORK, inputs);
  const score = result.layers[result.layers.length - 1]?.output[0];
  if (score === undefined) throw new Error("the spam network has no output");
  return score;
}

/**
 * The exercise's `predict`: "spam" when the score is strictly above the threshold, else "not spam".
 * @example
 * predictSpam([0.5, 0.2, 0], 0.5); // "spam"
 * predictSpam([0.5, 0.2, 0], 0.8); // "not spam"
 * predictSpam([0.45, 0, 0], 0.5); // "not spam" (the score is exactly 0.5)
 */
export function predictSpam(inputs: readonly number[], threshold = 0.5): SpamLabel {
  return spamScore(inputs) > threshold ? "spam" : "not spam";
}
