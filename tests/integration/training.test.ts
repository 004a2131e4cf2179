/**
 * Class training mode against the real server (SPEC feature 11): a teacher starts training on
 * XOR and on the spam set; a class of simulated students, one per neuron on real sockets, each
 * round works out its own neuron's gradient with the shared engine from the state its phone
 * received and moves down it; the teacher starts and ends every round. The loss the server
 * reports falls round after round (checked against the lesson's Python formula), the automatic
 * step lowers it too, every training event is in the stored log, in order, and the replay's
 * timeline marks the rounds and the step with their losses.
 */
import { expect, it } from "vitest";
import { lossGradient, type Network } from "../../lib/engine";
import { replayEventsSchema, replayMetaSchema } from "../../lib/protocol/replay";
import type { LoggedEvent } from "../../lib/session/events";
import { formatValue } from "../../lib/session/format";
import type { SessionState } from "../../lib/session/state";
import { openClass, type ClassStudent, type Classroom } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { pythonForward } from "../helpers/python-reference";
import { api } from "../helpers/replay-api";
import { serverForSuite } from "../helpers/suite-server";

const ROUNDS = 8;

/** The mean squared error by the lesson's Python formula: an outside check of the server's numbers. */
function pythonMse(network: Network, examples: { inputs: number[]; target: number[] }[]): number {
  const results = pythonForward(examples.map((e) => ({ network, inputs: e.inputs })));
  let total = 0;
  results.forEach((r, i) => {
    const output = r.layers.at(-1)!.output;
    examples[i]!.target.forEach((t, j) => (total += (output[j]! - t) ** 2));
  });
  return total / (examples.length * examples[0]!.target.length);
}

/**
 * One student's move in a round: from the state their phone received (the open round's start),
 * the gradient of the loss for their own neuron, and a step down it at the class's learning rate.
 */
async function nudge(s: ClassStudent): Promise<void> {
  const state: SessionState = s.client.state;
  const seat = state.students[s.id]!.seat!;
  const round = state.training.rounds.at(-1)!;
  const { gradient } = lossGradient(round.startNetwork, state.training.dataset!.examples);
  const g = gradient.layers[seat.layer]!;
  const neuron = round.startNetwork.layers[seat.layer]!.neurons[seat.neuron]!;
  const lr = state.training.learningRate;
  await s.client.sendOk("neuron:set", {
    weights: neuron.weights.map((w, k) => w - lr * g.weights[seat.neuron]![k]!),
    bias: neuron.bias - lr * g.bias[seat.neuron]!,
  });
}

/** Runs the rounds: the teacher opens each, every phone waits to see it and nudges, the teacher closes it. */
async function runRounds(cls: Classroom, rounds: number): Promise<void> {
  for (let r = 0; r < rounds; r++) {
    const { seq } = await cls.teacher.sendOk("training:round", { action: "start" });
    await Promise.all(
      cls.students.map(async (s) => {
        await s.client.untilSeq(seq);
        await nudge(s);
      }),
    );
    await cls.teacher.sendOk("training:round", { action: "end" });
  }
}

/** Every event of the stored log, read through the replay API in pages. */
async function storedLog(url: string, cls: Classroom): Promise<LoggedEvent[]> {
  const events: LoggedEvent[] = [];
  let after: number | null = 0;
  while (after !== null) {
    const reply = await api(url, `/api/sessions/${cls.host.sessionId}/replay/events?after=${after}&limit=500`, { token: cls.host.teacherToken });
    expect(reply.status).toBe(200);
    const page = replayEventsSchema.parse(reply.body);
    events.push(...(page.events as unknown as LoggedEvent[]));
    after = page.next;
  }
  return events;
}

const CASES = [
  // XOR: 2 hidden sigmoid neurons and one output; spam: 2 hidden ReLU neurons and a sigmoid output.
  { id: "xor", learningRate: 2, stepRate: 2 },
  { id: "spam", learningRate: 1, stepRate: 1 },
] as const;

describeEachDatabase("class training mode", (db) => {
  const server = serverForSuite(db);

  it.each(CASES)("$id: students following their gradient lower the loss round after round; the automatic step lowers it too", async ({ id, learningRate, stepRate }) => {
    const cls = await openClass(server, 3);
    const started = await cls.teacher.sendOk("training:start", { dataset: { id }, learningRate });
    for (const s of cls.students) await s.client.untilSeq(started.seq);
    const state = cls.teacher.state;
    expect(state.training).toMatchObject({ on: true, learningRate, rounds: [] });
    expect(state.training.dataset!.id).toBe(id);
    // One student per neuron: the set's network has three.
    const seats = cls.students.map((s) => JSON.stringify(state.students[s.id]!.seat));
    expect(new Set(seats).size).toBe(3);
    expect(state.network.layers.flatMap((l) => l.neurons)).toHaveLength(3);

    await runRounds(cls, ROUNDS);
    await cls.teacher.until(() => cls.teacher.state.training.rounds.at(-1)?.endedAt !== null);
    const rounds = cls.teacher.state.training.rounds;
    expect(rounds.map((r) => r.round)).toEqual(Array.from({ length: ROUNDS }, (_, i) => i + 1));
    const curve = [rounds[0]!.lossBefore, ...rounds.map((r) => r.lossAfter!)];
    console.log(`${id} (learning rate ${learningRate}): loss by round ${curve.map((l) => l.toFixed(4)).join(" → ")}`);
    rounds.forEach((r, i) => {
      expect(r.lossAfter!, `round ${r.round}`).toBeLessThan(r.lossBefore);
      if (i > 0) expect(r.lossBefore).toBe(rounds[i - 1]!.lossAfter); // nothing moved between rounds
    });
    expect(curve.at(-1)!).toBeLessThan(curve[0]! * 0.9);
    // The server's losses, by the lesson's Python formula on the networks the class had.
    const examples = cls.teacher.state.training.dataset!.examples;
    rounds.forEach((r) => expect(r.lossBefore).toBeCloseTo(pythonMse(r.startNetwork, examples), 12));
    expect(rounds.at(-1)!.lossAfter!).toBeCloseTo(pythonMse(cls.teacher.state.network, examples), 12);

    // The automatic step at a chosen learning rate, from where the class got to.
    await cls.teacher.sendOk("training:learning-rate", { learningRate: stepRate });
    const before = cls.teacher.state.network;
    const { seq } = await cls.teacher.sendOk("training:apply-step", {});
    await cls.teacher.untilSeq(seq);
    const step = cls.teacher.state.training.steps.at(-1)!;
    console.log(`${id}: automatic step at learning rate ${stepRate}: loss ${step.lossBefore.toFixed(4)} → ${step.lossAfter.toFixed(4)}`);
    expect(step.lossBefore).toBe(rounds.at(-1)!.lossAfter);
    expect(step.lossAfter).toBeLessThan(step.lossBefore);
    expect(step.lossAfter).toBeCloseTo(pythonMse(cls.teacher.state.network, examples), 12);
    expect(cls.teacher.state.network).not.toEqual(before);
    // Every phone's own entry follows its neuron.
    for (const s of cls.students) {
      await s.client.untilSeq(seq);
      const mine = s.client.state.students[s.id]!;
      const neuron = s.client.state.network.layers[mine.seat!.layer]!.neurons[mine.seat!.neuron]!;
      expect(mine.entry).toEqual({ weights: neuron.weights, bias: neuron.bias });
    }

    await cls.teacher.sendOk("training:stop", {});
    const log = await storedLog(server.url, cls);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    const training = log.filter((e) => e.type.startsWith("training."));
    expect(training.map((e) => e.type)).toEqual([
      "training.started",
      ...Array.from({ length: ROUNDS }, () => ["training.round-started", "training.round-ended"]).flat(),
      "training.learning-rate-set",
      "training.stepped",
      "training.stopped",
    ]);
    const ended = training.filter((e): e is Extract<LoggedEvent, { type: "training.round-ended" }> => e.type === "training.round-ended");
    expect(ended.map((e) => e.payload.lossAfter)).toEqual(rounds.map((r) => r.lossAfter));
    // Each round's nudges (one per student) lie between its start and its end in the log.
    for (let r = 0; r < ROUNDS; r++) {
      const open = training[1 + 2 * r]!.seq;
      const close = training[2 + 2 * r]!.seq;
      expect(log.filter((e) => e.type === "entry.set" && e.seq > open && e.seq < close)).toHaveLength(3);
    }
    // The replay's timeline marks each of those moments, a round's end with its losses.
    const meta = await api(server.url, `/api/sessions/${cls.host.sessionId}/replay`, { token: cls.host.teacherToken });
    expect(meta.status).toBe(200);
    const marks = replayMetaSchema.parse(meta.body).marks.filter((m) => m.kind === "training");
    const loss = (before: number, after: number) => `loss ${formatValue(before)} → ${formatValue(after)}`;
    expect(marks.map((m) => m.label)).toEqual([
      `Training started: ${cls.teacher.state.training.dataset!.title}`,
      ...rounds.flatMap((r) => [`Round ${r.round} started`, `Round ${r.round} ended: ${loss(r.lossBefore, r.lossAfter!)}`]),
      `Automatic step: ${loss(step.lossBefore, step.lossAfter)}`,
      "Training stopped",
    ]);
    expect(marks.map((m) => m.seq)).toEqual(training.filter((e) => e.type !== "training.learning-rate-set").map((e) => e.seq));
  });

  it("refuses a student's training command and a round that is not open", async () => {
    const cls = await openClass(server, 1);
    expect(await cls.students[0]!.client.send("training:start", { dataset: { id: "xor" } })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await cls.teacher.send("training:round", { action: "start" })).toMatchObject({ ok: false, error: { code: "INVALID" } });
    expect(await cls.teacher.send("training:start", { dataset: { id: "custom", csv: "a,b,label\n1,2,Class A\n3" } })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", message: "Line 3: expected 2 numbers and a label, found 1 value." },
    });
    expect(await cls.teacher.send("training:learning-rate", { learningRate: 0 })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });
});
