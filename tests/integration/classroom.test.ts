/**
 * A whole class against the real server: the default session, 30 students seated in the
 * default order, the network they compute together, and the fan-out per tick. Each test
 * opens its own class. Expected numbers are written here, come from SPEC.md, or come from
 * the lesson's Python formula (python3), never from the engine.
 */
import { expect, it } from "vitest";
import { forward } from "../../lib/engine";
import { openClass } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { pythonForward, type ReferenceNetwork } from "../helpers/python-reference";
import { SPEC_DEFAULT_SEATS } from "../helpers/default-network";
import { serverForSuite } from "../helpers/suite-server";

const SEATS = SPEC_DEFAULT_SEATS;

/** What student k (from 1) types: simple numbers whose team means are easy to check. */
function entryOf(k: number, width: number) {
  return { weights: Array.from({ length: width }, (_, i) => (i % 2 === 0 ? k / 10 : -k / 20)), bias: k / 100 };
}

/** How many weights the neuron of the student at `index` (from 0) has: 2 inputs in layer 0, 3 hidden values in layer 1. */
const widthOf = (index: number) => (SEATS[index % 5]!.layer === 0 ? 2 : 3);

describeEachDatabase("a class", (db) => {
  const server = serverForSuite(db);

  it("hosts a session with a readable code and the lesson's default network", async () => {
    const { host, teacher } = await openClass(server);
    expect(host.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(teacher.you).toEqual({ role: "teacher", participantId: expect.any(String) });
    expect(teacher.state.status).toBe("live");
    expect(teacher.state.inputs).toEqual([0.9, 0.4]);
    expect(teacher.state.outputLabels).toEqual(["Class A", "Class B"]);
    expect(teacher.state.network.layers[0]!.neurons.map((n) => n.weights)).toEqual([
      [1.2, -0.4],
      [0.5, 1.8],
      [-0.3, 0.9],
    ]);
    const lookup = (await (await fetch(`${server.url}/api/join/${host.code.toLowerCase()}`)).json()) as Record<string, unknown>;
    expect(lookup).toMatchObject({ sessionId: host.sessionId, code: host.code, roomLocked: false });
    expect(lookup.suggestedNickname).toMatch(/^\S.{0,19}$/);
  });

  it("seats 30 students in the default order, the first three reading 0.920, 0.970, 0.190", async () => {
    const { teacher, students } = await openClass(server, 30);
    expect(teacher.online).toHaveLength(31);
    students.forEach((s, i) => expect(teacher.state.students[s.id]!.seat).toEqual(SEATS[i % 5]));
    const firstThree = students.slice(0, 3).map((s, i) => {
      const state = s.client.state;
      return forward(state.network, state.inputs).layers[0]!.output[i]!.toFixed(3);
    });
    expect(firstThree).toEqual(["0.920", "0.970", "0.190"]);
  });

  it("computes the class's network: each team's average, as the lesson's formula gives", async () => {
    const { teacher, students } = await openClass(server, 30);
    await teacher.sendOk("network:team-mode", { mode: "average" });
    const acks = await Promise.all(students.map((s, i) => s.client.sendOk("neuron:set", entryOf(i + 1, widthOf(i)))));
    const lastSeq = Math.max(...acks.map((a) => a.seq));
    await teacher.untilSeq(lastSeq);

    // Team t holds students t+1, t+6, ..., t+26: mean of k is t+1+12.5.
    const expected: ReferenceNetwork = {
      layers: [
        { activation: "relu", neurons: [0, 1, 2].map((t) => entryOf(t + 1 + 12.5, 2)) },
        { activation: "softmax", neurons: [3, 4].map((t) => entryOf(t + 1 + 12.5, 3)) },
      ],
    };
    teacher.state.network.layers.forEach((layer, l) =>
      layer.neurons.forEach((neuron, n) => {
        const want = expected.layers[l]!.neurons[n]!;
        neuron.weights.forEach((w, i) => expect(w).toBeCloseTo(want.weights[i]!, 12));
        expect(neuron.bias).toBeCloseTo(want.bias, 12);
      }),
    );
    const [reference] = pythonForward([{ network: expected, inputs: [0.9, 0.4] }]);
    const result = forward(teacher.state.network, teacher.state.inputs);
    result.layers.forEach((layer, l) =>
      layer.output.forEach((v, n) => expect(v).toBeCloseTo(reference!.layers[l]!.output[n]!, 12)),
    );
    // Every student's copy agrees with the teacher's.
    await Promise.all(students.map((s) => s.client.untilSeq(lastSeq)));
    for (const s of students) expect(s.client.state.network).toEqual(teacher.state.network);
  });

  it("sends each client at most one update per tick however many students move", async () => {
    const { teacher, students } = await openClass(server, 30);
    const before = teacher.updates;
    const started = Date.now();
    const acks = await Promise.all(students.map((s, i) => s.client.sendOk("neuron:set", { bias: (i % 7) / 10 })));
    // Acknowledged means stored; the broadcast follows within a tick.
    await teacher.untilSeq(Math.max(...acks.map((a) => a.seq)));
    const elapsedTicks = (Date.now() - started) / 25 + 2;
    expect(teacher.updates - before).toBeLessThanOrEqual(Math.ceil(elapsedTicks));
    expect(teacher.updates - before).toBeLessThan(30);
  });
});
