/**
 * Messages for the fuzz tests: a valid payload for every command, drawn with a session's
 * state in mind, and mutations of it (wrong kinds, missing and extra fields, huge numbers,
 * NaN, bad indices, non-objects), with ids such as "__proto__". Seeded by the caller.
 */
import { commands, type CommandName } from "../../lib/protocol";
import { PRESETS } from "../../lib/lesson/presets";
import type { SessionState } from "../../lib/session/state";
import { FIXED_NOW } from "./session-fixtures";

/** Ids that once found something on Object.prototype, and other strange ones. */
export const NASTY_IDS = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "isPrototypeOf",
  "__defineGetter__",
  "",
  " ",
  "p1 ",
  "P1",
  "x".repeat(64),
  "x".repeat(65),
  "x".repeat(100_000),
  "🙂",
];
export const HUGE = [Number.MAX_VALUE, -Number.MAX_VALUE, 1e308, 2 ** 53 + 1, -(2 ** 31), 1e-320];
const NOT_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
/** Values of each JSON kind, to put where another kind belongs. */
const KINDS: Record<string, unknown[]> = {
  number: [0, 1, -1, 0.5, 42],
  string: ["1", "true", "", "__proto__"],
  boolean: [true, false],
  array: [[], [1], ["a"]],
  object: [{}, { a: 1 }, { __proto__: { polluted: true } }],
};

export const ALL_COMMANDS = Object.keys(commands) as CommandName[];
export const STUDENT_IDS = ["p1", "p2", "p3", "p4"];
export const REQUEST_ID = "req-1";

export type Random = () => number;
export const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
const num = (r: Random, lo: number, hi: number) => Math.round((lo + r() * (hi - lo)) * 100) / 100;
const kindOf = (v: unknown) => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);

/** Ids of real students half the time, strange ones otherwise. */
export function anId(r: Random, students: readonly string[] = STUDENT_IDS): string {
  return r() < 0.5 ? pick(r, students) : pick(r, NASTY_IDS);
}

function aSeat(r: Random, state: SessionState): { layer: number; neuron: number } {
  const layer = Math.floor(r() * state.network.layers.length);
  return { layer, neuron: Math.floor(r() * state.network.layers[layer]!.neurons.length) };
}

function valuesFor(r: Random, state: SessionState, seat: { layer: number; neuron: number }) {
  const n = state.network.layers[seat.layer]!.neurons[seat.neuron]!;
  return { weights: n.weights.map(() => num(r, -5, 5)), bias: num(r, -5, 5) };
}

/** A payload the protocol accepts, drawn with the state in mind (ids may still name nobody). */
export function validPayload(
  r: Random,
  name: CommandName,
  state: SessionState,
  known: { students: readonly string[]; request: string } = { students: STUDENT_IDS, request: REQUEST_ID },
): Record<string, unknown> {
  switch (name) {
    case "system:ping":
      return { clientTime: FIXED_NOW };
    case "neuron:set": {
      const v = valuesFor(r, state, aSeat(r, state));
      return r() < 0.3 ? { bias: v.bias } : r() < 0.5 ? { weights: v.weights } : v;
    }
    case "network:set-neuron": {
      const seat = aSeat(r, state);
      return { ...seat, values: valuesFor(r, state, seat) };
    }
    case "network:set-inputs":
      return { inputs: state.network.layers[0]!.neurons[0]!.weights.map(() => num(r, -2, 2)) };
    case "network:load": {
      const p = structuredClone(pick(r, PRESETS));
      return { network: p.network, inputs: p.inputs, inputLabels: p.inputLabels, outputLabels: p.outputLabels, presetId: p.id };
    }
    case "network:load-preset":
      return { presetId: r() < 0.7 ? pick(r, PRESETS).id : pick(r, NASTY_IDS).slice(0, 40) };
    case "network:lock":
      return { layer: r() < 0.3 ? null : Math.floor(r() * 4), locked: r() < 0.5 };
    case "network:team-mode":
      return { mode: r() < 0.5 ? "latest" : "average" };
    case "network:threshold":
      return { threshold: r() };
    case "network:range":
      return { min: -num(r, 0.5, 20), max: num(r, 0.5, 20) };
    case "room:lock":
      return { locked: r() < 0.5 };
    case "room:pause":
      return { paused: r() < 0.5 };
    case "room:hide-names":
      return { hidden: r() < 0.5 };
    case "student:move":
      return { studentId: anId(r, known.students), seat: aSeat(r, state) };
    case "student:rename":
      return { studentId: anId(r, known.students), nickname: r() < 0.5 ? `Name ${Math.floor(r() * 50)}` : pick(r, NASTY_IDS).slice(0, 100) };
    case "student:remove":
    case "student:readmit":
      return { studentId: anId(r, known.students) };
    case "lesson:go":
      return { step: r() < 0.15 ? null : Math.floor(r() * 8) };
    case "training:start":
      return r() < 0.3
        ? { dataset: { id: "custom", csv: r() < 0.5 ? "x,y,label\n1,0,1\n0,1,0" : "1,2\nabc" }, learningRate: num(r, 0.01, 10) }
        : { dataset: { id: pick(r, ["spam", "bright-and-edgy", "and", "or", "xor"]) } };
    case "training:round":
      return { action: r() < 0.5 ? "start" : "end" };
    case "training:learning-rate":
      return { learningRate: num(r, 0.01, 10) };
    case "student:hand-back":
      return { requestId: r() < 0.5 ? known.request : pick(r, NASTY_IDS), granted: r() < 0.5 };
    default:
      return {};
  }
}

export type Mutation = "none" | "extra-field" | "not-finite" | "wrong-kind" | "missing-field" | "huge" | "bad-index" | "deep" | "not-an-object";
/** Mutations after which no schema may accept the message. */
export const ALWAYS_INVALID = new Set<Mutation>(["extra-field", "not-finite", "wrong-kind", "not-an-object"]);

/** Every [path, value] inside a payload, objects and arrays included. */
export function leaves(value: unknown, path: (string | number)[] = []): [(string | number)[], unknown][] {
  const out: [(string | number)[], unknown][] = path.length ? [[path, value]] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...leaves(v, [...path, i])));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...leaves(v, [...path, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  Object.defineProperty(node, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}

export function mutate(r: Random, payload: Record<string, unknown>): { payload: unknown; mutation: Mutation } {
  const m = pick<Mutation>(r, ["none", "extra-field", "not-finite", "wrong-kind", "missing-field", "huge", "bad-index", "deep", "not-an-object"]);
  const copy = structuredClone(payload);
  const top = Object.keys(copy);
  const numbers = leaves(copy).filter(([, v]) => typeof v === "number");
  switch (m) {
    case "extra-field":
      setAt(copy, [pick(r, ["extra", "__proto__", "constructor", "studentId2", "role"])], pick(r, [1, "x", null, {}]));
      return { payload: copy, mutation: m };
    case "not-finite":
      if (numbers.length === 0) return { payload: copy, mutation: "none" };
      setAt(copy, pick(r, numbers)[0], pick(r, NOT_FINITE));
      return { payload: copy, mutation: m };
    case "wrong-kind": {
      // A null field (network:lock's layer) also takes a number: change only fields with a value.
      const filled = top.filter((k) => copy[k] !== null);
      if (filled.length === 0) return { payload: copy, mutation: "none" };
      const key = pick(r, filled);
      const kinds = Object.keys(KINDS).filter((k) => k !== kindOf(copy[key]));
      copy[key] = pick(r, KINDS[pick(r, kinds)]!);
      return { payload: copy, mutation: m };
    }
    case "missing-field":
      if (top.length) delete copy[pick(r, top)];
      return { payload: copy, mutation: m };
    case "huge":
      if (numbers.length === 0) return { payload: copy, mutation: "none" };
      setAt(copy, pick(r, numbers)[0], pick(r, HUGE));
      return { payload: copy, mutation: m };
    case "bad-index":
      if (numbers.length === 0) return { payload: copy, mutation: "none" };
      setAt(copy, pick(r, numbers)[0], pick(r, [-1, -0, 0.5, 1.5, 64, 256, 2 ** 32]));
      return { payload: copy, mutation: m };
    case "deep": {
      const all = leaves(copy);
      if (all.length === 0) return { payload: copy, mutation: "none" };
      setAt(copy, pick(r, all)[0], pick(r, [null, undefined, "", -1, [], {}, "x".repeat(5000), ...NASTY_IDS]));
      return { payload: copy, mutation: m };
    }
    case "not-an-object":
      return { payload: pick(r, [null, undefined, 0, "", "{}", [], [copy], true]), mutation: m };
    default:
      return { payload: copy, mutation: "none" };
  }
}


/** One fuzzed message and how to send it: with an acknowledgement, without one, as an unknown event, or not at all (too big). */
export interface FuzzMessage {
  kind: "ack" | "no-ack" | "unknown" | "too-big";
  name: string;
  payload: unknown;
  mutation: Mutation;
}

/** Payloads past this size go on sockets of their own (they close the socket: 64 KB limit). */
const TOO_BIG = 32 * 1024;

/**
 * The next message of a socket fuzz against a live class: a command (valid or mutated)
 * for the class's current `state`, naming its `students`; 3% unknown events, 2% without an
 * acknowledgement. The class stays open and everyone stays in it, so later messages still
 * meet a live class: `room:end` is never sent, and removals and hand-backs name no one real.
 * @example
 * const m = fuzzMessage(seeded(1), state, ["p1"]); if (m.kind === "ack") await sendUnchecked(socket, m.name, m.payload);
 */
export function fuzzMessage(r: Random, state: SessionState, students: readonly string[]): FuzzMessage {
  let name: string = pick(r, ALL_COMMANDS);
  if (name === "room:end") name = "room:hide-names";
  let { payload, mutation } = mutate(r, validPayload(r, name as CommandName, state, { students: [...students], request: "no-such-request" }));
  if ((name === "student:remove" || name === "student:hand-back") && payload && typeof payload === "object") {
    payload = { ...payload, studentId: pick(r, NASTY_IDS.slice(0, 7)), requestId: "no-such-request" };
  }
  if (JSON.stringify(payload ?? null).length > TOO_BIG) return { kind: "too-big", name, payload, mutation };
  const roll = r();
  if (roll < 0.03) return { kind: "unknown", name: pick(r, ["__proto__", "constructor", "session:snapshot", "neuron:set ", "x".repeat(200)]), payload, mutation };
  if (roll < 0.05) return { kind: "no-ack", name, payload, mutation };
  return { kind: "ack", name, payload, mutation };
}
