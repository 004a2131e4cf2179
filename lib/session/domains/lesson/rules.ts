/**
 * The lesson flow: the teacher moves the class through the lesson's steps. A step with its own
 * network loads it in the same command when the class is on another one (the dashboard asks
 * first when that would discard students' entries, as it does for network:load-preset).
 */
import { LESSON_STEPS } from "../../../lesson/steps";
import type { SessionEvent } from "../../events";
import { refuse } from "../../refuse";
import type { Rules } from "../../rule-types";
import { presetLoaded } from "../network/rules";
import { presetToLoad } from "./step";

export const lessonRules: Rules<"lesson:go"> = {
  "lesson:go": {
    who: "teacher",
    run: (state, _actor, { step }) => {
      if (step !== null && step >= LESSON_STEPS.length) {
        refuse("NOT_FOUND", `The lesson has ${LESSON_STEPS.length} steps: there is no step ${step + 1}.`);
      }
      const events: SessionEvent[] = [{ type: "lesson.step", payload: { step } }];
      const presetId = presetToLoad(state, step);
      if (presetId !== null) events.push(presetLoaded(presetId));
      return events;
    },
  },
};
