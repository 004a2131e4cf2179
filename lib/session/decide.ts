/**
 * The session's rules, gathered from the domains: given the state, who is asking and a
 * validated command, the events to log, or a refusal (a ProtocolError). Pure: the room
 * passes the time and the random source in, so tests and replays are deterministic.
 */
import { ProtocolError } from "../protocol/errors";
import { animationRules, animationTimers } from "./domains/animation/rules";
import { lessonRules } from "./domains/lesson/rules";
import { networkRules } from "./domains/network/rules";
import { gradingJobs } from "./domains/quiz/grading";
import { arrivalDraws, quizRules, quizTimers } from "./domains/quiz/rules";
import { roomRules } from "./domains/room/rules";
import { handbackEvents, joinEvents, rosterRules } from "./domains/roster/rules";
import { trainingRules } from "./domains/training/rules";
import type { SessionEvent } from "./events";
import type { Actor, DecideContext, Job, Rule, RuleEntry, SessionCommand, SessionCommandName, Timer } from "./rule-types";
import { foldEvents } from "./reducer";
import type { SessionState } from "./state";

export type { Actor, DecideContext, Job, SessionCommand, SessionCommandName, Timer } from "./rule-types";
export type Refusal = ProtocolError;
export type Decision = { events: SessionEvent[] } | { refusal: ProtocolError };

const rules: { [K in SessionCommandName]: RuleEntry<K> } = {
  ...networkRules,
  ...rosterRules,
  ...roomRules,
  ...animationRules,
  ...quizRules,
  ...lessonRules,
  ...trainingRules,
};

/** Every session command, for the server to bind. */
export const SESSION_COMMAND_NAMES = Object.keys(rules) as SessionCommandName[];

/**
 * Checks whether a string names a session command (the rest are connection-level).
 * @example
 * isSessionCommand("room:lock"); // true
 */
export function isSessionCommand(name: string): name is SessionCommandName {
  return Object.hasOwn(rules, name);
}

function attempt(make: () => SessionEvent[]): Decision {
  try {
    return { events: make() };
  } catch (err) {
    if (err instanceof ProtocolError) return { refusal: err };
    throw err;
  }
}

/**
 * The events a command produces, or why it is refused.
 * @example
 * decide(state, { role: "student", id: "p1" }, { name: "neuron:set", payload: { bias: 0.5 } }, { now: Date.now(), random: Math.random });
 */
export function decide(state: SessionState, actor: Actor, command: SessionCommand, ctx: DecideContext): Decision {
  return attempt(() => {
    if (state.status === "ended") throw new ProtocolError("SESSION_ENDED", "This class has ended.");
    const entry = rules[command.name] as RuleEntry<typeof command.name>;
    if (actor.role === "student" && entry.who !== "student") throw new ProtocolError("FORBIDDEN", "Only the teacher can do that.");
    if (actor.role === "teacher" && entry.who === "student") {
      throw new ProtocolError("FORBIDDEN", "The teacher sets neurons with network:set-neuron.");
    }
    return (entry.run as Rule<typeof command.name>)(state, actor, command.payload as never, ctx);
  });
}

/**
 * Whether a new student may join now, and under which name.
 * @example
 * decideJoin(state, "p7", "Ada"); // { events: [...] } or { refusal }
 */
export function decideJoin(state: SessionState, studentId: string, rawName: string): Decision {
  return attempt(() => {
    const joined = joinEvents(state, studentId, rawName);
    // Arriving during a parametric question: their own numbers, drawn where they sit.
    return [...joined, ...arrivalDraws(foldEvents(state, joined), studentId)];
  });
}

/**
 * A new phone asking for an existing student's place; the teacher answers with `student:hand-back`.
 * @example
 * decideHandbackRequest(state, "req-1", "Ada", Date.now());
 */
export function decideHandbackRequest(state: SessionState, requestId: string, rawName: string, now: number): Decision {
  return attempt(() => handbackEvents(state, requestId, rawName, now));
}

/**
 * What the room must do later, derived from the state (a playing animation's next step).
 * @example
 * dueTimers(state).filter((t) => t.at <= now);
 */
export function dueTimers(state: SessionState): Timer[] {
  return [...animationTimers(state), ...quizTimers(state)];
}

/**
 * The work the room must have running for this state (programs waiting to be graded).
 * @example
 * dueJobs(state).map((j) => j.key); // ["grade:q3-p7-2"]
 */
export function dueJobs(state: SessionState): Job[] {
  return gradingJobs(state);
}
