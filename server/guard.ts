/**
 * Slows down join-code guessing: every look-up costs a token from the caller's address's
 * bucket, a wrong code costs more, and a global bucket caps wrong codes from everyone, so
 * finding a live code among 25^6 takes years. A class of 100 behind one address can still
 * all join at once. Loopback callers (this machine, or a reverse proxy in front of it)
 * are held by the global cap only.
 */
import { TokenBucket } from "./rate-limit";

const PER_ADDRESS_BURST = 240;
const PER_ADDRESS_PER_SECOND = 2;
const WRONG_CODE_COST = 10;
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
const GLOBAL_WRONG_PER_SECOND = 20;

export class GuessGuard {
  private buckets = new Map<string, TokenBucket>();
  private global = new TokenBucket(GLOBAL_WRONG_PER_SECOND * 30, GLOBAL_WRONG_PER_SECOND);

  private bucket(address: string): TokenBucket {
    let b = this.buckets.get(address);
    if (!b) {
      if (this.buckets.size > 50_000) this.buckets.clear();
      b = new TokenBucket(PER_ADDRESS_BURST, PER_ADDRESS_PER_SECOND);
      this.buckets.set(address, b);
    }
    return b;
  }

  /** Whether this address may look up a code now. */
  allow(address: string): boolean {
    return LOOPBACK.test(address) || this.bucket(address).take(1);
  }

  /** Charges a wrong code; false when wrong guesses are coming too fast. */
  chargeWrong(address: string): boolean {
    const local = LOOPBACK.test(address) || this.bucket(address).take(WRONG_CODE_COST);
    const global = this.global.take(1);
    return local && global;
  }
}
