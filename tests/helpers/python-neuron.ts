/**
 * An independent reference for one neuron, run by `python3`: the lesson's formula
 * `activation(sum(w * x for w, x in zip(weights, inputs)) + bias)`, for the five activations
 * a single neuron can have. Nothing here imports the engine or lib/quiz.
 *
 * The lesson defines relu (max(0, x)) and sigmoid (1 / (1 + exp(-x))). The others are written
 * as the engine documents them: tanh is math.tanh, linear is the sum itself, and step is 1
 * when the sum is strictly above 0, else 0 (so step(0) is 0).
 */
import { execFileSync } from "node:child_process";

export type ReferenceActivation = "relu" | "sigmoid" | "tanh" | "linear" | "step";

/** What the reference is asked, one case at a time. */
export type NeuronCase =
  /** The neuron's output. */
  | { ask: "output"; inputs: number[]; weights: number[]; bias: number; activation: ReferenceActivation }
  /** The bias that makes a ReLU neuron output `target`: target − sum(w·x). */
  | { ask: "bias"; inputs: number[]; weights: number[]; target: number }
  /** The activations that turn the sum into `shown`, to `decimals` decimals (within half a unit of the last one). */
  | { ask: "activations"; inputs: number[]; weights: number[]; bias: number; shown: number; decimals: number };

export type NeuronAnswer = { output: number } | { bias: number } | { activations: ReferenceActivation[] };

const SCRIPT = String.raw`
import json, math, sys

def relu(x): return max(0, x)
def sigmoid(x):
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    e = math.exp(x)
    return e / (1 + e)
def tanh(x): return math.tanh(x)
def linear(x): return x
def step(x): return 1 if x > 0 else 0

FUNCS = {"relu": relu, "sigmoid": sigmoid, "tanh": tanh, "linear": linear, "step": step}

def raw_sum(c):
    return sum(w * x for w, x in zip(c["weights"], c["inputs"]))

def answer(c):
    if c["ask"] == "output":
        return {"output": FUNCS[c["activation"]](raw_sum(c) + c["bias"])}
    if c["ask"] == "bias":
        return {"bias": c["target"] - raw_sum(c)}
    raw = raw_sum(c) + c["bias"]
    half = 0.5 * 10 ** -c["decimals"]
    return {"activations": [name for name, f in FUNCS.items() if abs(f(raw) - c["shown"]) <= half + 1e-9]}

cases = json.load(sys.stdin)
json.dump([answer(c) for c in cases], sys.stdout, allow_nan=False)
`;

/**
 * Answers every case in one `python3` call, in order.
 * @example
 * pythonNeuron([{ ask: "output", inputs: [0.5, 1], weights: [2, -1.5], bias: 0.5, activation: "relu" }]); // [{ output: 0 }]
 */
export function pythonNeuron(cases: readonly NeuronCase[]): NeuronAnswer[] {
  const stdout = execFileSync("python3", ["-c", SCRIPT], {
    input: JSON.stringify(cases),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as NeuronAnswer[];
}
