/**
 * Parametric neuron questions: every student gets their own numbers, drawn from the
 * question's seed and the student's id (so the same launch always gives the same student
 * the same numbers), and the shared engine computes the right answer from them.
 *
 * Draws are made so that guessing does not pay: a ReLU neuron's answer is 0 in about one
 * draw in five (SPEC: at most a quarter), and the activation to name is never given away
 * by a zero sum.
 */
import { forward } from "../engine/forward";
import { NEURON_ACTIVATIONS, type NeuronActivation } from "../engine/activations";
import type { Draw, ParametricTemplate } from "./types";

/** The share of ReLU draws whose answer is 0 (SPEC: at most a quarter). */
export const RELU_ZERO_SHARE = 0.2;
/** Decimals an activation's given output is shown with (which-activation). */
export const SHOWN_DECIMALS = 3;

/**
 * A 32-bit FNV-1a hash of a string.
 * @example
 * hash32("abc"); // 440920331
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small seeded generator of numbers in [0, 1) (mulberry32).
 * @example
 * const next = seeded(42); next(); // 0.6011…
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** A number on a grid: `from` to `to` in steps of `step`, rounded so it prints exactly. */
const onGrid = (random: () => number, from: number, to: number, step: number) => {
  const steps = Math.round((to - from) / step);
  return round(from + Math.floor(random() * (steps + 1)) * step, 2);
};
const round = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};
const dot = (w: readonly number[], x: readonly number[]) => w.reduce((s, wi, i) => s + wi * x[i]!, 0);

function numbers(random: () => number): { inputs: number[]; weights: number[] } {
  const n = random() < 0.7 ? 2 : 3;
  const inputs = Array.from({ length: n }, () => onGrid(random, 0.1, 1, 0.1));
  const weights = Array.from({ length: n }, () => {
    const w = onGrid(random, -2, 2, 0.5);
    return w === 0 ? 0.5 : w;
  });
  return { inputs, weights };
}

/**
 * A neuron's output, computed by the engine (the only thing that computes a neuron's value).
 * @example
 * neuronOutput([0.5, 1.0], [2.0, -1.5], 0.5, "relu"); // 0
 */
export function neuronOutput(inputs: readonly number[], weights: readonly number[], bias: number, activation: NeuronActivation): number {
  const result = forward({ layers: [{ activation, neurons: [{ weights: [...weights], bias }] }] }, [...inputs]);
  return result.layers[0]!.output[0]!;
}

function outputDraw(random: () => number): Draw {
  const activation = pick<NeuronActivation>(random, ["relu", "relu", "relu", "sigmoid", "linear", "step"]);
  // Decide first whether a ReLU answer is 0, then draw numbers until the sum agrees.
  const wantZero = activation === "relu" && random() < RELU_ZERO_SHARE;
  for (let attempt = 0; ; attempt++) {
    const { inputs, weights } = numbers(random);
    const bias = onGrid(random, -1, 1, 0.5);
    const raw = round(dot(weights, inputs) + bias, 6);
    const fits = activation === "relu" || activation === "step" ? (wantZero ? raw < 0 : raw > 0.05) : Math.abs(raw) > 0.05;
    if (fits || attempt > 200) return { inputs, weights, bias, activation };
  }
}

function activationDraw(random: () => number): Draw {
  const activation = pick<NeuronActivation>(random, NEURON_ACTIVATIONS);
  for (let attempt = 0; ; attempt++) {
    const { inputs, weights } = numbers(random);
    const bias = onGrid(random, -1, 1, 0.5);
    const raw = round(dot(weights, inputs) + bias, 6);
    // A sum near 0 would make several activations give the same output.
    if (Math.abs(raw) > 0.1 || attempt > 200) {
      const output = round(neuronOutput(inputs, weights, bias, activation), SHOWN_DECIMALS);
      return { inputs, weights, bias, activation: null, output };
    }
  }
}

function biasDraw(random: () => number): Draw {
  const { inputs, weights } = numbers(random);
  const target = onGrid(random, 0.5, 2, 0.5);
  return { inputs, weights, bias: null, activation: "relu", target };
}

/**
 * The numbers one student gets for a parametric question. `own` is the student's own
 * neuron at launch (my-neuron); without one they get an ordinary neuron to compute.
 * @example
 * drawFor("neuron-output", 1234, "student-7");
 */
export function drawFor(template: ParametricTemplate, seed: number, studentId: string, own: Draw | null = null): Draw {
  const random = seeded(hash32(`${seed}:${studentId}`));
  switch (template) {
    case "neuron-output":
      return outputDraw(random);
    case "which-activation":
      return activationDraw(random);
    case "fire-bias":
      return biasDraw(random);
    case "my-neuron":
      return own ?? outputDraw(random);
  }
}

/**
 * The right answer to a draw: the output (neuron-output, my-neuron), the bias (fire-bias)
 * or the activations that give the shown output (which-activation).
 * @example
 * expectedFor({ inputs: [0.5, 1], weights: [2, -1.5], bias: 0.5, activation: "relu" }); // { kind: "number", value: 0 }
 */
export function expectedFor(draw: Draw): { kind: "number"; value: number } | { kind: "activations"; names: NeuronActivation[] } {
  if (draw.activation === null) {
    const names = NEURON_ACTIVATIONS.filter((a) => matchesOutput(draw, a));
    return { kind: "activations", names };
  }
  if (draw.bias === null) return { kind: "number", value: round((draw.target ?? 0) - dot(draw.weights, draw.inputs), 6) };
  return { kind: "number", value: neuronOutput(draw.inputs, draw.weights, draw.bias, draw.activation) };
}

/** Whether `activation` turns the draw's sum into its shown output. */
export function matchesOutput(draw: Draw, activation: NeuronActivation): boolean {
  if (draw.output === undefined || draw.bias === null) return false;
  return Math.abs(neuronOutput(draw.inputs, draw.weights, draw.bias, activation) - draw.output) <= 0.5 * 10 ** -SHOWN_DECIMALS + 1e-9;
}

/**
 * Grades a student's number for a draw with the question's tolerance. For fire-bias the
 * engine runs the neuron with the student's bias and compares with the target output.
 * @example
 * gradeNumber({ inputs: [1], weights: [1], bias: null, activation: "relu", target: 1 }, 0, 0.01); // true
 */
export function gradeNumber(draw: Draw, value: number, tolerance: number): boolean {
  if (draw.activation === null) return false;
  const tol = tolerance + 1e-9;
  if (draw.bias === null) return Math.abs(neuronOutput(draw.inputs, draw.weights, value, draw.activation) - (draw.target ?? 0)) <= tol;
  return Math.abs(neuronOutput(draw.inputs, draw.weights, draw.bias, draw.activation) - value) <= tol;
}

/** The activations a which-activation question offers, in the engine's order. */
export const ACTIVATION_CHOICES: readonly NeuronActivation[] = NEURON_ACTIVATIONS;
