/** The room domain's rules: the teacher's switches for the whole class. */
import type { Rules } from "../../rule-types";

type RoomCommand = "room:lock" | "room:pause" | "room:hide-names" | "room:end";

export const roomRules: Rules<RoomCommand> = {
  "room:lock": { who: "teacher", run: (_s, _a, { locked }) => [{ type: "room.locked", payload: { locked } }] },
  "room:pause": { who: "teacher", run: (_s, _a, { paused }) => [{ type: "phones.paused", payload: { paused } }] },
  "room:hide-names": { who: "teacher", run: (_s, _a, { hidden }) => [{ type: "names.hidden", payload: { hidden } }] },
  "room:end": { who: "teacher", run: () => [{ type: "session.ended", payload: {} }] },
};
