/**
 * What a replay shows to whom. The teacher sees the state and events as they were. A link
 * sees what the projector may show (lib/session/views.ts, kind "viewer"), with the link's
 * own choice of names: blank when the link hides them, whatever the class had set.
 */
import type { LoggedEvent } from "../../lib/session/events";
import type { SessionState } from "../../lib/session/state";
import { projectEvent, projectState } from "../../lib/session/views";

export interface ReplayViewer {
  viewer: "teacher" | "link";
  hideNames: boolean;
}

/** A logged event with its time, as the replay routes send it. */
export type ReplayEvent = (LoggedEvent | { seq: number; actor: null; type: "event.redacted"; payload: object; resync?: true }) & {
  at: number;
};

/**
 * @example
 * projectReplayState(state, { viewer: "link", hideNames: true }).students; // nicknames ""
 */
export function projectReplayState(state: SessionState, who: ReplayViewer): SessionState {
  if (who.viewer === "teacher") return state;
  return projectState({ ...state, hideNames: who.hideNames }, "viewer");
}

/**
 * One event for the viewer, given the state just after it. A link's names never change with
 * the class's switch, so `names.hidden` arrives redacted; an event the projector could not
 * fold (the reveal: the key and results at once) arrives as `event.redacted` with
 * `resync: true`, and the viewer asks for `replay/state?seq=` of that seq.
 * @example
 * projectReplayEvent(answered, after, { viewer: "link", hideNames: false }); // a quiz.tallied with the count
 */
export function projectReplayEvent(event: LoggedEvent, at: number, after: SessionState, who: ReplayViewer): ReplayEvent {
  if (who.viewer === "teacher") return { ...event, at };
  const redacted = { seq: event.seq, actor: null, type: "event.redacted" as const, payload: {}, at };
  if (event.type === "names.hidden") return redacted;
  const projected = projectEvent(event, "viewer", { ...after, hideNames: who.hideNames });
  if (projected === "resync") return { ...redacted, resync: true };
  return { ...projected, at };
}
