/**
 * What each kind of viewer may receive, computed from the state and from each event. Pure:
 * the room delivers through these, so a screen that must not show something never gets it
 * (hiding it on the screen is not enough).
 *
 * - teacher: everything.
 * - student: everything but teacher-only parts (requests to hand a place back, a question's
 *   key, every student's numbers and answers, the scores); each phone's own numbers,
 *   answer and rank come separately (domains/quiz/mine.ts).
 * - viewer (the projector view, later a replay viewer): like a student, no names while the
 *   teacher hides them, and of the scores only the top five.
 *
 * Fields are copied by an explicit policy, so a field added to the state reaches nobody but
 * the teacher until it is given a policy here.
 */
import { projectQuiz, projectQuizEvent } from "./domains/quiz/views";
import type { LoggedEvent, SessionEventType } from "./events";
import type { SessionState, Student } from "./state";

export { myQuiz, type MyQuiz } from "./domains/quiz/mine";

export type ViewerKind = "teacher" | "student" | "viewer";
export const VIEWER_KINDS: readonly ViewerKind[] = ["teacher", "student", "viewer"];

type Policy = "everyone" | "teacher" | "names" | "quiz";

const STATE_POLICY: Record<keyof SessionState, Policy> = {
  id: "everyone",
  code: "everyone",
  status: "everyone",
  network: "everyone",
  initialNetwork: "everyone",
  inputs: "everyone",
  inputLabels: "everyone",
  outputLabels: "everyone",
  presetId: "everyone",
  students: "names",
  joinCount: "everyone",
  teamMode: "everyone",
  range: "everyone",
  locks: "everyone",
  roomLocked: "everyone",
  paused: "everyone",
  hideNames: "everyone",
  threshold: "everyone",
  animation: "everyone",
  handbacks: "teacher",
  lesson: "everyone",
  quiz: "quiz",
  training: "everyone",
};

/** What a teacher-only field looks like to everyone else (the type's empty value). */
const EMPTY: Partial<Record<keyof SessionState, unknown>> = { handbacks: {} };

const TEACHER_ONLY_EVENTS = new Set<SessionEventType>(["handback.requested", "handback.resolved", "quiz.drawn", "quiz.graded"]);

const namesHidden = (state: SessionState, kind: ViewerKind) => kind === "viewer" && state.hideNames;

function withoutNames(students: Record<string, Student>): Record<string, Student> {
  const out: Record<string, Student> = {};
  for (const [id, s] of Object.entries(students)) out[id] = { ...s, nickname: "" };
  return out;
}

/**
 * The state as this kind of viewer may see it.
 * @example
 * projectState(state, "viewer").students; // nicknames blank while names are hidden
 */
export function projectState(state: SessionState, kind: ViewerKind): SessionState {
  if (kind === "teacher") return state;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(STATE_POLICY) as (keyof SessionState)[]) {
    const policy = STATE_POLICY[key];
    if (policy === "teacher") out[key] = EMPTY[key];
    else if (policy === "quiz") out[key] = projectQuiz(state, kind);
    else if (policy === "names" && namesHidden(state, kind)) out[key] = withoutNames(state.students);
    else out[key] = state[key];
  }
  return out as unknown as SessionState;
}

/**
 * One logged event as this kind of viewer may see it, given the state right after it:
 * the event itself, a redacted stand-in with the same seq, or "resync" when the viewer's
 * copy cannot follow by folding and needs a fresh projected snapshot.
 * @example
 * projectEvent({ seq: 9, actor: "t", type: "names.hidden", payload: { hidden: false } }, "viewer", after); // "resync"
 */
export function projectEvent(event: LoggedEvent, kind: ViewerKind, after: SessionState): LoggedEvent | "resync" {
  if (kind === "teacher") return event;
  if (TEACHER_ONLY_EVENTS.has(event.type)) return { seq: event.seq, actor: null, type: "event.redacted", payload: {} };
  const quiz = projectQuizEvent(event, after);
  if (quiz !== null) return quiz;
  if (kind === "viewer") {
    if (event.type === "names.hidden") return "resync";
    if ((event.type === "student.joined" || event.type === "student.renamed") && after.hideNames) {
      return { ...event, payload: { ...event.payload, nickname: "" } };
    }
  }
  return event;
}
