import { describe, it, expect } from "vitest";
import { forward, networkSchema, validateNetwork } from "../../lib/engine";
import {
  DEFAULT_PRESET_ID,
  getPreset,
  predictSpam,
  PRESETS,
  SPAM_EXAMPLES,
  spamScore,
} from "../../lib/lesson/presets";

describe("the spam detector (SPEC.md's checked values)", () => {
  it("[0.9, 0.8, 0] scores 0.99478 and is spam", () => {
    expect(spamScore([0.9, 0.8, 0])).toBeCloseTo(0.99478, 5);
    expect(predictSpam([0.9, 0.8, 0], 0.5)).toBe("spam");
  });

  it("[0.1, 0.1, 1] scores 0.00816 and is not spam", () => {
    expect(spamScore([0.1, 0.1, 1])).toBeCloseTo(0.00816, 5);
    expect(predictSpam([0.1, 0.1, 1], 0.5)).toBe("not spam");
  });

  it("[0.5, 0.2, 0] scores 0.73106: spam at 0.5, not spam at 0.8", () => {
    expect(spamScore([0.5, 0.2, 0])).toBeCloseTo(0.73106, 5);
    expect(predictSpam([0.5, 0.2, 0], 0.5)).toBe("spam");
    expect(predictSpam([0.5, 0.2, 0], 0.8)).toBe("not spam");
  });

  it("[0.45, 0, 0] scores exactly 0.5, which is not above threshold 0.5", () => {
    expect(spamScore([0.45, 0, 0])).toBe(0.5);
    expect(predictSpam([0.45, 0, 0], 0.5)).toBe("not spam");
    expect(predictSpam([0.45, 0, 0], 0.49)).toBe("spam");
  });

  it("gets 8 of the 10 examples right at 0.5, missing the last two", () => {
    expect(SPAM_EXAMPLES).toHaveLength(10);
    const right = SPAM_EXAMPLES.map((e) => predictSpam(e.inputs, 0.5) === e.label);
    expect(right).toEqual([true, true, true, true, true, true, true, true, false, false]);
  });

  it("holds the data set as SPEC.md lists it", () => {
    expect(SPAM_EXAMPLES.map((e) => [...e.inputs, e.label])).toEqual([
      [0.9, 0.8, 0, "spam"],
      [0.1, 0.1, 1, "not spam"],
      [0.5, 0.2, 0, "spam"],
      [0.3, 0.1, 0, "not spam"],
      [0.9, 0.8, 1, "spam"],
      [0, 0, 0, "not spam"],
      [0.2, 0.9, 0, "spam"],
      [0.6, 0, 1, "not spam"],
      [0.7, 0.3, 1, "spam"],
      [0.1, 0.6, 0, "not spam"],
    ]);
  });

  it("refuses inputs of the wrong length", () => {
    expect(() => predictSpam([0.9, 0.8], 0.5)).toThrow("inputs: expected 3 values");
  });

  it("has the spam preset labelled as SPEC.md says", () => {
    const spam = getPreset("spam");
    expect(spam.inputLabels).toEqual(["links", "shouting", "known sender"]);
    expect(spam.inputs).toEqual([0.9, 0.8, 0]);
    expect(spam.outputLabels).toHaveLength(1);
  });
});

describe("presets", () => {
  it("are the lesson's four networks", () => {
    expect(PRESETS.map((p) => p.id)).toEqual(["bright-and-edgy", "two-layer", "classifier", "spam"]);
  });

  it.each(PRESETS.map((p) => [p.id, p] as const))("%s passes the engine's validation", (_id, preset) => {
    expect(() => validateNetwork(preset.network)).not.toThrow();
    expect(networkSchema.safeParse(preset.network).success).toBe(true);
    const result = forward(preset.network, preset.inputs);
    expect(preset.inputLabels).toHaveLength(preset.inputs.length);
    expect(result.layers.at(-1)?.output).toHaveLength(preset.outputLabels.length);
    expect(preset.title.length).toBeGreaterThan(0);
  });

  it("the default session is the softmax classifier reading 60.1 % / 39.9 %", () => {
    expect(DEFAULT_PRESET_ID).toBe("classifier");
    const preset = getPreset(DEFAULT_PRESET_ID);
    expect(preset.inputs).toEqual([0.9, 0.4]);
    expect(preset.outputLabels).toEqual(["Class A", "Class B"]);
    const [a = NaN, b = NaN] = forward(preset.network, preset.inputs).layers[1]?.output ?? [];
    expect([(a * 100).toFixed(1), (b * 100).toFixed(1)]).toEqual(["60.1", "39.9"]);
    const hidden = forward(preset.network, preset.inputs).layers[0]?.output ?? [];
    expect(hidden.map((v) => v.toFixed(3))).toEqual(["0.920", "0.970", "0.190"]);
  });

  it("bright-and-edgy and two-layer give the lesson's numbers", () => {
    const bright = getPreset("bright-and-edgy");
    expect(forward(bright.network, bright.inputs).layers[0]?.output[0]?.toFixed(3)).toBe("1.400");
    expect(bright.inputLabels).toEqual(["brightness", "edge strength"]);
    const two = getPreset("two-layer");
    const result = forward(two.network, two.inputs);
    expect(result.layers[0]?.output.map((v) => Number(v.toFixed(3)))).toEqual([0.9, 0.86, 0.02]);
    expect(result.layers[1]?.output.map((v) => Number(v.toFixed(3)))).toEqual([1.074, 0]);
  });

  it("getPreset returns an independent deep copy", () => {
    const first = getPreset("classifier");
    const neuron = first.network.layers[0]?.neurons[0];
    if (!neuron) throw new Error("classifier has no first neuron");
    neuron.weights[0] = 99;
    first.inputs[0] = 0.1;
    first.outputLabels.push("Class C");
    const second = getPreset("classifier");
    expect(second.network.layers[0]?.neurons[0]?.weights[0]).toBe(1.2);
    expect(second.inputs).toEqual([0.9, 0.4]);
    expect(second.outputLabels).toEqual(["Class A", "Class B"]);
    expect(() => getPreset("nope")).toThrow(RangeError);
  });

  it("shared definitions cannot be changed by accident", () => {
    const shared = PRESETS[0]?.network.layers[0]?.neurons[0]?.weights;
    expect(Object.isFrozen(shared)).toBe(true);
  });
});
