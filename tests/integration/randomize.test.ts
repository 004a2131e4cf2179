/**
 * "Randomise weights" through a real teacher socket: every weight and bias gets a new
 * value in [-1, 1], each phone receives its neuron's, and the drawn values are in the log,
 * so a restart replays exactly the same network.
 */
import { expect, it } from "vitest";
import { openClass, type Classroom } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { SPEC_DEFAULT_NETWORK } from "../helpers/default-network";
import { SPEC_DEFAULT_SEATS } from "../helpers/default-network";
import { serverForSuite } from "../helpers/suite-server";

const SEATS = SPEC_DEFAULT_SEATS;

/** A value randomising cannot produce: the default's value pushed 2 further from 0. */
const outsideUnitRange = (v: number) => (v >= 0 ? v + 2 : v - 2);

/** Sets every neuron to values outside [-1, 1], so that any value in range is a changed one. */
async function setEveryNeuronOutsideRange(cls: Classroom): Promise<void> {
  for (const [layer, { neurons }] of SPEC_DEFAULT_NETWORK.layers.entries()) {
    for (const [neuron, n] of neurons.entries()) {
      await cls.teacher.sendOk("network:set-neuron", {
        layer,
        neuron,
        values: { weights: n.weights.map(outsideUnitRange), bias: outsideUnitRange(n.bias) },
      });
    }
  }
}

/** Every weight and bias of a network, in order. */
const numbersOf = (network: { layers: { neurons: { weights: number[]; bias: number }[] }[] }) =>
  network.layers.flatMap((l) => l.neurons.flatMap((n) => [...n.weights, n.bias]));

describeEachDatabase("randomising the weights", (db) => {
  const server = serverForSuite(db);

  it("gives every weight and bias a new value in [-1, 1] and each student their neuron's", async () => {
    const cls = await openClass(server, 5);
    await setEveryNeuronOutsideRange(cls);
    const before = await cls.teacher.sync();
    expect(numbersOf(before.state.network).every((v) => Math.abs(v) > 1)).toBe(true);

    expect(await cls.teacher.send("network:randomize", {})).toMatchObject({ ok: true });
    const after = await cls.teacher.sync();
    const drawn = numbersOf(after.state.network);
    expect(drawn).toHaveLength(17); // 3 × (2 + 1) hidden, 2 × (3 + 1) output
    drawn.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(-1);
      expect(v).toBeLessThanOrEqual(1);
      expect(v).not.toBe(numbersOf(before.state.network)[i]);
    });
    expect(new Set(drawn).size).toBeGreaterThan(1);
    // The topology and activations stay; only the numbers change.
    after.state.network.layers.forEach((layer, l) => {
      expect(layer.activation).toBe(SPEC_DEFAULT_NETWORK.layers[l]!.activation);
      expect(layer.neurons.map((n) => n.weights.length)).toEqual(SPEC_DEFAULT_NETWORK.layers[l]!.neurons.map((n) => n.weights.length));
    });

    for (const [i, s] of cls.students.entries()) {
      await s.client.untilSeq(after.seq);
      const seat = SEATS[i]!;
      const mine = after.state.network.layers[seat.layer]!.neurons[seat.neuron]!;
      expect(s.client.state.students[s.id]!.seat).toEqual(seat);
      expect(s.client.state.network.layers[seat.layer]!.neurons[seat.neuron]).toMatchObject({ weights: mine.weights, bias: mine.bias });
      expect(s.client.state.students[s.id]!.entry).toEqual({ weights: mine.weights, bias: mine.bias });
    }

    // Pressing it again draws another network.
    await cls.teacher.sendOk("network:randomize", {});
    expect(numbersOf((await cls.teacher.sync()).state.network)).not.toEqual(drawn);
  });

  it("replays the drawn values after a restart: the state is identical", async () => {
    const cls = await openClass(server, 2);
    await cls.teacher.sendOk("network:randomize", {});
    const before = await cls.teacher.sync();
    cls.close();
    expect(await server.restart()).toBe(0);
    const teacher = await cls.connectTeacher();
    expect(teacher.seq).toBe(before.seq);
    expect(teacher.state).toEqual(before.state);
    const student = await cls.reconnect(cls.students[0]!);
    expect(student.state.network).toEqual(before.state.network);
  });
});
