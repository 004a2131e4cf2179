/**
 * A room's job runner (jobs.ts) wired to the room: a finished job's events are decided on the
 * working state and submitted like any command's; a result that could not be stored runs again
 * once the room can read its stored state; a job cut short by the shutdown waits for the restart.
 */
import { dueJobs } from "../../lib/session/decide";
import type { Logger } from "../logger";
import { GradingStopped } from "./code-grading";
import { JobRunner, type Executors } from "./jobs";
import type { Room } from "./room";

export function roomJobs(room: Room, executors: Executors, log: Logger): JobRunner {
  const runner: JobRunner = new JobRunner(
    executors,
    (job, output) => {
      const events = job.done(room.working, output as never, room.now());
      return events.length > 0 ? room.submit(events, null) : Promise.resolve(room.seq);
    },
    (job, err) => {
      if (err instanceof GradingStopped) {
        log.info({ sessionId: room.id, job: job.key }, "a job stopped with the server; it runs again after the restart");
        return false;
      }
      log.warn({ err, sessionId: room.id, job: job.key }, "a job's result was not stored; it will run again");
      return true;
    },
    () => !room.broken && (runner.sync(dueJobs(room.committed)), true),
  );
  return runner;
}
