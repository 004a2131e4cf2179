/**
 * Where the teacher's forward-pass animation is relative to my neuron (the verdict against
 * the threshold is in lib/session/derive, shared with the diagram). Pure, so it is tested
 * without a browser.
 */
import type { PassAnimation } from "../../../lib/session/state";

/** Where the played forward pass is, seen from my neuron. */
export type PassPhase = "idle" | "coming" | "here" | "passed";

/**
 * Column 0 is the inputs, column l+1 the layer l; null means nothing is being played.
 * @example
 * passPhase({ column: 1, playing: true, at: 0 }, 0); // "here": the signal reached the first layer
 */
export function passPhase(animation: PassAnimation | undefined, layer: number): PassPhase {
  const column = animation?.column ?? null;
  if (column === null) return "idle";
  if (column < layer + 1) return "coming";
  return column === layer + 1 ? "here" : "passed";
}
