/**
 * The session reducer: folds one event into the state. The server (live), the browsers
 * (live view, replay, optimistic preview) and the tests all use this one function, so
 * every screen agrees. Each domain owns the folds of its own events (domains/<name>/fold.ts).
 *
 * It never changes its input: it returns a new state that shares every part the event did
 * not touch, so a screen can tell by reference what changed, and the server can keep its
 * committed state while folding ahead on a working copy at no cost.
 */
import { animationFolds } from "./domains/animation/fold";
import { lessonFolds } from "./domains/lesson/fold";
import { networkFolds } from "./domains/network/fold";
import { quizFolds } from "./domains/quiz/fold";
import { roomFolds } from "./domains/room/fold";
import { rosterFolds } from "./domains/roster/fold";
import { trainingFolds } from "./domains/training/fold";
import { initialTraining } from "./domains/training/state";
import { DEFAULT_QUIZ_SETTINGS } from "../quiz/scoring";
import type { LoggedEvent, SessionEvent, SessionEventType } from "./events";
import type { EventOf, Fold } from "./rule-types";
import { withSetup } from "./seat-ops";
import { DEFAULT_RANGE, DEFAULT_THRESHOLD, type SessionState } from "./state";

/**
 * A new session's state from its first event.
 * @example
 * const state = createState({ type: "session.created", payload: { id, code, ...setup } });
 */
export function createState(event: EventOf<"session.created">): SessionState {
  const { id, code, ...setup } = event.payload;
  const empty: SessionState = {
    id,
    code,
    status: "live",
    network: { layers: [] },
    initialNetwork: { layers: [] },
    inputs: [],
    inputLabels: [],
    outputLabels: [],
    presetId: null,
    students: {},
    joinCount: 0,
    teamMode: "latest",
    range: { ...DEFAULT_RANGE },
    locks: { network: false, layers: [] },
    roomLocked: false,
    paused: false,
    hideNames: false,
    threshold: DEFAULT_THRESHOLD,
    animation: { column: null, playing: false, at: null },
    handbacks: {},
    lesson: { step: null },
    training: initialTraining(),
    quiz: { settings: { ...DEFAULT_QUIZ_SETTINGS }, run: null, answers: {}, scores: {}, leaderboard: false, launched: 0, grading: {}, graded: {} },
  };
  return withSetup(empty, setup);
}

const folds: { [T in SessionEventType]: T extends "session.created" ? null : Fold<T> } = {
  ...networkFolds,
  ...rosterFolds,
  ...roomFolds,
  ...animationFolds,
  ...quizFolds,
  ...lessonFolds,
  ...trainingFolds,
  "session.created": null,
};

/**
 * The state after one event; `state` itself is left as it was.
 * @example
 * const next = applyEvent(state, { type: "inputs.set", payload: { inputs: [0.5, 0.5] } });
 */
export function applyEvent(state: SessionState, event: SessionEvent): SessionState {
  if (event.type === "session.created") return createState(event);
  const fold = folds[event.type] as Fold<typeof event.type> | undefined;
  // An event type this build does not know (a newer server's) changes nothing here.
  return fold ? fold(state, event.payload as never) : state;
}

/**
 * Folds a list of events, starting from a snapshot or from nothing.
 * @example
 * const state = foldEvents(null, events);
 */
export function foldEvents(state: SessionState | null, events: readonly (SessionEvent | LoggedEvent)[]): SessionState {
  let current = state;
  for (const e of events) {
    if (current === null) {
      if (e.type !== "session.created") throw new Error(`a session's log must start with session.created, not ${e.type}`);
      current = createState(e);
    } else {
      current = applyEvent(current, e);
    }
  }
  if (!current) throw new Error("no events to fold");
  return current;
}
