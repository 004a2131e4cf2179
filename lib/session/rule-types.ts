/**
 * The shapes every domain of the session fills in: rules that turn a validated command into
 * events (or throw a ProtocolError), and folds that turn an event into the next state.
 * Kept free of zod and of any runtime import, so the phone's bundle stays small.
 */
import type { CommandName, ValidPayload } from "../protocol/commands";
import type { SessionEvent, SessionEventType } from "./events";
import type { CodeJob, RunOutcome } from "../quiz/code-run";
import type { SessionState } from "./state";

/** Who asks: the teacher, a student, or the room itself (a timer firing). */
export type Actor = { role: "teacher"; id: string } | { role: "student"; id: string } | { role: "system"; id: null };

/** What the room hands the rules: the time now (ms), and random numbers in [0, 1). */
export interface DecideContext {
  now: number;
  random: () => number;
  /**
   * For a quiz answer: when the question reached this phone (server clock, null when not
   * known) and the phone's one-way delay (half its median round trip), measured by the server.
   */
  timing?: { sentAt: number | null; oneWayMs: number };
}

/** Commands that act on a session (the others are connection-level: ping, sync, and the teacher's check of a code question). */
export type SessionCommandName = Exclude<CommandName, "system:ping" | "session:sync" | "quiz:check-code">;

/** A command as the protocol validated it; its type comes from lib/protocol, never written twice. */
export type SessionCommand = { [K in SessionCommandName]: { name: K; payload: ValidPayload<K> } }[SessionCommandName];

export type Rule<K extends SessionCommandName> = (
  state: SessionState,
  actor: Actor,
  payload: ValidPayload<K>,
  ctx: DecideContext,
) => SessionEvent[];

/** A rule and who may ask for it (the room itself, as "system", may run any). */
export interface RuleEntry<K extends SessionCommandName> {
  who: "teacher" | "student";
  run: Rule<K>;
}

/** A domain's rules, by command name. */
export type Rules<K extends SessionCommandName> = { [N in K]: RuleEntry<N> };

export type EventOf<T extends SessionEventType> = Extract<SessionEvent, { type: T }>;
export type Fold<T extends SessionEventType> = (state: SessionState, payload: EventOf<T>["payload"]) => SessionState;

/** A domain's folds, by event type. */
export type Folds<T extends SessionEventType> = { [N in T]: Fold<N> };

/**
 * Something the room must do at a time, derived from the state alone (so it survives a
 * restart and replays the same): at `at`, the room folds what `fire` returns. `key` names
 * the timer so the room re-arms it only when it changes.
 */
export interface Timer {
  key: string;
  at: number;
  fire: (state: SessionState, now: number) => SessionEvent[];
}

/** The kinds of work the room runs outside the rules, with what each takes and gives back. */
export interface JobKinds {
  /** Run a student's program in the sandbox (server/grader). */
  "grade-code": { input: CodeJob; output: RunOutcome };
}

/**
 * Work the room must run outside the rules, derived from the state alone like a timer, so a
 * program stored before a restart is still graded after it. The server supplies an executor
 * per `kind`; when it ends, `done` turns its output into events, decided on the state of
 * that moment. `key` names the job so the room starts it once.
 */
export type Job = {
  [K in keyof JobKinds]: { key: string; kind: K; input: JobKinds[K]["input"]; done: (state: SessionState, output: JobKinds[K]["output"], now: number) => SessionEvent[] };
}[keyof JobKinds];
