/**
 * Bad input never hurts, through the real rules and reducer: tens of thousands of seeded
 * messages, every command from every role (teacher, student, the room itself), with
 * payloads that are valid, mutated (wrong types, missing and extra fields, huge numbers,
 * NaN, negative and fractional indices, non-objects) and ids such as "__proto__". Each goes
 * through the command's zod schema as the server does, then `decide`. A message the schema
 * refuses never reaches the rules; a refusal always has a known code and a message; every
 * event parses with its schema and folds without throwing; a command naming a student or a
 * request that is not in the class never produces an event.
 */
import { describe, expect, it } from "vitest";
import { commands, errorCodeSchema, type CommandName } from "../../lib/protocol";
import { decide, decideHandbackRequest, decideJoin, isSessionCommand, type Actor, type Decision, type SessionCommand } from "../../lib/session/decide";
import { eventSchemas } from "../../lib/session/event-schemas";
import type { SessionEvent } from "../../lib/session/events";
import { applyEvent } from "../../lib/session/reducer";
import type { SessionState } from "../../lib/session/state";
import { FIXED_NOW, TEACHER, join, newSession } from "../helpers/session-fixtures";
import { seeded } from "../helpers/seeded";
import { ALL_COMMANDS, ALWAYS_INVALID, NASTY_IDS, REQUEST_ID, STUDENT_IDS, leaves, mutate, pick, validPayload, type Random } from "../helpers/fuzz-messages";

/** A class with four students, one removed, and one open request for a place. */
function baseState(): SessionState {
  let state = newSession();
  for (const id of STUDENT_IDS) join(state, id);
  for (const [actor, command] of [[TEACHER, { name: "student:remove", payload: { studentId: "p4" } }]] as const) {
    const d = decide(state, actor, command as SessionCommand, { now: FIXED_NOW, random: Math.random });
    if ("refusal" in d) throw d.refusal;
    for (const e of d.events) state = applyEvent(state, e);
  }
  const h = decideHandbackRequest(state, REQUEST_ID, "Student p2", FIXED_NOW);
  if ("refusal" in h) throw h.refusal;
  for (const e of h.events) state = applyEvent(state, e);
  return state;
}

function anActor(r: Random): Actor {
  const x = r();
  if (x < 0.45) return TEACHER;
  if (x < 0.9) return { role: "student", id: r() < 0.7 ? pick(r, STUDENT_IDS) : pick(r, NASTY_IDS) };
  return { role: "system", id: null };
}

/** The ids a payload names, when the command acts on a student or a request. */
function namedIds(name: CommandName, payload: Record<string, unknown>): { students: string[]; requests: string[] } {
  if (name === "student:hand-back") return { students: [], requests: [payload.requestId as string] };
  if (name.startsWith("student:")) return { students: [payload.studentId as string], requests: [] };
  return { students: [], requests: [] };
}

function expectValidRefusal(d: Decision, context: string): void {
  if (!("refusal" in d)) return;
  expect(errorCodeSchema.options, context).toContain(d.refusal.code);
  expect(d.refusal.message.trim().length, context).toBeGreaterThan(0);
}

/** Folds the events after checking each with its schema; returns the new state. */
function foldChecked(state: SessionState, events: SessionEvent[], context: string): SessionState {
  let next = state;
  for (const e of events) {
    expect(Object.hasOwn(eventSchemas, e.type), context).toBe(true);
    const parsed = eventSchemas[e.type].safeParse(e.payload);
    expect(parsed.success, `${context}: ${e.type} ${JSON.stringify(e.payload)?.slice(0, 300)}`).toBe(true);
    next = applyEvent(next, e);
  }
  return next;
}

/** What must hold of every state: students keyed by their own id on a plain object, seats that exist, JSON-safe numbers. */
function expectSound(state: SessionState, context: string): void {
  expect(Object.getPrototypeOf(state.students), context).toBe(Object.prototype);
  expect(Object.getPrototypeOf(state.handbacks), context).toBe(Object.prototype);
  for (const [key, s] of Object.entries(state.students)) {
    expect(s.id, context).toBe(key);
    expect(STUDENT_IDS, context).toContain(key);
    if (s.seat) expect(state.network.layers[s.seat.layer]?.neurons[s.seat.neuron], context).toBeDefined();
  }
  for (const [key, h] of Object.entries(state.handbacks)) expect(h.requestId, context).toBe(key);
  const numbers = leaves(state).filter(([, v]) => typeof v === "number");
  for (const [path, v] of numbers) expect(Number.isFinite(v), `${context}: ${path.join(".")}`).toBe(true);
  // Nothing reached Object.prototype.
  expect(({} as Record<string, unknown>).polluted, context).toBeUndefined();
}

describe("seeded command fuzz through the schemas, the rules and the reducer", () => {
  const MESSAGES = 40_000;

  it(`${MESSAGES} messages: refusals are explained, events parse and fold, the state stays sound`, () => {
    const r = seeded(20_261_125);
    const base = baseState();
    let state = base;
    const count = { schemaRefused: 0, decided: 0, refused: 0, accepted: 0, events: 0, mutatedButValid: 0, byMutation: {} as Record<string, number> };
    for (let i = 0; i < MESSAGES; i++) {
      // Start again now and then, and after the class ended, so every command meets a live class.
      if (i % 400 === 0 || state.status === "ended") state = base;
      let name = pick(r, ALL_COMMANDS);
      if (name === "room:end" && r() < 0.9) name = "room:lock";
      const { payload, mutation } = mutate(r, validPayload(r, name, state));
      count.byMutation[mutation] = (count.byMutation[mutation] ?? 0) + 1;
      const context = `message ${i}: ${name} (${mutation})`;

      const parsed = commands[name].payload.safeParse(payload);
      if (!parsed.success) {
        count.schemaRefused++;
        continue;
      }
      expect(ALWAYS_INVALID.has(mutation), `${context} passed the schema: ${JSON.stringify(payload)?.slice(0, 300)}`).toBe(false);
      if (mutation !== "none") count.mutatedButValid++;
      if (!isSessionCommand(name)) continue;

      const actor = anActor(r);
      const d = decide(state, actor, { name, payload: parsed.data } as SessionCommand, { now: FIXED_NOW + i, random: r });
      count.decided++;
      expectValidRefusal(d, context);
      if ("refusal" in d) {
        count.refused++;
        continue;
      }
      const ids = namedIds(name, parsed.data as Record<string, unknown>);
      for (const id of ids.students) expect(Object.hasOwn(state.students, id), `${context}: events for student "${id.slice(0, 20)}"`).toBe(true);
      for (const id of ids.requests) expect(Object.hasOwn(state.handbacks, id), `${context}: events for request "${id.slice(0, 20)}"`).toBe(true);
      if (actor.role === "student") expect(Object.hasOwn(state.students, actor.id), context).toBe(true);
      count.accepted++;
      count.events += d.events.length;
      state = foldChecked(state, d.events, context);
      if (i % 50 === 0) expectSound(state, context);
    }
    expectSound(state, "the end");
    // Every kind of message was tried, and a good share reached the rules and passed.
    expect(count.schemaRefused + count.decided).toBeLessThanOrEqual(MESSAGES);
    expect(count.schemaRefused).toBeGreaterThan(MESSAGES / 4);
    expect(count.refused).toBeGreaterThan(1000);
    expect(count.accepted).toBeGreaterThan(1000);
    expect(Object.keys(count.byMutation).sort()).toEqual(
      ["bad-index", "deep", "extra-field", "huge", "missing-field", "none", "not-an-object", "not-finite", "wrong-kind"],
    );
    console.info(`command fuzz: ${JSON.stringify(count)}`);
  });

  it("joins and requests for a place with strange names are accepted cleanly or refused with a reason", () => {
    const r = seeded(7);
    const names = [...NASTY_IDS, "Ada", "ada", "  Ada  ", "A\u0000da", "\u202eAda", "x".repeat(40), "x".repeat(41), "Name 1", "<script>", "💩".repeat(5)];
    let state = baseState();
    let joined = 0;
    for (let i = 0; i < 5_000; i++) {
      if (i % 200 === 0) state = baseState();
      const name = r() < 0.8 ? pick(r, names) : `${pick(r, names)}${Math.floor(r() * 1000)}`;
      const context = `join ${i}: ${JSON.stringify(name.slice(0, 40))}`;
      const d = r() < 0.7 ? decideJoin(state, `j${i}`, name) : decideHandbackRequest(state, `r${i}`, name, FIXED_NOW);
      expectValidRefusal(d, context);
      if ("events" in d) {
        joined++;
        state = foldChecked(state, d.events, context);
        const longest = Math.max(...Object.values(state.students).map((s) => s.nickname.length));
        if (longest > 100) expect.fail(`${context}: a nickname of ${longest} characters was accepted`);
      }
    }
    expect(joined).toBeGreaterThan(100);
  });
});

describe("ids that name something on Object.prototype", () => {
  const ids = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

  it.each(ids)("teacher commands naming %s are refused with NOT_FOUND, and log nothing", (id) => {
    const state = baseState();
    const named: SessionCommand[] = [
      { name: "student:move", payload: { studentId: id, seat: { layer: 0, neuron: 0 } } },
      { name: "student:rename", payload: { studentId: id, nickname: "Zed" } },
      { name: "student:remove", payload: { studentId: id } },
      { name: "student:readmit", payload: { studentId: id } },
      { name: "student:hand-back", payload: { requestId: id, granted: true } },
      { name: "student:hand-back", payload: { requestId: id, granted: false } },
    ];
    for (const command of named) {
      const parsed = commands[command.name].payload.safeParse(command.payload);
      expect(parsed.success).toBe(true);
      const d = decide(state, TEACHER, { ...command, payload: parsed.data } as SessionCommand, { now: FIXED_NOW, random: Math.random });
      expect("refusal" in d && d.refusal.code, `${command.name} ${id}`).toBe("NOT_FOUND");
    }
    // A phone whose id is one of them has no seat to set.
    const mine = decide(state, { role: "student", id }, { name: "neuron:set", payload: { bias: 1 } }, { now: FIXED_NOW, random: Math.random });
    expect("refusal" in mine && mine.refusal.code).toBe("FORBIDDEN");
  });

  it.each(ids)("events naming %s fold to the same state", (id) => {
    const state = baseState();
    const events: SessionEvent[] = [
      { type: "student.renamed", payload: { studentId: id, nickname: "Zed" } },
      { type: "student.moved", payload: { studentId: id, seat: { layer: 0, neuron: 0 } } },
      { type: "student.removed", payload: { studentId: id } },
      { type: "student.readmitted", payload: { studentId: id } },
      { type: "entry.set", payload: { studentId: id, values: { weights: [1, 1], bias: 0 } } },
      { type: "handback.resolved", payload: { requestId: id, studentId: "p2", granted: false } },
    ];
    for (const e of events) {
      const next = applyEvent(state, e);
      expect(next, `${e.type} ${id}`).toEqual(state);
      expect(Object.hasOwn(next.students, id)).toBe(false);
    }
  });
});
