/**
 * What a lesson step means for a live session, shared by the rules (server), the dashboard
 * (to ask before a preset replaces the class's entries) and the phones. No runtime imports
 * but the lesson's content, so the phone's bundle stays small.
 */
import { LESSON_STEPS, type LessonStep } from "../../../lesson/steps";
import type { PresetId } from "../../../lesson/presets";
import type { SessionState } from "../../state";

/**
 * The step the class is on, or null (not started, or free play).
 * @example
 * currentStep(state)?.title; // "One artificial neuron"
 */
export function currentStep(state: Pick<SessionState, "lesson">): LessonStep | null {
  const step = state.lesson?.step;
  return step === null || step === undefined ? null : (LESSON_STEPS[step] ?? null);
}

/**
 * The preset that going to `step` loads: the step's own network when the class is on another.
 * @example
 * presetToLoad({ presetId: "classifier" }, 0); // "bright-and-edgy"
 */
export function presetToLoad(state: Pick<SessionState, "presetId">, step: number | null): PresetId | null {
  const presetId = step === null ? null : (LESSON_STEPS[step]?.presetId ?? null);
  return presetId !== null && presetId !== state.presetId ? presetId : null;
}

/**
 * Whether phones only read in this state (a "read" step): no slider moves a neuron.
 * @example
 * readOnlyStep({ lesson: { step: 2 } }); // true: "Why depth matters" is read along
 */
export function readOnlyStep(state: Pick<SessionState, "lesson">): boolean {
  return currentStep(state)?.phones === "read";
}
