/**
 * The server's grader for code questions (server/grader) as the rooms see it
 * (server/rooms/code-grading.ts). The sandbox is checked at boot, so a teacher's launch is
 * refused at once, with the reason, on a machine without bubblewrap; the warm children start
 * only when a code question is launched (or a program arrives), so a class that never uses
 * code pays nothing.
 */
import { Grader } from "./grader";
import type { Logger } from "./logger";
import { GradingStopped, type CodeGrading } from "./rooms/code-grading";

/** Jobs that may wait for a child before programs are refused as "busy". */
export const GRADER_QUEUE = 100;

export function startGrading(log: Logger): { grading: CodeGrading; close: () => Promise<void> } {
  const grader = new Grader({ log, maxQueued: GRADER_QUEUE });
  void grader.check();
  const grading: CodeGrading = {
    unavailable: () => {
      const status = grader.status();
      return status.available === false ? (status.reason ?? "Code questions cannot run on this server.") : null;
    },
    hasRoom: () => grader.status().queued < GRADER_QUEUE,
    warm: () => {
      grader.warm().catch((err: unknown) => log.warn({ err }, "grader: could not warm up"));
    },
    // A run cut short by the shutdown is not a grade: the room keeps the program for the next start.
    run: async (job, options) => {
      const outcome = await grader.run(job, options);
      if (stopping && outcome.kind === "unavailable") throw new GradingStopped();
      return outcome;
    },
  };
  let stopping = false;
  return {
    grading,
    close: () => {
      stopping = true;
      return grader.close();
    },
  };
}
