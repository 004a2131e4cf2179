/**
 * A run of slider moves (`entry.set` with no other event between them) folded as the room
 * batches a tick (server/rooms/pending-batch.ts): each student's last move, in the order
 * the last moves came. Seats do not change inside a run, so the state after it is the same
 * as folding every move, for one fold per student instead of one per move. Moves are most
 * of a long log; replays' seeks and passes and the report fold through this.
 */
import type { LoggedEvent } from "./events";
import { foldMoves } from "./seat-ops";
import type { SessionState } from "./state";

type Move = Extract<LoggedEvent, { type: "entry.set" }>;

export class MoveRun {
  private readonly moves = new Map<string, Move>();
  private lastMove: Move | null = null;

  /** Takes a slider move into the run: false for any other event (fold the run before it). */
  take(event: LoggedEvent): event is Move {
    if (event.type !== "entry.set") return false;
    const id = event.payload.studentId;
    this.moves.delete(id);
    this.moves.set(id, event);
    this.lastMove = event;
    return true;
  }

  get size(): number {
    return this.moves.size;
  }

  /** The last move taken into the run (its seq and time are the run's end). */
  get last(): Move | null {
    return this.lastMove;
  }

  /**
   * The state after the run; the run is empty afterwards.
   * @example
   * const run = new MoveRun();
   * for (const e of events) if (!run.take(e)) state = applyEvent(run.foldInto(state), e);
   * state = run.foldInto(state);
   */
  foldInto(state: SessionState): SessionState {
    const out = foldMoves(state, Array.from(this.moves.values(), (m) => m.payload));
    this.moves.clear();
    return out;
  }
}
