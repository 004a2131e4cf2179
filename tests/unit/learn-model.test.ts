/**
 * The self-paced lesson's pure helpers: which network each section shows, the learner's edits,
 * the questions of each section, local grading, and progress read back from storage.
 */
import { describe, expect, it } from "vitest";
import {
  activationChoices,
  codeAnswer,
  EMPTY_PROGRESS,
  gradeLocally,
  parseProgress,
  presetForStep,
  questionsForStep,
  score,
  startingNetwork,
  withLayerActivation,
  withNeuronValue,
  type Progress,
} from "../../app/components/learn/learn-model";
import { SPAM_EXERCISE, SPAM_REFERENCE } from "../../lib/lesson/code-exercise";
import { LESSON_STEPS } from "../../lib/lesson/steps";
import { judge, pyLiteral } from "../../lib/quiz/code-judge";
import { getPreset } from "../../lib/lesson/presets";
import { expectedFor, drawFor } from "../../lib/quiz/parametric";
import type { Question } from "../../lib/quiz/types";

describe("presetForStep", () => {
  it("gives each section its own preset, and a section without one the last one met", () => {
    expect(LESSON_STEPS.map((_, i) => presetForStep(i))).toEqual(["bright-and-edgy", "two-layer", "two-layer", "classifier", "classifier", "classifier"]);
  });
});

describe("network edits", () => {
  it("changes one weight or one bias and shares everything else", () => {
    const start = startingNetwork("two-layer");
    const w = withNeuronValue(start.network, { layer: 1, neuron: 0 }, 2, -1.25);
    expect(w.layers[1]!.neurons[0]!.weights[2]).toBe(-1.25);
    expect(w.layers[0]).toBe(start.network.layers[0]);
    expect(w.layers[1]!.neurons[1]).toBe(start.network.layers[1]!.neurons[1]);
    const b = withNeuronValue(start.network, { layer: 0, neuron: 2 }, "bias", 0.5);
    expect(b.layers[0]!.neurons[2]!.bias).toBe(0.5);
    expect(b.layers[0]!.neurons[2]!.weights).toEqual(start.network.layers[0]!.neurons[2]!.weights);
  });

  it("starts from a copy of the preset that can be changed safely", () => {
    const a = startingNetwork("classifier");
    a.inputs[0] = 5;
    expect(getPreset("classifier").inputs[0]).toBe(0.9);
  });

  it("offers softmax only on an output layer of two neurons or more", () => {
    const one = startingNetwork("bright-and-edgy").network;
    expect(activationChoices(one, 0)).not.toContain("softmax");
    const cls = startingNetwork("classifier").network;
    expect(activationChoices(cls, 0)).not.toContain("softmax");
    expect(activationChoices(cls, 1)).toContain("softmax");
    const sig = withLayerActivation(cls, 1, "sigmoid");
    expect(sig.layers[1]!.activation).toBe("sigmoid");
    expect(sig.layers[0]).toBe(cls.layers[0]);
  });
});

describe("questions", () => {
  it("takes every section's lesson questions, in order, plus practice with drawn numbers in the first and the spam exercise last", () => {
    expect(questionsForStep("neuron").map((q) => q.id)).toEqual(["lesson-relu-neuron", "drill-neuron-output"]);
    expect(questionsForStep("layers").map((q) => q.id)).toEqual(["lesson-what-prints", "lesson-spot-bug"]);
    expect(questionsForStep("takeaways")).toEqual([SPAM_EXERCISE]);
    for (const step of LESSON_STEPS) expect(questionsForStep(step.id).map((q) => q.id).slice(0, step.questionIds.length)).toEqual(step.questionIds);
  });

  it("grades right and wrong answers with the shared grader", () => {
    const [relu] = questionsForStep("neuron") as [Question];
    expect(gradeLocally(relu, { kind: "number", value: 0 }, {})).toBe(true);
    expect(gradeLocally(relu, { kind: "number", value: 1 }, {})).toBe(false);
    const order = questionsForStep("forward-pass").find((q) => q.kind === "order")!;
    const shuffle = [2, 0, 4, 1, 3];
    // The lines in their right order, as positions in the shuffled list.
    const right = [0, 1, 2, 3, 4].map((line) => shuffle.indexOf(line));
    expect(gradeLocally(order, { kind: "order", order: right }, { shuffle })).toBe(true);
    expect(gradeLocally(order, { kind: "order", order: [0, 1, 2, 3, 4] }, { shuffle })).toBe(false);
  });

  it("grades a parametric question on the learner's own draw", () => {
    const drill = questionsForStep("neuron")[1]!;
    if (drill.kind !== "parametric") throw new Error("expected the practice drill");
    const seed = 123456;
    const expected = expectedFor(drawFor(drill.template, seed, "learner"));
    if (expected.kind !== "number") throw new Error("expected a number");
    expect(gradeLocally(drill, { kind: "number", value: expected.value }, { seed })).toBe(true);
    expect(gradeLocally(drill, { kind: "number", value: expected.value + 1 }, { seed })).toBe(false);
    expect(gradeLocally(drill, { kind: "number", value: expected.value }, {})).toBe(false);
  });
});

describe("a program's grade", () => {
  const graded = (values: string[]) =>
    judge(SPAM_EXERCISE, { kind: "done", ms: 4, result: { error: null, calls: values.map((v) => ({ ok: true, json: true, value: v, repr: pyLiteral(v) })), asserts: [], stdout: "" } });
  const right = SPAM_EXERCISE.rows.map((r) => r.expected as string);

  it("counts as right only when every test passed", () => {
    expect(codeAnswer(SPAM_REFERENCE, graded(right))).toMatchObject({ answer: { kind: "code", code: SPAM_REFERENCE }, correct: true });
    expect(codeAnswer(SPAM_REFERENCE, graded(right.map((v, i) => (i === 10 ? "spam" : v)))).correct).toBe(false);
    expect(codeAnswer(SPAM_REFERENCE, judge(SPAM_EXERCISE, { kind: "timeout", ms: 10_000, limitMs: 10_000 })).correct).toBe(false);
  });

  it("is kept with its program and read back", () => {
    const stored = codeAnswer(SPAM_REFERENCE, graded(right));
    const progress: Progress = { ...EMPTY_PROGRESS, answers: { [SPAM_EXERCISE.id]: stored }, drafts: { [SPAM_EXERCISE.id]: "def predict(inputs, threshold):\n    pass" } };
    expect(parseProgress(JSON.stringify(progress))).toEqual(progress);
    expect(score(progress)).toMatchObject({ answered: 1, correct: 1 });
  });
});

describe("parseProgress", () => {
  const good: Progress = {
    version: 1,
    step: 3,
    answers: { "lesson-relu-neuron": { answer: { kind: "number", value: 0 }, correct: true } },
    seeds: { "drill-neuron-output": 42 },
    shuffles: { "lesson-forward-order": [2, 0, 4, 1, 3] },
    networks: { classifier: startingNetwork("classifier") },
    drafts: { "lesson-spam-predict": "def predict(inputs, threshold):\n    return 'spam'" },
  };

  it("reads back what was written", () => {
    expect(parseProgress(JSON.stringify(good))).toEqual(good);
  });

  it("reads progress kept before programs had drafts", () => {
    const { drafts: _none, ...older } = good;
    expect(parseProgress(JSON.stringify(older))).toEqual({ ...good, drafts: {} });
  });

  it("starts afresh from nothing, garbage or another version", () => {
    expect(parseProgress(null)).toEqual(EMPTY_PROGRESS);
    expect(parseProgress("{not json")).toEqual(EMPTY_PROGRESS);
    expect(parseProgress(JSON.stringify({ ...good, version: 2 }))).toEqual(EMPTY_PROGRESS);
  });

  it("drops only the damaged parts", () => {
    const damaged = {
      ...good,
      step: 99,
      answers: { ...good.answers, bad: { answer: { kind: "number", value: "x" }, correct: true } },
      seeds: { ...good.seeds, neg: -1 },
      drafts: { ...good.drafts, long: "x".repeat(9_000), number: 3 },
      shuffles: { ...good.shuffles, dup: [0, 0] },
      networks: {
        ...good.networks,
        "two-layer": startingNetwork("spam"),
        spam: { network: { layers: [] }, inputs: [1] },
        unknown: startingNetwork("classifier"),
      },
    };
    const p = parseProgress(JSON.stringify(damaged));
    expect(p.step).toBe(LESSON_STEPS.length - 1);
    expect(Object.keys(p.answers)).toEqual(["lesson-relu-neuron"]);
    expect(p.seeds).toEqual(good.seeds);
    expect(p.shuffles).toEqual(good.shuffles);
    expect(Object.keys(p.networks)).toEqual(["classifier"]);
    expect(p.drafts).toEqual(good.drafts);
  });

  it("counts answered and right questions over the whole lesson", () => {
    expect(score(good)).toEqual({ answered: 1, correct: 1, total: 9 });
  });
});
