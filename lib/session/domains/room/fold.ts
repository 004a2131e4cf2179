/** How the room domain's events change the state (immutably). */
import type { Folds } from "../../rule-types";

type RoomEventType = "session.ended" | "room.locked" | "phones.paused" | "names.hidden" | "event.redacted";

export const roomFolds: Folds<RoomEventType> = {
  "session.ended": (state) => ({ ...state, status: "ended", animation: { column: null, playing: false, at: null } }),
  "room.locked": (state, { locked }) => ({ ...state, roomLocked: locked }),
  "phones.paused": (state, { paused }) => ({ ...state, paused }),
  "names.hidden": (state, { hidden }) => ({ ...state, hideNames: hidden }),
  "event.redacted": (state) => state,
};
