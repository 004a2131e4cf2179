/**
 * An independent reference for the engine: the lesson's own Python formula, run by `python3`.
 * Many cases go to one Python process as JSON on stdin; the answers come back as JSON on stdout.
 * Nothing here imports the engine, so the engine cannot grade itself.
 */
import { execFileSync } from "node:child_process";

/** A network in the engine's JSON shape, written out here so the reference stays independent. */
export interface ReferenceNetwork {
  layers: {
    activation: string;
    neurons: { weights: number[]; bias: number; activation?: string }[];
  }[];
}

export interface ReferenceCase {
  network: ReferenceNetwork;
  inputs: number[];
}

export interface ReferenceResult {
  layers: { raw: number[]; output: number[] }[];
}

// The neuron arithmetic is the lesson's: sum(w * x for w, x in zip(weights, inputs)) + bias.
// Sigmoid and softmax are rearranged only so that huge sums do not overflow.
const SCRIPT = String.raw`
import json, math, sys

def relu(x): return max(0, x)

def sigmoid(x):
    if x >= 0:
        return 1 / (1 + math.exp(-x))
    e = math.exp(x)
    return e / (1 + e)

def linear(x): return x

def step(x): return 1 if x > 0 else 0

FUNCS = {"relu": relu, "sigmoid": sigmoid, "tanh": math.tanh, "linear": linear, "step": step}

def softmax(vals):
    top = max(vals)
    exps = [math.exp(v - top) for v in vals]
    s = sum(exps)
    return [e / s for e in exps]

def forward(network, inputs):
    signal = inputs
    result = []
    for layer in network["layers"]:
        raw = [sum(w * x for w, x in zip(n["weights"], signal)) + n["bias"] for n in layer["neurons"]]
        names = [n.get("activation", layer["activation"]) for n in layer["neurons"]]
        out = [None] * len(raw)
        group = [j for j, name in enumerate(names) if name == "softmax"]
        if group:
            for j, p in zip(group, softmax([raw[j] for j in group])):
                out[j] = p
        for j, name in enumerate(names):
            if name != "softmax":
                out[j] = FUNCS[name](raw[j])
        result.append({"raw": raw, "output": out})
        signal = out
    return {"layers": result}

cases = json.load(sys.stdin)
json.dump([forward(c["network"], c["inputs"]) for c in cases], sys.stdout, allow_nan=False)
`;

/**
 * Runs every case through the Python reference in a single `python3` call.
 * @example
 * const [r] = pythonForward([{ network, inputs: [0.8, 0.6] }]);
 */
export function pythonForward(cases: readonly ReferenceCase[]): ReferenceResult[] {
  const stdout = execFileSync("python3", ["-c", SCRIPT], {
    input: JSON.stringify(cases),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ReferenceResult[];
}
