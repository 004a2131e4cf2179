/**
 * What the training screens compute and print (app/components/training, the phone's nudge
 * words): the dashboard's readout on SPEC's spam set (8 of 10 right, the two wrong ones named),
 * one readout per network object, predictions as the lesson prints numbers, the comparison of a
 * round with an automatic step, the loss history a reloaded page or a replay starts from, and
 * the phone's arrows and "Your nudge" sentences.
 */
import { describe, expect, it } from "vitest";
import { datasetLoss, gradientStep, lossGradient } from "../../lib/engine/train";
import type { Network } from "../../lib/engine/network";
import type { TrainingRound } from "../../lib/session/domains/training/state";
import { BUILT_IN_DATASETS } from "../../lib/training/datasets";
import { changeText, compareRound, verdictText } from "../../app/components/training/compare";
import { addPoint, mergePoints, savedHistory } from "../../app/components/training/loss-history";
import { accuracyText, lossText, predictionText, readoutOf, targetText } from "../../app/components/training/readout";
import { nudgeEffectText, nudgeEffectTone, nudgeWay } from "../../app/components/student/nudge-text";

const SPAM = BUILT_IN_DATASETS.find((d) => d.id === "spam")!;
const XOR = BUILT_IN_DATASETS.find((d) => d.id === "xor")!;
const spamNetwork = (): Network => structuredClone(SPAM.setup.network);

describe("the dashboard's readout", () => {
  it("reads SPEC's spam set: 8 of 10 right at 0.5, the last two wrong, scores with three decimals", () => {
    const readout = readoutOf(spamNetwork(), SPAM, 0.5)!;
    expect(accuracyText(readout)).toBe("8 of 10 right");
    expect(readout.accuracy).toBeCloseTo(0.8, 12);
    expect(readout.rows.map((r) => r.right)).toEqual([true, true, true, true, true, true, true, true, false, false]);
    expect(readout.rows[0]!.label).toBe(SPAM.exampleLabels![0]);
    expect(readout.rows.every((r) => /^\d\.\d{3}$/.test(r.prediction))).toBe(true);
    expect(readout.kind).toBe("mse");
    expect(readout.loss).toBe(datasetLoss(spamNetwork(), SPAM.examples));
    expect(readout.flat).toEqual([]);
  });

  it("computes once per network object and threshold, and again for a new one", () => {
    const net = spamNetwork();
    const first = readoutOf(net, SPAM, 0.5);
    expect(readoutOf(net, SPAM, 0.5)).toBe(first);
    expect(readoutOf(net, SPAM, 0.9)).not.toBe(first);
    const moved = structuredClone(net);
    moved.layers[1]!.neurons[0]!.bias = 3;
    expect(readoutOf(moved, SPAM, 0.5)!.loss).not.toBe(first!.loss);
  });

  it("names the neurons that use the step function (no gradient)", () => {
    const net = spamNetwork();
    net.layers[1]!.activation = "step";
    expect(readoutOf(net, SPAM, 0.5)!.flat).toEqual([{ layer: 1, neuron: 0 }]);
  });

  it("gives null when the data set does not fit the network", () => {
    expect(readoutOf(spamNetwork(), XOR, 0.5)).toBeNull();
  });

  it("prints softmax shares as percentages with the class, other outputs with three decimals", () => {
    expect(predictionText([0.2, 0.8], true, ["cat", "dog"])).toBe("dog 80.0 %");
    expect(predictionText([0.73106], false, ["spam"])).toBe("0.731");
    expect(targetText([0, 1], ["cat", "dog"])).toBe("dog");
    expect(targetText([1], ["spam"])).toBe("1");
    expect(lossText(0.41234)).toBe("0.412");
    expect(lossText(null)).toBe("–");
  });
});

describe("a round beside an automatic step", () => {
  const start = spamNetwork();
  const lossBefore = datasetLoss(start, SPAM.examples);
  const moved = structuredClone(start);
  moved.layers[1]!.neurons[0]!.bias = -0.9;
  const round: TrainingRound = { round: 1, startedAt: 1000, endedAt: 2000, lossBefore, lossAfter: datasetLoss(moved, SPAM.examples), startNetwork: start };

  it("takes the automatic step from the round's start network at the chosen rate", () => {
    const c = compareRound(round, moved, SPAM, 0.5);
    const { gradient } = lossGradient(start, SPAM.examples);
    expect(c.autoBefore).toBeCloseTo(lossBefore, 12);
    expect(c.autoAfter).toBe(datasetLoss(gradientStep(start, gradient, 0.5), SPAM.examples));
    expect(c.autoAfter).toBeLessThan(c.autoBefore);
    expect(c.classAfter).toBe(round.lossAfter);
    expect(c.open).toBe(false);
  });

  it("uses the loss now for a round still open", () => {
    const c = compareRound({ ...round, endedAt: null, lossAfter: null }, moved, SPAM, 0.5);
    expect(c.open).toBe(true);
    expect(c.classAfter).toBe(datasetLoss(moved, SPAM.examples));
  });

  it("says which lowered the loss more", () => {
    expect(changeText(0.693, 0.65)).toBe("down 0.043");
    expect(changeText(0.5, 0.51)).toBe("up 0.010");
    expect(changeText(0.5, 0.5001)).toBe("no change");
    const base = { round: 1, open: false, learningRate: 0.5, classBefore: 0.5, autoBefore: 0.5 };
    expect(verdictText({ ...base, classAfter: 0.45, autoAfter: 0.4 })).toMatch(/^The automatic step lowered/);
    expect(verdictText({ ...base, classAfter: 0.3, autoAfter: 0.4 })).toMatch(/^The class's round lowered/);
    expect(verdictText({ ...base, classAfter: 0.6, autoAfter: 0.55 })).toMatch(/^Neither/);
  });
});

describe("the loss history", () => {
  const net = spamNetwork();
  it("holds each round's start and end and each automatic step, in time order, with their marks", () => {
    const { points, marks } = savedHistory({
      rounds: [
        { round: 1, startedAt: 100, endedAt: 300, lossBefore: 0.4, lossAfter: 0.35, startNetwork: net },
        { round: 2, startedAt: 500, endedAt: null, lossBefore: 0.3, lossAfter: null, startNetwork: net },
      ],
      steps: [{ learningRate: 0.5, lossBefore: 0.35, lossAfter: 0.3, at: 400 }],
    });
    expect(points).toEqual([
      { at: 100, loss: 0.4 },
      { at: 300, loss: 0.35 },
      { at: 399, loss: 0.35 },
      { at: 400, loss: 0.3 },
      { at: 500, loss: 0.3 },
    ]);
    expect(marks.map((m) => `${m.kind} ${m.label}`)).toEqual(["round-start Round 1", "round-end End of round 1", "step Automatic step", "round-start Round 2"]);
  });

  it("adds a point only when the loss changes, and merges what the browser saw with what was saved", () => {
    let seen = addPoint([], { at: 150, loss: 0.39 });
    seen = addPoint(seen, { at: 160, loss: 0.39 });
    seen = addPoint(seen, { at: 170, loss: 0.37 });
    expect(seen).toHaveLength(2);
    expect(mergePoints([{ at: 100, loss: 0.4 }, { at: 300, loss: 0.35 }], [...seen, { at: 300, loss: 0.35 }]).map((p) => p.at)).toEqual([100, 150, 170, 300]);
  });
});

describe("the phone's nudge words", () => {
  it("points down the slope, and holds when the slope prints as 0.000", () => {
    expect(nudgeWay(-0.2)).toBe("raise");
    expect(nudgeWay(0.2)).toBe("lower");
    expect(nudgeWay(0.0004)).toBe("hold");
    expect(nudgeWay(-0.0004)).toBe("hold");
  });

  it("says whether my move helped, hurt or changed nothing, with the loss before and after", () => {
    expect(nudgeEffectText({ before: 0.412, after: 0.398 })).toBe("Helped: loss 0.412 → 0.398");
    expect(nudgeEffectText({ before: 0.398, after: 0.405 })).toBe("Hurt: loss 0.398 → 0.405");
    expect(nudgeEffectText({ before: 0.398, after: 0.3981 })).toBe("No change: loss 0.398");
    expect(nudgeEffectTone({ before: 0.4, after: 0.5 })).toBe("hurt");
    expect(nudgeEffectTone({ before: 0.5, after: 0.4 })).toBe("helped");
  });

  it("moving the steepest number of a hidden neuron down its slope lowers the spam loss", () => {
    const net = spamNetwork();
    const { gradient } = lossGradient(net, SPAM.examples);
    const mine = gradient.layers[0]!;
    const slopes = [...mine.weights[0]!, mine.bias[0]!];
    const k = slopes.reduce((best, s, i) => (Math.abs(s) > Math.abs(slopes[best]!) ? i : best), 0);
    const moved = structuredClone(net);
    const neuron = moved.layers[0]!.neurons[0]!;
    const delta = -Math.sign(slopes[k]!) * 0.1;
    if (k < 3) neuron.weights[k]! += delta;
    else neuron.bias += delta;
    expect(nudgeEffectText({ before: datasetLoss(net, SPAM.examples), after: datasetLoss(moved, SPAM.examples) })).toMatch(/^Helped/);
  });
});
