/**
 * The forward-pass animation: the teacher plays, steps or stops it; while it plays, a timer
 * derived from the state moves the signal one column every PASS_STEP_MS, on every screen.
 */
import type { SessionEvent } from "../../events";
import type { Rules, Timer } from "../../rule-types";
import { PASS_STEP_MS, type SessionState } from "../../state";

type AnimationCommand = "animation:play" | "animation:step" | "animation:stop";

const set = (column: number | null, playing: boolean, at: number): SessionEvent[] => [
  { type: "animation.set", payload: { column, playing, at } },
];

/** The last column: the output layer (column 0 is the inputs). */
const lastColumn = (state: SessionState) => state.network.layers.length;

export const animationRules: Rules<AnimationCommand> = {
  "animation:play": { who: "teacher", run: (_s, _a, _p, ctx) => set(0, true, ctx.now) },
  "animation:step": {
    who: "teacher",
    run: (state, _a, _p, ctx) => {
      const current = state.animation.column;
      return set(current === null || current >= lastColumn(state) ? 0 : current + 1, false, ctx.now);
    },
  },
  "animation:stop": { who: "teacher", run: (_s, _a, _p, ctx) => set(null, false, ctx.now) },
};

/**
 * While the pass plays: the next column one step after the last one lit; after the output
 * layer has been lit for a step, the animation ends with everything lit.
 */
export function animationTimers(state: SessionState): Timer[] {
  const { playing, column, at } = state.animation;
  if (!playing || column === null || at === null || state.status !== "live") return [];
  return [
    {
      key: `animation:${at}:${column}`,
      at: at + PASS_STEP_MS,
      fire: (current, now) => {
        if (current.animation.at !== at || current.animation.column !== column) return [];
        return column >= lastColumn(current) ? set(null, false, now) : set(column + 1, true, now);
      },
    },
  ];
}
