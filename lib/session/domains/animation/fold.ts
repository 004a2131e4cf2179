/** How the animation event changes the state. */
import type { Folds } from "../../rule-types";

export const animationFolds: Folds<"animation.set"> = {
  "animation.set": (state, animation) => ({ ...state, animation: { ...animation } }),
};
