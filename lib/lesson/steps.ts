/**
 * The lesson's sections as steps, in the lesson's order: a title, a short explanation in
 * our own words (the numbers are the lesson's), the network the class works on, what the
 * phones do in that step, the Python example to try, and the questions that belong to it.
 * The live lesson (the teacher steps through it) and the self-paced /learn read the same list.
 */
import type { PythonExample } from "./examples";
import type { PresetId } from "./presets";

/** What the phones do in a step: read along (no sliders), or be a neuron of the class network. */
export type PhoneMode = "read" | "neuron";

export interface LessonStep {
  id: "neuron" | "layers" | "depth" | "forward-pass" | "not-learning" | "takeaways";
  title: string;
  /** Two to four short paragraphs for the projector and the phones. */
  text: string[];
  /** The network the class works on in this step (null: leave the class's network as it is). */
  presetId: PresetId | null;
  phones: PhoneMode;
  /** What a phone says at the top of this step. */
  phonePrompt: string;
  /** The lesson's Python example for this step, if any (lib/lesson/examples.ts). */
  exampleId: PythonExample["id"] | null;
  /** Ids of questions (lib/lesson/quiz.ts) ready to launch in this step. */
  questionIds: string[];
}

export const LESSON_STEPS: readonly LessonStep[] = [
  {
    id: "neuron",
    title: "One artificial neuron",
    text: [
      "A neuron takes a few numbers in. It multiplies each by a weight that says how much that input counts, adds the results, then adds a bias: a nudge that lets it fire with nothing coming in, or hold back when a lot does.",
      "The total goes through an activation, the neuron's gate. ReLU lets positive totals through and turns negatives into 0; the sigmoid squeezes any total into a value between 0 and 1.",
      "output = activation(w1·x1 + w2·x2 + … + bias). With inputs 0.8 and 0.6, weights 1.5 and 2.0 and a bias of −1.0, a ReLU neuron gives 1.2 + 1.2 − 1.0 = 1.400.",
    ],
    presetId: "bright-and-edgy",
    phones: "neuron",
    phonePrompt: "You are the neuron: move your weights and bias and watch your output.",
    exampleId: "neuron",
    questionIds: ["lesson-relu-neuron"],
  },
  {
    id: "layers",
    title: "Neurons side by side, layers in a row",
    text: [
      "One neuron answers one small question. Put several side by side, all reading the same inputs, and you have a layer that answers several at once.",
      "A layer's outputs are the next layer's inputs. The input layer is the raw data, hidden layers find patterns in it, and the output layer gives the answer.",
      "Every connection has its own weight: training a network means finding good values for all of them. In the lesson's two-layer example the first layer gives [0.9, 0.86, 0.02] and the second [1.074, 0].",
    ],
    presetId: "two-layer",
    phones: "neuron",
    phonePrompt: "Your neuron reads the layer before it. Change a weight and watch the next layer move.",
    exampleId: "layers",
    questionIds: ["lesson-what-prints", "lesson-spot-bug"],
  },
  {
    id: "depth",
    title: "Why depth matters",
    text: [
      "A network with many hidden layers is called deep. Each layer builds on the one before: trained on photos of faces, early layers react to edges and blobs of colour, later ones to corners and textures, then to eyes and noses, and the last to whole faces.",
      "Nobody writes those detectors by hand: the network finds them because they help it answer. Language and sound get the same ladder, from characters or frequencies up to meaning.",
      "It became practical around 2012 thanks to more data (the internet), more compute (GPUs) and better tricks (ReLU, dropout, batch normalisation).",
    ],
    presetId: null,
    phones: "read",
    phonePrompt: "Read along: why stacking layers lets a network learn its own features.",
    exampleId: null,
    questionIds: ["lesson-why-2012"],
  },
  {
    id: "forward-pass",
    title: "The whole forward pass",
    text: [
      "A forward pass is arithmetic flowing one way: the inputs go into the hidden layer, its outputs go into the next, and the output layer ends with softmax, which turns raw scores into shares that add up to 1.",
      "In the lesson's classifier, inputs 0.9 and 0.4 go through a ReLU layer of three neurons to two outputs: class A gets 60.1 % and class B 39.9 %, so the prediction is A.",
      "Watch the signal light up layer by layer on the wall, and change your neuron to see how far the prediction moves.",
    ],
    presetId: "classifier",
    phones: "neuron",
    phonePrompt: "You are part of the classifier. Can your neuron tip the prediction?",
    exampleId: "forward-pass",
    questionIds: ["lesson-fill-activations", "lesson-forward-order"],
  },
  {
    id: "not-learning",
    title: "A forward pass is not learning",
    text: [
      "The forward pass uses the weights the network already has; it never changes them.",
      "Learning is a separate step, backpropagation: measure how wrong the answer was and nudge every weight backwards through the layers to make it less wrong. A training step in PyTorch or TensorFlow is one forward pass plus one backward pass.",
      "Libraries give you layers such as torch.nn.Linear or tf.keras.layers.Dense, but inside they do exactly the loops you just ran by hand.",
    ],
    presetId: null,
    phones: "read",
    phonePrompt: "Read along: what a forward pass does, and what it does not.",
    exampleId: null,
    questionIds: ["lesson-forward-weights"],
  },
  {
    id: "takeaways",
    title: "What to remember",
    text: [
      "A neuron adds up its weighted inputs and a bias, then an activation such as ReLU decides how strongly it fires.",
      "Layers of neurons answer many small questions at once, each layer feeding the next; depth lets a network build its own features, from edges up to objects.",
      "The forward pass is plain arithmetic from inputs to outputs; learning adjusts the weights in a separate step. Data, GPUs and better tricks are why this took off.",
    ],
    presetId: null,
    phones: "read",
    phonePrompt: "The lesson in three lines.",
    exampleId: null,
    questionIds: [],
  },
];

/**
 * The step with this id.
 * @example
 * stepById("neuron").presetId; // "bright-and-edgy"
 */
export function stepById(id: string): LessonStep | undefined {
  return LESSON_STEPS.find((s) => s.id === id);
}
