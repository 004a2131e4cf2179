/**
 * What the room tracks for quizzes outside the log: when each phone was sent the question
 * (the start of its answer time, measured by the server), and each student's own part of
 * the quiz (`myQuiz`), sent to that phone alone whenever it changes.
 *
 * Not stored: after a restart a phone that reconnects during a question is timed from the
 * moment it reconnected, and one that does not is timed from the launch.
 */
import type { Actor, DecideContext, SessionCommand } from "../../lib/session/decide";
import type { LoggedEvent } from "../../lib/session/events";
import { myQuiz, type MyQuiz } from "../../lib/session/views";
import type { SessionState } from "../../lib/session/state";

/** Events after which every student's own part may have changed (the key, the scores, the ranks). */
const CHANGES_EVERYONE = new Set<string>([
  "quiz.launched",
  "quiz.closed",
  "quiz.revealed",
  "quiz.cleared",
  "quiz.leaderboard",
  "student.removed",
  "student.readmitted",
]);
/** Events that change one student's own part. */
const CHANGES_ONE = new Set<string>(["quiz.answered", "quiz.drawn", "quiz.submitted", "quiz.graded"]);

export class QuizDelivery {
  private sent = new Map<string, { runId: string; at: number }>();
  private lastMine = new Map<string, string>();

  constructor(private readonly now: () => number) {}

  /** Whether a tick's events can change any student's own part (most ticks are slider moves). */
  static concerns(events: readonly LoggedEvent[]): boolean {
    return events.some((e) => e.type.startsWith("quiz.") || e.type.startsWith("student."));
  }

  /**
   * What the rules need to time a quiz answer: when this phone was sent the question, and its
   * one-way delay; undefined for any other command.
   */
  timing(actor: Actor, command: SessionCommand, oneWayMs: number): DecideContext["timing"] {
    if (command.name !== "quiz:answer" || actor.id === null) return undefined;
    return { sentAt: this.sentAt(actor.id, command.payload.runId), oneWayMs };
  }

  /**
   * When the open question reached this student's phone (null when not known here).
   * @example
   * delivery.sentAt("p1", "q3"); // 1732540000123
   */
  sentAt(studentId: string, runId: string): number | null {
    const s = this.sent.get(studentId);
    return s && s.runId === runId ? s.at : null;
  }

  /** A student's phone got a snapshot: if a question is open and it had not been sent to them, it is now. */
  connected(state: SessionState, studentId: string): MyQuiz {
    const run = state.quiz.run;
    if (run?.status === "open" && this.sentAt(studentId, run.runId) === null) this.sent.set(studentId, { runId: run.runId, at: this.now() });
    const mine = myQuiz(state, studentId);
    this.lastMine.set(studentId, JSON.stringify(mine));
    return mine;
  }

  /**
   * After a broadcast: the launch reached every online student now; returns the students
   * whose own part changed, with it, for the room to send.
   */
  broadcast(events: readonly LoggedEvent[], state: SessionState, onlineStudents: readonly string[], all = false): Array<[string, MyQuiz]> {
    let everyone = all;
    const some = new Set<string>();
    for (const e of events) {
      if (e.type === "quiz.launched") {
        const at = this.now();
        for (const id of onlineStudents) this.sent.set(id, { runId: e.payload.runId, at });
      }
      if (CHANGES_EVERYONE.has(e.type)) everyone = true;
      else if (CHANGES_ONE.has(e.type)) some.add((e.payload as { studentId: string }).studentId);
    }
    const targets = everyone ? onlineStudents : onlineStudents.filter((id) => some.has(id));
    const out: Array<[string, MyQuiz]> = [];
    for (const id of targets) {
      const mine = myQuiz(state, id);
      const text = JSON.stringify(mine);
      if (this.lastMine.get(id) === text) continue;
      this.lastMine.set(id, text);
      out.push([id, mine]);
    }
    return out;
  }
}
