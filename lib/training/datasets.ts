/**
 * Training mode's tiny labelled data sets: the spam exercise's ten emails, a "bright and edgy"
 * picture set, AND, OR and XOR, each with a network that fits it, and the check that a data set
 * fits the class's current network. Pure data and arithmetic: no zod, no Node or DOM.
 */
import type { Network } from "../engine/network";
import type { Example } from "../engine/train";
import { SPAM_EXAMPLES, SPAM_NETWORK, getPreset } from "../lesson/presets";
import type { NetworkSetup } from "../session/events";

/**
 * Which data set: a built-in one, or the teacher's own table.
 * @example
 * const id: DatasetId = "xor";
 */
export type DatasetId = "spam" | "bright-and-edgy" | "and" | "or" | "xor" | "custom";

/**
 * A labelled data set: each example's inputs and target (one number per output neuron).
 * @example
 * const d: Dataset = { id: "and", title: "AND", inputLabels: ["a", "b"], outputLabels: ["a AND b"], examples: [{ inputs: [1, 1], target: [1] }] };
 */
export interface Dataset {
  id: DatasetId;
  title: string;
  /** One name per input. */
  inputLabels: string[];
  /** The classes or outputs, in target order. */
  outputLabels: string[];
  /** 1..50 examples. */
  examples: Example[];
  /** Optional display text of each example's label ("spam"). */
  exampleLabels?: string[];
}

/**
 * A built-in data set, with words for the teacher and a network that fits it.
 * @example
 * BUILT_IN_DATASETS[0].setup.network; // the spam detector
 */
export interface BuiltInDataset extends Dataset {
  description: string;
  setup: NetworkSetup;
}

/** The most examples a data set may hold. */
export const MAX_EXAMPLES = 50;

const sigmoidLayer = (weights: number[][], bias: number[]): Network["layers"][number] => ({
  activation: "sigmoid",
  neurons: weights.map((w, j) => ({ weights: w, bias: bias[j]! })),
});

const spamPreset = getPreset("spam");

const SPAM: BuiltInDataset = {
  id: "spam",
  title: "Spam or not (10 emails)",
  description:
    "The spam exercise's ten emails, described by links, shouting and known sender. The spam detector gets 8 of 10 right at threshold 0.5: the last two are wrong, so there is something to fix.",
  inputLabels: [...spamPreset.inputLabels],
  outputLabels: ["spam"],
  examples: SPAM_EXAMPLES.map((e) => ({ inputs: [...e.inputs], target: [e.label === "spam" ? 1 : 0] })),
  exampleLabels: SPAM_EXAMPLES.map((e) => e.label),
  setup: {
    network: structuredClone(SPAM_NETWORK) as Network,
    inputs: [...spamPreset.inputs],
    inputLabels: [...spamPreset.inputLabels],
    outputLabels: [...spamPreset.outputLabels],
    presetId: "spam",
  },
};

/** A picture is "bright and edgy" when both its brightness and its edge strength are high. */
const BRIGHT_ROWS: [number, number, 0 | 1][] = [
  [0.9, 0.8, 1],
  [0.8, 0.6, 1],
  [0.7, 0.9, 1],
  [0.95, 0.7, 1],
  [0.2, 0.9, 0],
  [0.9, 0.1, 0],
  [0.1, 0.2, 0],
  [0.4, 0.3, 0],
];

const BRIGHT_AND_EDGY: BuiltInDataset = {
  id: "bright-and-edgy",
  title: "Bright and edgy pictures (8)",
  description:
    "Eight pictures by brightness and edge strength: yes when both are high. It trains one sigmoid neuron, not the lesson's ReLU one: a ReLU's output can grow far above 1 for a yes, and where it is 0 it has no slope, so a wrong no could never learn; a sigmoid stays between 0 and 1 and always has a slope.",
  inputLabels: ["brightness", "edge strength"],
  outputLabels: ["bright and edgy"],
  examples: BRIGHT_ROWS.map(([b, e, t]) => ({ inputs: [b, e], target: [t] })),
  exampleLabels: BRIGHT_ROWS.map(([, , t]) => (t ? "yes" : "no")),
  setup: {
    network: { layers: [sigmoidLayer([[1.5, 2.0]], [-1.0])] },
    inputs: [0.8, 0.6],
    inputLabels: ["brightness", "edge strength"],
    outputLabels: ["bright and edgy"],
    presetId: null,
  },
};

/** A two-input logic gate's four rows, as a data set trained on one sigmoid neuron. */
function gate(id: "and" | "or", title: string, description: string, truth: (a: number, b: number) => boolean): BuiltInDataset {
  const rows = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ] as const;
  const name = `A ${id.toUpperCase()} B`;
  return {
    id,
    title,
    description,
    inputLabels: ["A", "B"],
    outputLabels: [name],
    examples: rows.map(([a, b]) => ({ inputs: [a, b], target: [truth(a, b) ? 1 : 0] })),
    exampleLabels: rows.map(([a, b]) => (truth(a, b) ? "1" : "0")),
    setup: {
      network: { layers: [sigmoidLayer([[0.5, -0.5]], [0.2])] },
      inputs: [1, 1],
      inputLabels: ["A", "B"],
      outputLabels: [name],
      presetId: null,
    },
  };
}

const AND = gate("and", "AND (4 rows)", "1 only when both inputs are 1. One neuron can learn it: a line separates the yes from the no.", (a, b) => a === 1 && b === 1);
const OR = gate("or", "OR (4 rows)", "1 when either input is 1. One neuron can learn it too.", (a, b) => a === 1 || b === 1);

const XOR_ROWS = [
  [0, 0, 0],
  [0, 1, 1],
  [1, 0, 1],
  [1, 1, 0],
] as const;

const XOR: BuiltInDataset = {
  id: "xor",
  title: "XOR (4 rows)",
  description:
    "1 when exactly one input is 1. No single line separates the yes from the no, so one neuron cannot learn it: this network has a hidden layer of two sigmoid neurons, which can. It starts with 2 of 4 right.",
  inputLabels: ["A", "B"],
  outputLabels: ["A XOR B"],
  examples: XOR_ROWS.map(([a, b, t]) => ({ inputs: [a, b], target: [t] })),
  exampleLabels: XOR_ROWS.map(([, , t]) => String(t)),
  setup: {
    network: {
      // Different starting weights for the two hidden neurons, so they can learn different things.
      layers: [
        sigmoidLayer([[1.4, 1.4], [2.0, 1.4]], [-1.2, -0.1]),
        sigmoidLayer([[-1.1, -0.6]], [-1.6]),
      ],
    },
    inputs: [1, 0],
    inputLabels: ["A", "B"],
    outputLabels: ["A XOR B"],
    presetId: null,
  },
};

/**
 * The built-in data sets, in the order the teacher's menu shows them.
 * @example
 * BUILT_IN_DATASETS.map((d) => d.id); // ["spam", "bright-and-edgy", "and", "or", "xor"]
 */
export const BUILT_IN_DATASETS: readonly BuiltInDataset[] = [SPAM, BRIGHT_AND_EDGY, AND, OR, XOR];

/**
 * A built-in data set by id, as a fresh copy; undefined for "custom" or an unknown id.
 * @example
 * builtInDataset("xor")?.examples.length; // 4
 */
export function builtInDataset(id: string): BuiltInDataset | undefined {
  const found = BUILT_IN_DATASETS.find((d) => d.id === id);
  return found ? structuredClone(found) : undefined;
}

/**
 * The data set alone (without the description and the network), as training mode stores it.
 * @example
 * plainDataset(builtInDataset("and")!); // { id: "and", title: ..., examples: [...] }
 */
export function plainDataset(dataset: Dataset): Dataset {
  const { id, title, inputLabels, outputLabels, examples, exampleLabels } = dataset;
  const plain: Dataset = { id, title, inputLabels: [...inputLabels], outputLabels: [...outputLabels], examples: structuredClone(examples) };
  if (exampleLabels) plain.exampleLabels = [...exampleLabels];
  return plain;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Whether a data set fits a network: null, or why not in words a teacher reads.
 * @example
 * datasetFits(builtInDataset("xor")!, SPAM_NETWORK); // "This table has 2 inputs, but the network reads 3."
 */
export function datasetFits(dataset: Dataset, network: Network): string | null {
  const inputs = network.layers[0]?.neurons[0]?.weights.length ?? 0;
  const outputs = network.layers[network.layers.length - 1]?.neurons.length ?? 0;
  const width = dataset.examples[0]?.inputs.length ?? 0;
  const targets = dataset.examples[0]?.target.length ?? 0;
  if (dataset.examples.length === 0) return "This table has no examples.";
  if (dataset.examples.length > MAX_EXAMPLES) return `This table has ${dataset.examples.length} examples; at most ${MAX_EXAMPLES} fit.`;
  if (width !== inputs) return `This table has ${plural(width, "input", "inputs")}, but the network reads ${inputs}.`;
  if (targets !== outputs) {
    return `This table gives ${plural(targets, "output", "outputs")} per example, but the network has ${plural(outputs, "output neuron", "output neurons")}.`;
  }
  const bad = dataset.examples.findIndex((e) => e.inputs.length !== inputs || e.target.length !== outputs);
  if (bad >= 0) return `Example ${bad + 1} does not have ${inputs} inputs and ${outputs} outputs like the others.`;
  return null;
}
