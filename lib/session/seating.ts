/**
 * Where students sit. The seating order is the hidden layers first, layer by layer, each
 * top to bottom, then the output layer. A joining student takes the first neuron in that
 * order with the fewest students: with nobody leaving, that fills every neuron once and
 * then goes round again from neuron 1 of the first hidden layer, as teams.
 */
import type { Network } from "../engine";
import type { NeuronValues, Seat, SessionState, Student } from "./state";

/**
 * Every neuron of the network in seating order.
 * @example
 * seatOrder(classifier); // [{layer:0,neuron:0},{layer:0,neuron:1},{layer:0,neuron:2},{layer:1,neuron:0},{layer:1,neuron:1}]
 */
export function seatOrder(network: Network): Seat[] {
  const seats: Seat[] = [];
  // The output layer is last; with a single layer it is the only one.
  network.layers.forEach((layer, l) => {
    layer.neurons.forEach((_, n) => seats.push({ layer: l, neuron: n }));
  });
  return seats;
}

/** Whether two seats are the same neuron. */
export function sameSeat(a: Seat | null | undefined, b: Seat | null | undefined): boolean {
  return !!a && !!b && a.layer === b.layer && a.neuron === b.neuron;
}

/** Whether the seat exists in the network. */
export function seatExists(network: Network, seat: Seat): boolean {
  return seat.layer >= 0 && seat.neuron >= 0 && seat.neuron < (network.layers[seat.layer]?.neurons.length ?? 0);
}

/**
 * The students sitting on a neuron, in the order they joined.
 * @example
 * studentsOn(state, { layer: 0, neuron: 0 }).map((s) => s.nickname);
 */
export function studentsOn(state: SessionState, seat: Seat): Student[] {
  return Object.values(state.students)
    .filter((s) => !s.removed && sameSeat(s.seat, seat))
    .sort((a, b) => a.joinIndex - b.joinIndex);
}

/**
 * The seat the next student gets: the first in seating order with the fewest students.
 * @example
 * nextSeat(state); // { layer: 0, neuron: 0 } in a new session
 */
export function nextSeat(state: SessionState): Seat | null {
  const order = seatOrder(state.network);
  if (order.length === 0) return null;
  const counts = new Map<string, number>();
  for (const s of Object.values(state.students)) {
    if (!s.removed && s.seat) {
      const key = `${s.seat.layer}:${s.seat.neuron}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let best = order[0]!;
  let bestCount = Infinity;
  for (const seat of order) {
    const c = counts.get(`${seat.layer}:${seat.neuron}`) ?? 0;
    if (c < bestCount) {
      best = seat;
      bestCount = c;
    }
  }
  return { ...best };
}

/**
 * A neuron's current weights and bias, copied.
 * @example
 * neuronValues(network, { layer: 0, neuron: 0 }); // { weights: [1.2, -0.4], bias: 0 }
 */
export function neuronValues(network: Network, seat: Seat): NeuronValues {
  const n = network.layers[seat.layer]?.neurons[seat.neuron];
  if (!n) throw new RangeError(`no neuron at layer ${seat.layer}, neuron ${seat.neuron}`);
  return { weights: [...n.weights], bias: n.bias };
}
