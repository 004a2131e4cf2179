/**
 * Asynchronous work a room runs on a session's behalf (grading code, say) whose result
 * comes back as events. At most `limit` run at once per room; beyond that the caller is
 * told to try again, so a flood of submissions cannot pile up work.
 */
import { ProtocolError } from "../../lib/protocol/errors";
import type { SessionEvent } from "../../lib/session/events";

export class JobRunner {
  private running = 0;

  constructor(
    private readonly limit: number,
    private readonly submit: (events: SessionEvent[]) => Promise<number>,
    private readonly onError: (err: unknown) => void,
  ) {}

  get inFlight(): number {
    return this.running;
  }

  /**
   * Starts `work`; its events are submitted to the room when it finishes. Resolves with the
   * seq they were stored at (0 when it produced none).
   * @throws ProtocolError RATE_LIMITED when `limit` jobs are already running
   */
  run(work: () => Promise<SessionEvent[]>): Promise<number> {
    if (this.running >= this.limit) {
      throw new ProtocolError("RATE_LIMITED", "The class is busy with other work: try again in a moment.");
    }
    this.running++;
    return work()
      .then((events) => (events.length > 0 ? this.submit(events) : 0))
      .catch((err) => {
        this.onError(err);
        throw err;
      })
      .finally(() => {
        this.running--;
      });
  }
}
