/**
 * The lesson's own quiz, in the lesson's order, with the lesson's numbers and listings.
 * Answers are the lesson's (tests check them against the lesson text, not against this
 * file's grader). Also the ready-made parametric drills and a poll for the dashboard.
 */
import type { Question } from "../quiz/types";
import { SPAM_EXERCISE } from "./code-exercise";

const printListing = `def relu(x): return max(0, x)

def neuron(inputs, weights, bias):
    raw = sum(w * x for w, x in zip(weights, inputs)) + bias
    return relu(raw)

output = neuron(
    inputs=[1.0, 2.0],
    weights=[0.5, -1.0],
    bias=1.5
)
print(f"Neuron output: {output:.1f}")`;

const bugListing = `def relu(x): return max(0, x)

def neuron(inputs, weights, bias):
    # weighted sum of the inputs, then add the bias
    raw = sum(w + x for w, x in zip(weights, inputs)) + bias
    return relu(raw)`;

const blanksListing = `import math

def relu(x):
    return max(___, x)

def sigmoid(x):
    return 1 / (1 + math.exp(___))`;

export const LESSON_QUIZ: readonly Question[] = [
  {
    id: "lesson-relu-neuron",
    kind: "numeric",
    prompt: "A ReLU neuron gets the inputs [0.5, 1.0], with weights [2.0, −1.5] and a bias of 0.5. What does it output?",
    answer: 0,
    tolerance: 0.01,
    explanation:
      "Multiply and add: 0.5 × 2.0 + 1.0 × (−1.5) = 1.0 − 1.5 = −0.5. The bias of 0.5 brings the total to exactly 0, and ReLU lets 0 through as 0: this neuron stays quiet.",
  },
  {
    id: "lesson-forward-weights",
    kind: "choice",
    prompt: "While a forward pass runs, what happens to the network's weights?",
    choices: ["Nothing: they are only read", "Each one is nudged to shrink the error", "They are drawn again at random", "They are swapped for the layer's outputs"],
    multiple: false,
    correct: [0],
    explanation:
      "A forward pass uses the weights the network already has to turn inputs into a prediction. Changing them is a different step, backpropagation, which measures the error and adjusts every weight.",
  },
  {
    id: "lesson-why-2012",
    kind: "choice",
    prompt: "What made deep networks practical around 2012? Select all that apply.",
    choices: [
      "Much more data to learn from, thanks to the internet",
      "GPUs doing matrix arithmetic in parallel",
      "Better training tricks such as ReLU, dropout and batch normalisation",
      "Experts writing each feature detector by hand",
      "Networks shrinking to a single neuron",
    ],
    multiple: true,
    correct: [0, 1, 2],
    explanation:
      "Three things came together: data (the internet), compute (GPUs) and tricks that made training work (ReLU, dropout, batch normalisation). Nobody hand-writes the features: the layers discover them.",
  },
  {
    id: "lesson-what-prints",
    kind: "output",
    prompt: "This neuron adds up its weighted inputs and a bias, then applies ReLU. What does the program print?",
    code: printListing,
    answers: ["Neuron output: 0.0"],
    explanation:
      "1.0 × 0.5 + 2.0 × (−1.0) = −1.5, and the bias of 1.5 brings it to 0. ReLU keeps 0, and :.1f prints one decimal, so the line reads “Neuron output: 0.0”. Spaces at the start and end of a line, and empty lines before or after, are ignored; letters, punctuation and the number must match.",
  },
  {
    id: "lesson-spot-bug",
    kind: "bug",
    prompt: "The neuron should compute activation(w1·x1 + w2·x2 + … + bias). Tap the line with the bug.",
    code: bugListing,
    line: 4,
    explanation:
      "Each input must be multiplied by its weight (w * x). That line adds them (w + x), so the inputs are shifted instead of scaled and the weights no longer say how much each input matters.",
  },
  {
    id: "lesson-fill-activations",
    kind: "blanks",
    prompt: "Complete the lesson's two activations: ReLU, which blocks negatives, and the sigmoid.",
    code: blanksListing,
    blanks: [
      ["0", "0.0"],
      ["-x", "-1*x", "-1.0*x"],
    ],
    explanation:
      "ReLU keeps the larger of 0 and x, so negative sums become 0: max(0, x). The sigmoid is 1 / (1 + e^(−x)), so the exponent is −x. Spaces inside an answer do not matter.",
  },
  {
    id: "lesson-forward-order",
    kind: "order",
    prompt: "Put these lines in order to run a whole forward pass: a ReLU hidden layer, then a softmax output layer.",
    lines: [
      "inputs = [0.9, 0.4]  # 1. raw input layer",
      "h1 = [relu(sum(w*x for w,x in zip(row, inputs)) + b) for row, b in zip(W1, b1)]  # 2. hidden layer, ReLU",
      "raw_out = [sum(w*x for w,x in zip(row, h1)) + b for row, b in zip(W2, b2)]  # 3. output layer, raw scores",
      "probs = softmax(raw_out)  # 4. squash scores into probabilities",
      "print('Prediction:', 'A' if probs[0] > probs[1] else 'B')  # 5. pick the higher class",
    ],
    explanation:
      "Signals flow one way: the inputs first, then the hidden layer reads them, the output layer reads the hidden layer, softmax turns its raw scores into probabilities, and only then can the higher class be picked.",
  },
  SPAM_EXERCISE,
];

/** Ready-made questions where every student gets their own numbers, plus a poll. */
export const STARTER_QUESTIONS: readonly Question[] = [
  {
    id: "drill-neuron-output",
    kind: "parametric",
    template: "neuron-output",
    prompt: "Compute your neuron's output from the numbers on your screen.",
    tolerance: 0.01,
    explanation: "Multiply each input by its weight, add them up with the bias, then apply the activation.",
  },
  {
    id: "drill-which-activation",
    kind: "parametric",
    template: "which-activation",
    prompt: "Which activation turns this neuron's sum into the output shown?",
    tolerance: 0.001,
    explanation: "Work out the sum first (weights × inputs + bias), then try each activation on it.",
  },
  {
    id: "drill-fire-bias",
    kind: "parametric",
    template: "fire-bias",
    prompt: "Which bias makes this ReLU neuron output exactly the target?",
    tolerance: 0.01,
    explanation: "ReLU passes a positive sum unchanged, so the bias is the target minus the weighted sum of the inputs.",
  },
  {
    id: "drill-my-neuron",
    kind: "parametric",
    template: "my-neuron",
    prompt: "Your own neuron, right now: what is its output?",
    tolerance: 0.01,
    explanation: "Your neuron's inputs are the previous layer's outputs; multiply by your weights, add your bias, apply your layer's activation.",
  },
  {
    id: "poll-confidence",
    kind: "poll",
    prompt: "How sure do you feel about computing a neuron by hand?",
    choices: ["Very sure", "Fairly sure", "Not yet"],
    multiple: false,
    explanation: "",
  },
];
