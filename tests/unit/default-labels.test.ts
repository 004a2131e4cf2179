/**
 * A bare engine network (SPEC "The engine": `{"layers": [...]}`, labels travel beside it) loads
 * with default names and inputs; whatever a file does name is kept. Expected names are written
 * out by hand.
 */
import { describe, expect, it } from "vitest";
import { completeSetup, defaultInputLabels, defaultOutputLabels } from "../../lib/session/default-labels";

const SPEC_EXAMPLE = { layers: [{ activation: "relu", neurons: [{ weights: [1.5, 2.0], bias: -1.0 }] }] };

const CLASSIFIER = {
  layers: [
    { activation: "relu", neurons: [{ weights: [1.2, -0.4], bias: 0 }, { weights: [0.5, 1.8], bias: -0.2 }, { weights: [-0.3, 0.9], bias: 0.1 }] },
    { activation: "softmax", neurons: [{ weights: [1, 0.2, -0.5], bias: 0.1 }, { weights: [-0.3, 0.8, 1.1], bias: 0 }] },
  ],
};

describe("completeSetup", () => {
  it("gives SPEC's example network two zero inputs named Input 1 and Input 2, and one output named Output 1", () => {
    expect(completeSetup(SPEC_EXAMPLE, {})).toEqual({ inputs: [0, 0], inputLabels: ["Input 1", "Input 2"], outputLabels: ["Output 1"] });
  });

  it("names a softmax layer's outputs as classes", () => {
    expect(completeSetup(CLASSIFIER, {}).outputLabels).toEqual(["Class A", "Class B"]);
  });

  it("keeps the inputs and names a file gives", () => {
    const given = { inputs: [0.9, 0.4], inputLabels: ["brightness", "edge strength"], outputLabels: ["cat", "dog"] };
    expect(completeSetup(CLASSIFIER, given)).toEqual(given);
  });

  it("fills only the names a file left out or left blank", () => {
    const done = completeSetup(CLASSIFIER, { inputLabels: ["brightness"], outputLabels: ["  ", "dog"] });
    expect(done.inputLabels).toEqual(["brightness", "Input 2"]);
    expect(done.outputLabels).toEqual(["Class A", "dog"]);
  });

  it("keeps surplus names, so the server can say the count is wrong", () => {
    expect(completeSetup(SPEC_EXAMPLE, { outputLabels: ["a", "b"] }).outputLabels).toEqual(["a", "b"]);
  });

  it("names as many inputs as the file's inputs when it gives them", () => {
    expect(completeSetup(SPEC_EXAMPLE, { inputs: [1, 2, 3] }).inputLabels).toEqual(["Input 1", "Input 2", "Input 3"]);
  });

  it("leaves an unreadable network with one zero input and no output names, for the server to refuse", () => {
    expect(completeSetup({ layers: "nope" }, {})).toEqual({ inputs: [0], inputLabels: ["Input 1"], outputLabels: [] });
    expect(completeSetup(null, {})).toEqual({ inputs: [0], inputLabels: ["Input 1"], outputLabels: [] });
  });
});

describe("default names", () => {
  it("counts inputs and outputs from 1 and classes by letter, then by number past Z", () => {
    expect(defaultInputLabels(3)).toEqual(["Input 1", "Input 2", "Input 3"]);
    expect(defaultOutputLabels(2, false)).toEqual(["Output 1", "Output 2"]);
    const classes = defaultOutputLabels(28, true);
    expect(classes.slice(0, 3)).toEqual(["Class A", "Class B", "Class C"]);
    expect(classes[25]).toBe("Class Z");
    expect(classes[26]).toBe("Class 27");
  });
});
