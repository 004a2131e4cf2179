/**
 * Which sessions cannot vouch for their log right now: their last commit failed and the
 * room has not re-read the database since (or could not). `/api/health` answers 503 while
 * any is listed, so a load balancer or a teacher's check sees a database that accepts a
 * ping but not our writes.
 */
export class CommitHealth {
  private failing = new Set<string>();

  /** A commit of this session failed; it stays listed until the room is back in step with the database. */
  failed(sessionId: string): void {
    this.failing.add(sessionId);
  }

  /** The session committed, re-read the database, or was dropped from memory. */
  ok(sessionId: string): void {
    this.failing.delete(sessionId);
  }

  /** Why health should say 503, or null. */
  problem(): string | null {
    const n = this.failing.size;
    if (n === 0) return null;
    return `the last change could not be saved in ${n} session${n === 1 ? "" : "s"}; waiting for the database`;
  }
}
