/**
 * Training mode's words on the phone: which way a slope says to move a number, and what my
 * last move did to the class's loss. Pure, for the training chunk and the tests.
 */
import { formatValue } from "../../../lib/session/format";

/** Slopes smaller than this print as 0.000: nothing to gain by moving. */
export const HOLD_BELOW = 0.0005;

export type NudgeWay = "raise" | "lower" | "hold";

/**
 * Down the gradient: a positive slope means lowering the number lowers the loss.
 * @example
 * nudgeWay(-0.2); // "raise"
 * nudgeWay(0.0001); // "hold"
 */
export function nudgeWay(slope: number): NudgeWay {
  if (Math.abs(slope) < HOLD_BELOW) return "hold";
  return slope > 0 ? "lower" : "raise";
}

/** The loss of the class network with my values before a move, and with my values after it. */
export interface NudgeEffect {
  before: number;
  after: number;
}

/**
 * "Helped: loss 0.412 → 0.398", "Hurt: loss 0.398 → 0.405", "No change: loss 0.398" (the two
 * losses print the same).
 * @example
 * nudgeEffectText({ before: 0.412, after: 0.398 }); // "Helped: loss 0.412 → 0.398"
 */
export function nudgeEffectText({ before, after }: NudgeEffect): string {
  const a = formatValue(before);
  const b = formatValue(after);
  if (a === b) return `No change: loss ${a}`;
  return `${after < before ? "Helped" : "Hurt"}: loss ${a} → ${b}`;
}

/**
 * How a move went, for its colour: "helped", "hurt" or "same", as nudgeEffectText words it.
 * @example
 * nudgeEffectTone({ before: 0.4, after: 0.5 }); // "hurt"
 */
export function nudgeEffectTone(effect: NudgeEffect): "helped" | "hurt" | "same" {
  const text = nudgeEffectText(effect);
  return text.startsWith("Helped") ? "helped" : text.startsWith("Hurt") ? "hurt" : "same";
}
