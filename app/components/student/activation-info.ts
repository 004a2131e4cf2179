/**
 * The names and one-line meanings of the activations, as the lesson explains them, for the
 * phone's "how my neuron computes" panel.
 */
import type { Activation } from "../../../lib/engine/activations";

export const ACTIVATION_MEANINGS: Record<Activation, string> = {
  relu: "keeps a positive sum as it is and turns a negative sum into 0.",
  sigmoid: "squashes any sum into a value between 0 and 1.",
  tanh: "squashes any sum into a value between −1 and 1.",
  linear: "passes the sum on unchanged.",
  step: "gives 1 when the sum is above 0, else 0.",
  softmax: "turns the output layer's sums into probabilities that add up to 100 %.",
};
