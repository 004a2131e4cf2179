/**
 * Names of places in the network, shared by the diagram, the roster and the projector, so a
 * teacher saying "H1 · 2" means the same neuron on every screen.
 */
import type { Network } from "../../../lib/engine";
import { activationName, layerName } from "../../../lib/session/format";
import type { Seat } from "../../../lib/session/state";
import { clipGraphemes } from "../../../lib/session/text";

/**
 * Short tag of a neuron: hidden layers are H1, H2…, the output layer is "Out".
 * @example
 * neuronTag({ layer: 0, neuron: 1 }, 2); // "H1 · 2"
 * neuronTag({ layer: 1, neuron: 0 }, 2); // "Out · 1"
 */
export function neuronTag(seat: Seat, layerCount: number): string {
  const layer = seat.layer === layerCount - 1 ? "Out" : `H${seat.layer + 1}`;
  return `${layer} · ${seat.neuron + 1}`;
}

/** "Hidden layer 2", "Output layer": the title case of the shared layer names. */
export function layerTitle(layerIndex: number, layerCount: number): string {
  const name = layerName(layerIndex, layerCount);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A long description of a neuron, for screen readers and menus. */
export function neuronDescription(seat: Seat, layerCount: number): string {
  return `${layerName(seat.layer, layerCount)}, neuron ${seat.neuron + 1}`;
}

/** A layer's activation, noting when some of its neurons carry their own. */
export function layerActivationText(network: Network, layerIndex: number): string {
  const layer = network.layers[layerIndex];
  if (!layer) return "";
  const mixed = layer.neurons.some((n) => n.activation !== undefined && n.activation !== layer.activation);
  return mixed ? `${activationName(layer.activation)} (mixed)` : activationName(layer.activation);
}

export { inputLabel, outputLabel } from "../../../lib/session/derive";

/** Every seat in seating order, keyed "layer:neuron" for lookups. */
export const seatKey = (seat: Seat): string => `${seat.layer}:${seat.neuron}`;

/**
 * Shortens a name for a tight spot in the diagram to `max` characters, never cutting an emoji
 * or an accented letter in half; the full name stays in tooltips.
 * @example
 * clip("brightness", 6); // "brigh…"
 */
export function clip(text: string, max: number): string {
  return clipGraphemes(text, max);
}
