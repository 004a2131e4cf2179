/**
 * The server's clock as this page estimates it. Deadlines (a question's `closesAt`) are set
 * on the server's clock, and a phone's own clock may be minutes off; every snapshot carries
 * the server's time when it was sent, and countdowns read `serverNow()` instead of
 * `Date.now()`. The estimate is early by the snapshot's one-way delay (tens of ms).
 */
let offsetMs = 0;

/** Notes the server's time from a message that was just received. */
export function noteServerTime(serverMs: number, localMs: number = Date.now()): void {
  if (Number.isFinite(serverMs)) offsetMs = serverMs - localMs;
}

/**
 * Now on the server's clock.
 * @example
 * noteServerTime(1_000_000, 400_000); // this phone is 600 s behind
 * serverNow(); // Date.now() + 600_000
 */
export function serverNow(): number {
  return Date.now() + offsetMs;
}
