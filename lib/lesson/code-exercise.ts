/**
 * The lesson's closing exercise as a code question: write `predict(inputs, threshold)` for the
 * spam detector (SPEC's network: a hidden ReLU layer of two, one sigmoid output). Its tests
 * are the ten labelled examples at threshold 0.5, the case whose output is exactly 0.5, and a
 * stricter threshold of 0.8. The expected values are written out from the detector's scores
 * (tests/unit/code-exercise.test.ts checks each against the engine and SPEC's checked values),
 * never taken from the code under test. Two of the labelled examples are ones the network gets
 * wrong: the tests expect what the network says, and the result shows the label beside it.
 */
import type { JsonValue } from "../quiz/code-run";
import type { QuestionOf } from "../quiz/types";
import { SPAM_EXAMPLES, type SpamLabel } from "./presets";

/** The detector's weights and activations, as both the starter and the reference write them. */
const SPAM_NETWORK_PY = `W1 = [[2.0, 1.5, -1.0],
      [-0.5, -0.5, 2.0]]
b1 = [-0.5, 0.0]
W2 = [2.5, -2.0]
b2 = -1.0

def relu(x):
    return max(0, x)

def sigmoid(x):
    return 1 / (1 + math.exp(-x))
`;

export const SPAM_STARTER = `import math

# The spam detector: 3 inputs -> 2 hidden ReLU neurons -> 1 sigmoid output.
# inputs = [links, shouting, known_sender]
${SPAM_NETWORK_PY}
def predict(inputs, threshold):
    # 1. each hidden neuron: weighted sum + bias, then relu
    # 2. the output: weighted sum of the hidden outputs + b2, then sigmoid
    # 3. 'spam' if the output is above the threshold, else 'not spam'
    pass
`;

export const SPAM_REFERENCE = `import math

${SPAM_NETWORK_PY}
def predict(inputs, threshold):
    hidden = [relu(sum(w * x for w, x in zip(row, inputs)) + b) for row, b in zip(W1, b1)]
    output = sigmoid(sum(w * h for w, h in zip(W2, hidden)) + b2)
    return 'spam' if output > threshold else 'not spam'
`;

/** What the detector says for each labelled example at 0.5 (scores 0.99478, 0.00816, 0.73106, 0.40733, 0.61064, 0.26894, 0.89331, 0.01213, 0.04209, 0.62246). */
export const SPAM_AT_HALF: readonly SpamLabel[] = ["spam", "not spam", "spam", "not spam", "spam", "not spam", "spam", "not spam", "not spam", "spam"];

export const EXAMPLES_GROUP = "The ten labelled examples (threshold 0.5)";
const BOUNDARY_GROUP = "Exactly on the threshold";
const STRICT_GROUP = "A stricter threshold (0.8)";

const row = (inputs: readonly number[], threshold: number, expected: SpamLabel, label: string, group: string) => ({
  args: [[...inputs], threshold] as JsonValue[],
  expected,
  label,
  group,
});

export const SPAM_EXERCISE: QuestionOf<"code"> = {
  id: "lesson-spam-predict",
  kind: "code",
  prompt:
    "Write predict(inputs, threshold) for the spam detector: run the inputs through the two ReLU neurons, then the sigmoid output, and return 'spam' when the output is above the threshold, else 'not spam'.",
  starter: SPAM_STARTER,
  entry: "predict",
  rows: [
    ...SPAM_EXAMPLES.map((e, i) =>
      row(e.inputs, 0.5, SPAM_AT_HALF[i]!, `Example ${i + 1}: (${e.inputs.join(", ")}), labelled ${e.label}`, EXAMPLES_GROUP),
    ),
    row([0.45, 0, 0], 0.5, "not spam", "(0.45, 0, 0) scores exactly 0.5: not above 0.5", BOUNDARY_GROUP),
    row([0.5, 0.2, 0], 0.8, "not spam", "(0.5, 0.2, 0) scores 0.731: spam at 0.5, not at 0.8", STRICT_GROUP),
    row([0.9, 0.8, 0], 0.8, "spam", "(0.9, 0.8, 0) scores 0.995: spam even at 0.8", STRICT_GROUP),
    row([0.9, 0.8, 1], 0.8, "not spam", "(0.9, 0.8, 1) scores 0.611: a known sender tips it back", STRICT_GROUP),
  ],
  asserts: [],
  reference: SPAM_REFERENCE,
  tolerance: 1e-6,
  explanation:
    "Each hidden neuron adds its weighted inputs and its bias and keeps only the positive part; the output neuron does the same with the two hidden values and squashes the sum with the sigmoid. 'Above the threshold' means strictly greater, so a score of exactly 0.5 is not spam at 0.5. The network calls the last two labelled examples wrongly: training can fix that.",
};
