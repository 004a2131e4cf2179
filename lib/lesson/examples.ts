/**
 * The lesson's three Python examples, as the lesson shows them (indentation restored), with
 * the lines the lesson says they print. "Try it live" runs them as real Python in the browser;
 * tests check the printed lines against a real Python.
 */

export interface PythonExample {
  /** Stable id, for element ids and test names. */
  id: "neuron" | "layers" | "forward-pass";
  /** A short title for the example. */
  title: string;
  /** One sentence on what the code shows. */
  summary: string;
  /** The lesson's code, exactly, with its indentation. */
  code: string;
  /** The lines the lesson says the code prints. */
  prints: string[];
}

const NEURON = `import math

def relu(x): return max(0, x)
def sigmoid(x): return 1 / (1 + math.exp(-x))

def neuron(inputs, weights, bias, activation=relu):
    raw = sum(w * x for w, x in zip(weights, inputs)) + bias
    return activation(raw)

# A neuron asking: "is this image bright AND edgy?"
output = neuron(
    inputs=[0.8, 0.6],    # brightness, edge_strength
    weights=[1.5, 2.0],   # edges weighted higher
    bias=-1.0,
    activation=relu
)
print(f"Neuron output: {output:.3f}")
`;

const LAYERS = `def relu(x): return max(0, x)

def layer(inputs, weight_matrix, biases):
    outputs = []
    for weights, bias in zip(weight_matrix, biases):
        raw = sum(w * x for w, x in zip(weights, inputs)) + bias
        outputs.append(relu(raw))
    return outputs

inputs = [0.8, 0.6]
W1 = [[1.5, -0.5], [0.2, 2.0], [-1.0, 1.2]]
b1 = [0.0, -0.5, 0.1]
h1 = layer(inputs, W1, b1)
print("Layer 1:", [round(v, 3) for v in h1])

W2 = [[0.8, 0.3, -0.2], [0.1, -0.6, 1.5]]
b2 = [0.1, 0.0]
h2 = layer(h1, W2, b2)
print("Layer 2:", [round(v, 3) for v in h2])
`;

const FORWARD_PASS = `import math

def relu(x): return max(0, x)

def softmax(vals):
    exps = [math.exp(v) for v in vals]
    s = sum(exps)
    return [e/s for e in exps]

def forward(inputs, layers):
    signal = inputs
    for i, (W, b) in enumerate(layers):
        raw = [sum(w*x for w,x in zip(row, signal)) + bias
               for row, bias in zip(W, b)]
        signal = softmax(raw) if i == len(layers)-1 else [relu(v) for v in raw]
    return signal

layers = [
    ([[1.2,-0.4],[0.5,1.8],[-0.3,0.9]], [0.0,-0.2,0.1]),
    ([[1.0,0.2,-0.5],[-0.3,0.8,1.1]], [0.1, 0.0])
]
probs = forward([0.9, 0.4], layers)
print(f"Class A: {probs[0]:.1%}")
print(f"Class B: {probs[1]:.1%}")
print(f"Prediction: {'A' if probs[0] > probs[1] else 'B'}")
`;

export const PYTHON_EXAMPLES: readonly PythonExample[] = [
  {
    id: "neuron",
    title: "One neuron",
    summary: "Two inputs, two weights and a bias go through ReLU. Change a weight and run it again.",
    code: NEURON,
    prints: ["Neuron output: 1.400"],
  },
  {
    id: "layers",
    title: "Two layers",
    summary: "Three neurons read the same two inputs; their outputs feed a second layer of two.",
    code: LAYERS,
    prints: ["Layer 1: [0.9, 0.86, 0.02]", "Layer 2: [1.074, 0]"],
  },
  {
    id: "forward-pass",
    title: "A full forward pass",
    summary: "A hidden layer with ReLU, then softmax turns two scores into the chance of each class.",
    code: FORWARD_PASS,
    prints: ["Class A: 60.1%", "Class B: 39.9%", "Prediction: A"],
  },
];
