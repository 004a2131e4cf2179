/**
 * What each viewer receives (ENGINEERING.md "Each viewer gets its own view"): the projector
 * view never gets names while they are hidden, nobody but the teacher gets teacher-only
 * parts, and a field nobody has given a policy reaches the teacher alone.
 */
import { describe, expect, it } from "vitest";
import type { LoggedEvent } from "../../lib/session/events";
import { applyEvent } from "../../lib/session/reducer";
import type { SessionState } from "../../lib/session/state";
import { projectEvent, projectState } from "../../lib/session/views";
import { decideHandbackRequest } from "../../lib/session/decide";
import { TEACHER, join, newSession, run } from "../helpers/session-fixtures";

const logged = (seq: number, e: Omit<LoggedEvent, "seq" | "actor">): LoggedEvent => ({ ...e, seq, actor: "t" }) as LoggedEvent;

function classWithNames(): SessionState {
  const state = newSession();
  join(state, "p1", "Ada");
  join(state, "p2", "Grace");
  return state;
}

describe("projections of the state", () => {
  it("gives the teacher everything, unchanged", () => {
    const state = classWithNames();
    run(state, TEACHER, { name: "room:hide-names", payload: { hidden: true } });
    expect(projectState(state, "teacher")).toBe(state);
  });

  it("keeps names from the projector view while they are hidden, and gives them back after", () => {
    const state = classWithNames();
    expect(Object.values(projectState(state, "viewer").students).map((s) => s.nickname)).toEqual(["Ada", "Grace"]);
    run(state, TEACHER, { name: "room:hide-names", payload: { hidden: true } });
    const hidden = projectState(state, "viewer");
    expect(JSON.stringify(hidden)).not.toMatch(/Ada|Grace/);
    expect(Object.values(hidden.students).map((s) => s.seat)).toEqual([{ layer: 0, neuron: 0 }, { layer: 0, neuron: 1 }]);
    // Students' phones are not projected: they keep the names.
    expect(JSON.stringify(projectState(state, "student"))).toMatch(/Ada/);
  });

  it("gives a field with no policy (a teacher-only field added here) to the teacher alone", () => {
    const state = { ...classWithNames(), answerKey: { q1: "B" } } as SessionState & { answerKey: unknown };
    expect((projectState(state, "teacher") as typeof state).answerKey).toEqual({ q1: "B" });
    expect(projectState(state, "student")).not.toHaveProperty("answerKey");
    expect(projectState(state, "viewer")).not.toHaveProperty("answerKey");
  });

  it("keeps requests to hand a place back from students and the projector", () => {
    const state = classWithNames();
    const d = decideHandbackRequest(state, "req-1", "ada", 5);
    if ("refusal" in d) throw d.refusal;
    const next = applyEvent(state, d.events[0]!);
    expect(Object.keys(projectState(next, "teacher").handbacks)).toEqual(["req-1"]);
    expect(projectState(next, "student").handbacks).toEqual({});
    expect(projectState(next, "viewer").handbacks).toEqual({});
  });
});

describe("projections of events", () => {
  it("blanks a joining student's name for the projector while names are hidden", () => {
    const state = classWithNames();
    run(state, TEACHER, { name: "room:hide-names", payload: { hidden: true } });
    const e = logged(9, { type: "student.joined", payload: { studentId: "p3", nickname: "Linus" } });
    const after = applyEvent(state, e);
    expect(projectEvent(e, "viewer", after)).toMatchObject({ seq: 9, payload: { studentId: "p3", nickname: "" } });
    expect(projectEvent(e, "student", after)).toBe(e);
    expect(projectEvent(e, "teacher", after)).toBe(e);
  });

  it("asks for a fresh snapshot when names are hidden or shown, so the projector's copy never keeps them", () => {
    const state = classWithNames();
    for (const hidden of [true, false]) {
      const e = logged(9, { type: "names.hidden", payload: { hidden } });
      expect(projectEvent(e, "viewer", applyEvent(state, e))).toBe("resync");
      expect(projectEvent(e, "student", applyEvent(state, e))).toBe(e);
    }
  });

  it("replaces teacher-only events with a stand-in of the same seq that folds to nothing", () => {
    const state = classWithNames();
    const e = logged(12, { type: "handback.requested", payload: { requestId: "req-1", studentId: "p1", at: 5 } });
    const after = applyEvent(state, e);
    for (const kind of ["student", "viewer"] as const) {
      const projected = projectEvent(e, kind, after);
      expect(projected).toEqual({ seq: 12, actor: null, type: "event.redacted", payload: {} });
      const viewerState = projectState(state, kind);
      expect(applyEvent(viewerState, projected as LoggedEvent)).toBe(viewerState);
    }
  });
});
