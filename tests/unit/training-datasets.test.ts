/**
 * Training mode's data sets (lib/training/datasets.ts) and the teacher's own table
 * (lib/training/csv.ts): the spam set's 8 of 10 from SPEC, every built-in set trains with plain
 * gradient descent, and a table's problems are named by line.
 */
import { describe, expect, it } from "vitest";
import { accuracy, datasetLoss, forward, gradientStep, lossGradient, predictionRight, type Network } from "../../lib/engine";
import { parseDatasetCsv } from "../../lib/training/csv";
import { BUILT_IN_DATASETS, builtInDataset, datasetFits, plainDataset, type Dataset } from "../../lib/training/datasets";

/** Repeated gradient steps at one learning rate; the loss before each step. */
function train(network: Network, dataset: Dataset, steps: number, learningRate: number): { network: Network; losses: number[] } {
  const losses: number[] = [];
  let net = network;
  for (let s = 0; s < steps; s++) {
    const { loss, gradient } = lossGradient(net, dataset.examples);
    losses.push(loss);
    net = gradientStep(net, gradient, learningRate);
  }
  return { network: net, losses };
}

describe("the built-in data sets", () => {
  it("lists spam, bright and edgy, AND, OR and XOR, each fitting its own network", () => {
    expect(BUILT_IN_DATASETS.map((d) => d.id)).toEqual(["spam", "bright-and-edgy", "and", "or", "xor"]);
    for (const d of BUILT_IN_DATASETS) {
      expect(datasetFits(d, d.setup.network), d.id).toBeNull();
      expect(d.examples.length).toBeGreaterThanOrEqual(1);
      expect(d.exampleLabels?.length).toBe(d.examples.length);
      expect(d.setup.inputs.length).toBe(d.inputLabels.length);
    }
  });

  it("spam: SPEC's ten emails; the spam detector gets 8 of 10 at threshold 0.5, the last two wrong", () => {
    const spam = builtInDataset("spam")!;
    // SPEC: (links, shouting, known sender) → label
    expect(spam.examples).toEqual([
      { inputs: [0.9, 0.8, 0], target: [1] },
      { inputs: [0.1, 0.1, 1], target: [0] },
      { inputs: [0.5, 0.2, 0], target: [1] },
      { inputs: [0.3, 0.1, 0], target: [0] },
      { inputs: [0.9, 0.8, 1], target: [1] },
      { inputs: [0, 0, 0], target: [0] },
      { inputs: [0.2, 0.9, 0], target: [1] },
      { inputs: [0.6, 0, 1], target: [0] },
      { inputs: [0.7, 0.3, 1], target: [1] },
      { inputs: [0.1, 0.6, 0], target: [0] },
    ]);
    expect(spam.exampleLabels?.slice(0, 2)).toEqual(["spam", "not spam"]);
    const right = spam.examples.map((e) => predictionRight(forward(spam.setup.network, e.inputs).layers[1]!.output, e.target, 0.5));
    expect(right).toEqual([true, true, true, true, true, true, true, true, false, false]);
    expect(accuracy(spam.setup.network, spam.examples, 0.5)).toBe(0.8);
    expect(spam.setup.network.layers[0]!.neurons[0]!.weights).toEqual([2.0, 1.5, -1.0]); // SPEC's weights
  });

  it("spam: gradient descent lowers the loss and fixes the two wrong emails", () => {
    const spam = builtInDataset("spam")!;
    const { network, losses } = train(spam.setup.network, spam, 300, 0.5);
    for (let s = 1; s < losses.length; s++) expect(losses[s]!).toBeLessThan(losses[s - 1]!);
    expect(accuracy(network, spam.examples, 0.5)).toBe(1);
  });

  it("xor: the start does not solve it; repeated gradient steps bring the loss well down and 4 of 4 right", () => {
    const xor = builtInDataset("xor")!;
    const start = xor.setup.network;
    expect(start.layers.map((l) => l.neurons.length)).toEqual([2, 1]);
    expect(accuracy(start, xor.examples, 0.5)).toBeLessThan(1);
    const { network, losses } = train(start, xor, 600, 1);
    for (let s = 1; s < losses.length; s++) expect(losses[s]!).toBeLessThan(losses[s - 1]!);
    expect(datasetLoss(network, xor.examples)).toBeLessThan(losses[0]! / 10);
    expect(accuracy(network, xor.examples, 0.5)).toBe(1);
  });

  it("xor: one sigmoid neuron cannot get all four right, however long it trains", () => {
    const xor = builtInDataset("xor")!;
    const one: Network = { layers: [{ activation: "sigmoid", neurons: [{ weights: [0.5, -0.5], bias: 0.2 }] }] };
    const { network } = train(one, xor, 2000, 1);
    expect(accuracy(network, xor.examples, 0.5)).toBeLessThan(1);
  });

  it.each(["and", "or", "bright-and-edgy"])("%s: one sigmoid neuron learns it to every example right", (id) => {
    const d = builtInDataset(id)!;
    expect(d.setup.network.layers).toHaveLength(1);
    expect(d.setup.network.layers[0]!.activation).toBe("sigmoid");
    const { network } = train(d.setup.network, d, 1500, 2);
    expect(accuracy(network, d.examples, 0.5)).toBe(1);
  });

  it("gives copies: changing one does not change the shared definition", () => {
    const d = builtInDataset("and")!;
    d.examples[0]!.inputs[0] = 99;
    expect(builtInDataset("and")!.examples[0]!.inputs[0]).toBe(0);
    expect(builtInDataset("custom")).toBeUndefined();
    expect(Object.keys(plainDataset(d)).sort()).toEqual(["exampleLabels", "examples", "id", "inputLabels", "outputLabels", "title"]);
  });
});

describe("whether a data set fits the network", () => {
  const xor = builtInDataset("xor")!;
  const spam = builtInDataset("spam")!;
  it("names the count that differs", () => {
    expect(datasetFits(xor, spam.setup.network)).toBe("This table has 2 inputs, but the network reads 3.");
    const twoOutputs: Network = { layers: [{ activation: "softmax", neurons: [{ weights: [1, 1], bias: 0 }, { weights: [1, 1], bias: 0 }] }] };
    expect(datasetFits(xor, twoOutputs)).toBe("This table gives 1 output per example, but the network has 2 output neurons.");
    expect(datasetFits({ ...xor, examples: [] }, xor.setup.network)).toBe("This table has no examples.");
    expect(datasetFits({ ...xor, examples: [...xor.examples, { inputs: [1], target: [0] }] }, xor.setup.network)).toBe(
      "Example 5 does not have 2 inputs and 1 outputs like the others.",
    );
  });
});

describe("the teacher's own table", () => {
  const ok = (text: string, labels: string[]) => {
    const result = parseDatasetCsv(text, labels);
    if ("error" in result) throw new Error(result.error);
    return result.dataset;
  };
  const error = (text: string, labels: string[]) => {
    const result = parseDatasetCsv(text, labels);
    return "error" in result ? result.error : "parsed";
  };

  it("reads a header's names as input labels, and numbers as targets for one output", () => {
    const d = ok("links,shouting,spam\n0.9,0.8,1\n0.1, 0.1 ,0\n", ["spam score"]);
    expect(d).toEqual({
      id: "custom",
      title: "My own table",
      inputLabels: ["links", "shouting"],
      outputLabels: ["spam score"],
      examples: [
        { inputs: [0.9, 0.8], target: [1] },
        { inputs: [0.1, 0.1], target: [0] },
      ],
      exampleLabels: ["1", "0"],
    });
  });

  it("without a header, names the inputs Input 1…; reads semicolons, tabs and blank lines", () => {
    expect(ok("1;2;0.5\n\n3;4;0", ["y"]).inputLabels).toEqual(["Input 1", "Input 2"]);
    expect(ok("1;2;0.5\n\n3;4;0", ["y"]).examples[1]).toEqual({ inputs: [3, 4], target: [0] });
    expect(ok("1\t-2.5\t1\r\n.5\t1e-1\t0", ["y"]).examples).toEqual([
      { inputs: [1, -2.5], target: [1] },
      { inputs: [0.5, 0.1], target: [0] },
    ]);
    expect(ok("0,5;1,5;1", ["y"]).examples[0]).toEqual({ inputs: [0.5, 1.5], target: [1] }); // decimal commas between semicolons
  });

  it("for several outputs reads a class number 1..k or a class name in any case", () => {
    const d = ok("x,y,class\n1,0,Class A\n0,1,2\n1,1,class b", ["Class A", "Class B"]);
    expect(d.examples.map((e) => e.target)).toEqual([[1, 0], [0, 1], [0, 1]]);
    expect(d.exampleLabels).toEqual(["Class A", "Class B", "Class B"]);
  });

  it("names the line of each problem", () => {
    expect(error("a,b,c,label\n1,2,3,1\n4,5,6,0\n7,8,1", ["y"])).toBe("Line 4: expected 3 numbers and a label, found 3 values.");
    expect(error("1,2,3,1\n1,2,3,0\n\n7,8", ["y"])).toBe("Line 4: expected 3 numbers and a label, found 2 values.");
    expect(error("x,label\nabc,1", ["y"])).toBe('Line 2: "abc" is not a number.');
    expect(error("1,2,abc", ["y"])).toBe('Line 1: "abc" is not a number.');
    expect(error("1,2,1e999", ["y"])).toBe('Line 1: "1e999" is not a number.');
    expect(error("1,2,0x10", ["y"])).toBe('Line 1: "0x10" is not a number.');
    expect(error("1,2,\n", ["y"])).toBe('Line 1: "" is not a number.');
    expect(error("1,0,3", ["Class A", "Class B"])).toBe('Line 1: "3" is not a class number 1 to 2 or one of Class A, Class B.');
    expect(error("5\n", ["y"])).toBe("Line 1: expected at least one number and a label, found 1 value.");
  });

  it("refuses an empty table, a header alone, and more than 50 examples", () => {
    expect(error("  \n\n", ["y"])).toBe("The table is empty: type one row per example, its input numbers and then its label.");
    expect(error("x,label\n", ["y"])).toBe("The table has no examples: add one row per example below the header.");
    const rows = Array.from({ length: 51 }, (_, i) => `${i},1`).join("\n");
    expect(error(rows, ["y"])).toBe("The table has 51 examples; at most 50 fit.");
    expect(ok(Array.from({ length: 50 }, (_, i) => `${i},1`).join("\n"), ["y"]).examples).toHaveLength(50);
  });

  it("cleans header names and falls back to Input k for one with nothing visible", () => {
    expect(ok("\u202ebright\u200bness, \u3164 ,label\n1,2,0", ["y"]).inputLabels).toEqual(["brightness", "Input 2"]);
    const zalgo = `a${"\u0301".repeat(2000)}`; // one character under 2000 accents: refused as a label
    const long = "x".repeat(60);
    expect(ok(`${zalgo},${long},label\n1,2,0`, ["y"]).inputLabels).toEqual(["Input 1", `${"x".repeat(39)}…`]);
  });
});
