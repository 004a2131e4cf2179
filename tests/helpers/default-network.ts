/**
 * The default session's network, copied by hand from SPEC.md ("The default session"), for
 * tests that need it as an independent expectation. No import from the code under test.
 */
import type { ReferenceNetwork } from "./python-reference";

export const SPEC_DEFAULT_NETWORK: ReferenceNetwork = {
  layers: [
    {
      activation: "relu",
      neurons: [
        { weights: [1.2, -0.4], bias: 0.0 },
        { weights: [0.5, 1.8], bias: -0.2 },
        { weights: [-0.3, 0.9], bias: 0.1 },
      ],
    },
    {
      activation: "softmax",
      neurons: [
        { weights: [1.0, 0.2, -0.5], bias: 0.1 },
        { weights: [-0.3, 0.8, 1.1], bias: 0.0 },
      ],
    },
  ],
};

/** SPEC's default seating order for the default session, by hand: hidden neurons 1-3, then outputs 1-2. */
export const SPEC_DEFAULT_SEATS = [
  { layer: 0, neuron: 0 },
  { layer: 0, neuron: 1 },
  { layer: 0, neuron: 2 },
  { layer: 1, neuron: 0 },
  { layer: 1, neuron: 1 },
] as const;
