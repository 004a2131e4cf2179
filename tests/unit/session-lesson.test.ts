/**
 * The lesson flow (SPEC feature 6): `lesson:go` moves the class to a step, loads the step's
 * network when the class is on another one, and the step is in every viewer's state (so a
 * late joiner and a replay land in it). In a "read" step no phone can move a neuron.
 * Expected numbers are the lesson's printed ones, worked out by hand in comments.
 */
import { describe, expect, it } from "vitest";
import type { SessionEvent } from "../../lib/session/events";
import { foldEvents } from "../../lib/session/reducer";
import { projectState, VIEWER_KINDS } from "../../lib/session/views";
import { formatValue } from "../../lib/session/format";
import { H1, O1, TEACHER, createdEvent, join, joinMany, neuronAt, newSession, outputAt, refusalOf, run, setMine, student } from "../helpers/session-fixtures";

const go = (step: number | null) => ({ name: "lesson:go", payload: { step } }) as const;

describe("lesson:go", () => {
  it("a new session has not started the lesson", () => {
    expect(newSession().lesson).toEqual({ step: null });
  });

  it("the first step loads the single 'bright and edgy' neuron, whose output is the lesson's 1.400", () => {
    const state = newSession();
    const events = run(state, TEACHER, go(0));
    expect(events.map((e) => e.type)).toEqual(["lesson.step", "network.loaded"]);
    expect(events[0]).toEqual({ type: "lesson.step", payload: { step: 0 } });
    expect(state.lesson.step).toBe(0);
    expect(state.presetId).toBe("bright-and-edgy");
    // relu(0.8 × 1.5 + 0.6 × 2.0 − 1.0) = relu(1.4)
    expect(formatValue(outputAt(state, H1))).toBe("1.400");
  });

  it("a step without its own network leaves the class's network and entries as they are", () => {
    const state = newSession();
    joinMany(state, 1);
    setMine(state, "p1", { bias: 0.5 });
    const before = state.network;
    expect(run(state, TEACHER, go(2))).toEqual([{ type: "lesson.step", payload: { step: 2 } }]);
    expect(state.network).toBe(before);
    expect(neuronAt(state, H1).bias).toBe(0.5);
  });

  it("does not reload a network the class is already on, so going back keeps the entries", () => {
    const state = newSession();
    run(state, TEACHER, go(3)); // the whole forward pass: the classifier, which the default session already runs
    joinMany(state, 1);
    setMine(state, "p1", { bias: 0.25 });
    run(state, TEACHER, go(4));
    expect(run(state, TEACHER, go(3))).toEqual([{ type: "lesson.step", payload: { step: 3 } }]);
    expect(neuronAt(state, H1).bias).toBe(0.25);
  });

  it("moving to a step with another network re-seats the class on it", () => {
    const state = newSession();
    joinMany(state, 2);
    run(state, TEACHER, go(1)); // two layers: the 2-3-2 example
    expect(state.presetId).toBe("two-layer");
    expect(state.students.p1!.seat).toEqual(H1);
    run(state, TEACHER, go(3));
    expect(state.presetId).toBe("classifier");
    // The lesson's classifier: inputs 0.9, 0.4 → Class A 60.1 %.
    expect((outputAt(state, O1) * 100).toFixed(1)).toBe("60.1");
  });

  it("null leaves the lesson for free play and keeps the network", () => {
    const state = newSession();
    run(state, TEACHER, go(0));
    expect(run(state, TEACHER, go(null))).toEqual([{ type: "lesson.step", payload: { step: null } }]);
    expect(state.lesson.step).toBeNull();
    expect(state.presetId).toBe("bright-and-edgy");
  });

  it("refuses a step past the last with NOT_FOUND, and students with FORBIDDEN", () => {
    const state = newSession();
    joinMany(state, 1);
    const past = refusalOf(state, TEACHER, go(6));
    expect(past.code).toBe("NOT_FOUND");
    expect(past.message).toMatch(/6 steps/);
    expect(refusalOf(state, student("p1"), go(1)).code).toBe("FORBIDDEN");
    expect(state.lesson.step).toBeNull();
  });
});

describe("phones in a read step", () => {
  it("refuses a student's neuron:set with LOCKED and a message that says why, and allows it again in a neuron step", () => {
    const state = newSession();
    joinMany(state, 1);
    run(state, TEACHER, go(2)); // "Why depth matters" is read along
    const refusal = refusalOf(state, student("p1"), { name: "neuron:set", payload: { bias: 1 } });
    expect(refusal.code).toBe("LOCKED");
    expect(refusal.message).toMatch(/reading/);
    // The teacher can still set any neuron.
    run(state, TEACHER, { name: "network:set-neuron", payload: { layer: 0, neuron: 0, values: { weights: [1, 1], bias: 0 } } });
    expect(neuronAt(state, H1)).toEqual({ weights: [1, 1], bias: 0 });
    run(state, TEACHER, go(3));
    setMine(state, "p1", { bias: 0.3 });
    expect(neuronAt(state, H1).bias).toBe(0.3);
  });

  it("free play after a read step lets phones move their neurons again", () => {
    const state = newSession();
    joinMany(state, 1);
    run(state, TEACHER, go(5));
    expect(refusalOf(state, student("p1"), { name: "neuron:set", payload: { bias: 1 } }).code).toBe("LOCKED");
    run(state, TEACHER, go(null));
    setMine(state, "p1", { bias: 1 });
    expect(neuronAt(state, H1).bias).toBe(1);
  });
});

describe("who sees the step", () => {
  it("every viewer's state carries the step", () => {
    const state = newSession();
    run(state, TEACHER, go(4));
    for (const kind of VIEWER_KINDS) expect(projectState(state, kind).lesson).toEqual({ step: 4 });
  });

  it("a student who joins mid-lesson lands in the current step, seated on the step's network", () => {
    const state = newSession();
    run(state, TEACHER, go(0));
    join(state, "late");
    const seen = projectState(state, "student");
    expect(seen.lesson.step).toBe(0);
    expect(seen.presetId).toBe("bright-and-edgy");
    expect(seen.students.late!.seat).toEqual(H1);
  });

  it("a replay of the log shows each step at its moment", () => {
    const state = newSession();
    const log: SessionEvent[] = [createdEvent()];
    log.push(...run(state, TEACHER, go(0)), ...run(state, TEACHER, go(1)));
    const atFirst = foldEvents(null, log.slice(0, 3));
    expect(atFirst.lesson.step).toBe(0);
    expect(atFirst.presetId).toBe("bright-and-edgy");
    expect(foldEvents(null, log).lesson.step).toBe(1);
  });
});
