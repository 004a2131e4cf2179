/**
 * What the rooms need from the sandbox that grades programs (server/grader): whether code can
 * run here at all, whether its queue has room, a way to warm it, and a run. The room manager
 * turns it into the rooms' `grade-code` executor and into the checks a command passes before
 * it is decided: a code question is refused at launch when nothing can run it, and a program
 * is refused before it is stored when the queue is full ("busy, try again in a moment").
 */
import { ProtocolError } from "../../lib/protocol";
import type { CodeJob, RunOutcome } from "../../lib/quiz/code-run";
import type { SessionCommand } from "../../lib/session/decide";
import type { Executors } from "./jobs";

export interface CodeGrading {
  /** Why code cannot run on this server (how to enable it), or null when it can. */
  unavailable(): string | null;
  /** Whether one more program fits in the queue. */
  hasRoom(): boolean;
  /** Starts the warm children ahead of need. */
  warm(): void;
  /** Runs a job; `force` skips the queue's bound (programs already stored must be graded). */
  run(job: CodeJob, options?: { force?: boolean }): Promise<RunOutcome>;
}

/** The grader stopped with the server: the program stays stored and is graded after the restart. */
export class GradingStopped extends Error {
  constructor() {
    super("the grader stopped with the server");
    this.name = "GradingStopped";
  }
}

/** The grader's process stopped while the program waited: the room runs it again. */
export class GradingInterrupted extends Error {
  constructor() {
    super("the grader's process stopped while the program waited");
    this.name = "GradingInterrupted";
  }
}

export const GRADER_BUSY = "The grader is busy with the class's programs: try again in a moment.";

/**
 * @example
 * const { executors, admit } = gradingHooks(grader);
 */
export function gradingHooks(grading: CodeGrading): { executors: Executors; admit: (command: SessionCommand) => void } {
  return {
    executors: {
      "grade-code": (job) =>
        grading.run(job, { force: true }).catch((err: unknown) => {
          if (err instanceof GradingStopped || err instanceof GradingInterrupted) throw err;
          return { kind: "crashed", ms: 0, detail: err instanceof Error ? err.message : String(err) } as const;
        }),
    },
    admit: (command) => {
      const code =
        (command.name === "quiz:launch" && command.payload.question.kind === "code") ||
        (command.name === "quiz:answer" && command.payload.answer.kind === "code");
      if (!code) return;
      const why = grading.unavailable();
      if (why) throw new ProtocolError("INVALID", why);
      if (command.name === "quiz:launch") grading.warm();
      else if (!grading.hasRoom()) throw new ProtocolError("RATE_LIMITED", GRADER_BUSY);
    },
  };
}
