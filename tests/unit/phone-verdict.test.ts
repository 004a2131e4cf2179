/**
 * The phone's reading of the spam detector (SPEC "The spam detector": spam when the score is
 * strictly above the threshold, at its checked scores) and of the forward-pass animation
 * (column 0 the inputs, column l+1 the layer l).
 */
import { describe, expect, it } from "vitest";
import { passPhase } from "../../app/components/student/class-verdict";
import { endsInOneSigmoid, thresholdVerdict } from "../../lib/session/derive";
import type { Network } from "../../lib/engine/network";

// SPEC's spam detector, copied by hand.
const SPAM: Network = {
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
};

const verdictAt = (score: number, threshold: number) => thresholdVerdict(SPAM, [score], threshold, "spam score", "spam")?.text;

describe("the spam verdict on the phone", () => {
  it("reads SPEC's checked scores with the strict rule", () => {
    expect(verdictAt(0.99478, 0.5)).toBe("spam");
    expect(verdictAt(0.00816, 0.5)).toBe("not spam");
    expect(verdictAt(0.73106, 0.5)).toBe("spam");
    expect(verdictAt(0.73106, 0.8)).toBe("not spam");
    expect(verdictAt(0.5, 0.5)).toBe("not spam");
  });

  it("carries the score and the threshold it compared", () => {
    expect(thresholdVerdict(SPAM, [0.73106], 0.8, "spam score", "spam")).toEqual({
      score: 0.73106,
      threshold: 0.8,
      above: false,
      text: "not spam",
      positiveText: "spam",
      spam: true,
    });
  });

  it("knows a spam network by its output label when it is not the preset", () => {
    expect(thresholdVerdict(SPAM, [0.9], 0.5, "Spam score", null)?.text).toBe("spam");
    expect(thresholdVerdict(SPAM, [0.9], 0.5, "bright and edgy", null)?.text).toBe("above the threshold");
    expect(thresholdVerdict(SPAM, [0.2], 0.5, "bright and edgy", null)?.text).toBe("not above the threshold");
  });

  it("gives no verdict unless the network ends in one sigmoid neuron", () => {
    const softmax: Network = {
      layers: [{ activation: "softmax", neurons: [{ weights: [1], bias: 0 }, { weights: [-1], bias: 0 }] }],
    };
    const relu: Network = { layers: [{ activation: "relu", neurons: [{ weights: [1], bias: 0 }] }] };
    const ownSigmoid: Network = { layers: [{ activation: "relu", neurons: [{ weights: [1], bias: 0, activation: "sigmoid" }] }] };
    expect(endsInOneSigmoid(SPAM)).toBe(true);
    expect(endsInOneSigmoid(ownSigmoid)).toBe(true);
    expect(thresholdVerdict(softmax, [0.6, 0.4], 0.5, "Class A", null)).toBeNull();
    expect(thresholdVerdict(relu, [0.9], 0.5, "spam score", "spam")).toBeNull();
  });
});

describe("where the played forward pass is, seen from my neuron", () => {
  const at = (column: number | null) => ({ column, playing: column !== null, at: column === null ? null : 0 });

  it("is idle when nothing is played", () => {
    expect(passPhase(at(null), 0)).toBe("idle");
    expect(passPhase(undefined, 1)).toBe("idle");
  });

  it("lights the hidden layer at column 1 and the output layer of a 2-layer network at column 2", () => {
    expect([0, 1, 2].map((c) => passPhase(at(c), 0))).toEqual(["coming", "here", "passed"]);
    expect([0, 1, 2].map((c) => passPhase(at(c), 1))).toEqual(["coming", "coming", "here"]);
  });
});
