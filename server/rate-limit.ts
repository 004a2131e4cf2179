/**
 * A token bucket: `capacity` messages at once, refilled at `perSecond`. One per socket
 * keeps a runaway phone from flooding the room while normal dragging never notices.
 * @example
 * const bucket = new TokenBucket(60, 30);
 * if (!bucket.take()) throw new ProtocolError("RATE_LIMITED", "Slow down");
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  take(cost = 1): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
