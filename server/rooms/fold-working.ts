/**
 * The room's two folds of the hot path, each the reducer's result at less cost:
 *
 * - `WorkingFold`: the working state, folded once per command. A slider move writes into a
 *   roster object this fold copied itself and that only the room's working state reaches
 *   (the committed state and everything sent out are folded apart from it), so a class of
 *   200 costs one copy of its roster per other event instead of one per move.
 * - `foldCommitted`: a tick's stored events, with each run of moves folded as one
 *   (lib/session/seat-ops `foldMoves`). A move's state "after" is then the state after its
 *   run: the views read nothing of it for a move (lib/session/views `projectEvent`).
 */
import type { LoggedEvent, SessionEvent } from "../../lib/session/events";
import { applyEvent } from "../../lib/session/reducer";
import { foldMoves, type Move } from "../../lib/session/seat-ops";
import type { SessionState, Student } from "../../lib/session/state";
import type { Committed } from "./fanout";

export class WorkingFold {
  private owned: Record<string, Student> | null = null;

  /**
   * The state after one event.
   * @example
   * room.working = fold.apply(room.working, { type: "entry.set", payload: { studentId: "p1", values } });
   */
  apply(state: SessionState, event: SessionEvent): SessionState {
    if (event.type !== "entry.set") return applyEvent(state, event);
    const next = foldMoves(state, [event.payload], this.owned);
    if (next.students !== state.students) this.owned = next.students;
    return next;
  }
}

/**
 * Stored events folded onto the committed state, each with the state after it (after its run, for a move).
 * @example
 * const items = foldCommitted(room.committed, stored); room.committed = items.at(-1)!.after;
 */
export function foldCommitted(state: SessionState, events: readonly LoggedEvent[]): Committed[] {
  const out: Committed[] = [];
  let current = state;
  let run: { event: LoggedEvent; move: Move }[] = [];
  const endRun = () => {
    if (run.length === 0) return;
    current = foldMoves(current, run.map((r) => r.move));
    for (const r of run) out.push({ event: r.event, after: current });
    run = [];
  };
  for (const event of events) {
    if (event.type === "entry.set") {
      run.push({ event, move: event.payload });
      continue;
    }
    endRun();
    current = applyEvent(current, event);
    out.push({ event, after: current });
  }
  endRun();
  return out;
}
