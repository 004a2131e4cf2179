/**
 * One logged event as a sentence for the replay's timeline: "Ada moved Hidden 1 · neuron 2",
 * "Question 2 revealed", "Step 3: Why depth". Pure; reads names and seats from the state just
 * after the event (a removed student keeps their record there). Names follow the screens'
 * rule: blank (a link that hides names) or hidden by the teacher reads "Student 3".
 */
import { LESSON_STEPS } from "../lesson/steps";
import { getPreset, isPresetId } from "../lesson/presets";
import type { LoggedEvent, SessionEvent } from "../session/events";
import { formatValue } from "../session/format";
import type { Seat, SessionState } from "../session/state";

/**
 * A neuron's name in a sentence.
 * @example
 * seatName({ layer: 0, neuron: 1 }, 2); // "Hidden 1 · neuron 2"
 * seatName({ layer: 1, neuron: 0 }, 2); // "Output · neuron 1"
 */
export function seatName(seat: Seat, layerCount: number): string {
  const layer = seat.layer === layerCount - 1 ? "Output" : `Hidden ${seat.layer + 1}`;
  return `${layer} · neuron ${seat.neuron + 1}`;
}

/** How a student is named on screen at that moment. */
export function studentName(state: SessionState, studentId: string): string {
  const s = state.students[studentId];
  if (!s) return "A student";
  if (state.hideNames || s.nickname.trim() === "") return `Student ${s.joinIndex}`;
  return s.nickname;
}

function questionName(state: SessionState, runId: string): string {
  const run = state.quiz.run;
  return run && run.runId === runId ? `Question ${run.number}` : "A question";
}

const numbers = (xs: readonly number[]) => xs.map(formatValue).join(", ");

type Of<T extends SessionEvent["type"]> = Extract<SessionEvent, { type: T }>["payload"];

/**
 * @example
 * describeEvent({ seq: 5, actor: "p1", type: "entry.set", payload: { studentId: "p1", values } }, after); // "Ada moved Hidden 1 · neuron 1"
 */
export function describeEvent(event: LoggedEvent | SessionEvent, after: SessionState): string {
  const layers = after.network.layers.length;
  const who = (id: string) => studentName(after, id);
  const p = event.payload as never;
  switch (event.type) {
    case "session.created":
      return "Session started";
    case "session.ended":
      return "Session ended";
    case "entry.set": {
      const { studentId } = p as Of<"entry.set">;
      const seat = after.students[studentId]?.seat;
      return seat ? `${who(studentId)} moved ${seatName(seat, layers)}` : `${who(studentId)} changed their neuron`;
    }
    case "neuron.set": {
      const { layer, neuron } = p as Of<"neuron.set">;
      return `Teacher set ${seatName({ layer, neuron }, layers)}`;
    }
    case "inputs.set":
      return `Inputs set to ${numbers((p as Of<"inputs.set">).inputs)}`;
    case "network.loaded": {
      const { presetId } = p as Of<"network.loaded">;
      return presetId && isPresetId(presetId) ? `Network loaded: ${getPreset(presetId).title}` : "A new network was loaded";
    }
    case "weights.replaced":
      return (p as Of<"weights.replaced">).reason === "reset" ? "Weights reset" : "Weights randomised";
    case "lock.set": {
      const { layer, locked } = p as Of<"lock.set">;
      const what = layer === null ? "Network" : layer === layers - 1 ? "Output layer" : `Hidden layer ${layer + 1}`;
      return `${what} ${locked ? "locked" : "unlocked"}`;
    }
    case "team-mode.set":
      return (p as Of<"team-mode.set">).mode === "average" ? "Teams now average their entries" : "Teams now take the latest entry";
    case "range.set": {
      const { min, max } = p as Of<"range.set">;
      return `Slider range set to ${min} … ${max}`;
    }
    case "threshold.set":
      return `Threshold set to ${(p as Of<"threshold.set">).threshold.toFixed(2)}`;
    case "room.locked":
      return (p as Of<"room.locked">).locked ? "Room locked" : "Room unlocked";
    case "phones.paused":
      return (p as Of<"phones.paused">).paused ? "Phones paused" : "Phones resumed";
    case "names.hidden":
      return (p as Of<"names.hidden">).hidden ? "Names hidden" : "Names shown";
    case "event.redacted":
      return "A teacher-only event (not shown)";
    case "animation.set": {
      const { column, playing } = p as Of<"animation.set">;
      if (column === null) return "Forward pass finished";
      const where = column === 0 ? "the inputs" : column === layers ? "the output layer" : `hidden layer ${column}`;
      return `Forward pass ${playing ? "at" : "paused at"} ${where}`;
    }
    case "lesson.step": {
      const { step } = p as Of<"lesson.step">;
      if (step === null) return "Free play";
      const s = LESSON_STEPS[step];
      return s ? `Step ${step + 1}: ${s.title}` : `Step ${step + 1}`;
    }
    case "student.joined": {
      const { studentId } = p as Of<"student.joined">;
      const seat = after.students[studentId]?.seat;
      return `${who(studentId)} joined${seat ? ` on ${seatName(seat, layers)}` : ""}`;
    }
    case "student.renamed":
      return `A student is now called ${who((p as Of<"student.renamed">).studentId)}`;
    case "student.moved": {
      const { studentId, seat } = p as Of<"student.moved">;
      return `${who(studentId)} was seated on ${seatName(seat, layers)}`;
    }
    case "student.removed":
      return `${who((p as Of<"student.removed">).studentId)} was removed`;
    case "student.readmitted":
      return `${who((p as Of<"student.readmitted">).studentId)} was let back in`;
    case "handback.requested":
      return `A new phone asked for ${who((p as Of<"handback.requested">).studentId)}'s place`;
    case "handback.resolved": {
      const { studentId, granted } = p as Of<"handback.resolved">;
      return granted ? `${who(studentId)}'s place went to a new phone` : `A request for ${who(studentId)}'s place was declined`;
    }
    case "quiz.launched":
      return `Question ${(p as Of<"quiz.launched">).number} launched`;
    case "quiz.drawn": {
      const { runId, studentId } = p as Of<"quiz.drawn">;
      return `${who(studentId)} got their numbers for ${questionName(after, runId).toLowerCase()}`;
    }
    case "quiz.answered": {
      const { runId, studentId } = p as Of<"quiz.answered">;
      return `${who(studentId)} answered ${questionName(after, runId).toLowerCase()}`;
    }
    case "quiz.submitted": {
      const { runId, studentId } = p as Of<"quiz.submitted">;
      return `${who(studentId)} sent a program for ${questionName(after, runId).toLowerCase()}`;
    }
    case "quiz.graded": {
      const { studentId, grade } = p as Of<"quiz.graded">;
      return `${who(studentId)}'s program passed ${grade.passed} of ${grade.total} tests`;
    }
    case "quiz.tallied": {
      const { runId, answered } = p as Of<"quiz.tallied">;
      return `${questionName(after, runId)}: ${answered} answered`;
    }
    case "quiz.closed": {
      const { runId, reason } = p as Of<"quiz.closed">;
      return `${questionName(after, runId)} closed${reason === "timer" ? " (time up)" : ""}`;
    }
    case "quiz.revealed":
      return `${questionName(after, (p as Of<"quiz.revealed">).runId)} revealed`;
    case "quiz.cleared":
      return "Phones back to the network";
    case "quiz.leaderboard":
      return (p as Of<"quiz.leaderboard">).shown ? "Leaderboard shown" : "Leaderboard hidden";
    case "quiz.settings":
      return "Scoring settings changed";
    case "training.started":
      return `Training started on ${(p as Of<"training.started">).dataset.title}`;
    case "training.round-started": {
      const { round, lossBefore } = p as Of<"training.round-started">;
      return `Training round ${round} started (loss ${lossBefore.toFixed(3)})`;
    }
    case "training.round-ended": {
      const { round, lossAfter } = p as Of<"training.round-ended">;
      return `Training round ${round} ended (loss ${lossAfter.toFixed(3)})`;
    }
    case "training.learning-rate-set":
      return `Learning rate set to ${formatValue((p as Of<"training.learning-rate-set">).learningRate)}`;
    case "training.stepped": {
      const { lossBefore, lossAfter } = p as Of<"training.stepped">;
      return `Automatic step: loss ${lossBefore.toFixed(3)} → ${lossAfter.toFixed(3)}`;
    }
    case "training.stopped":
      return "Training stopped";
    default:
      return "Something happened";
  }
}
