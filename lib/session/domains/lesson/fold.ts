/** How the lesson's event changes the state. */
import type { Folds } from "../../rule-types";

export const lessonFolds: Folds<"lesson.step"> = {
  "lesson.step": (state, { step }) => ({ ...state, lesson: { step } }),
};
