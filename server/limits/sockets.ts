/**
 * Socket limits: handshakes per address and per participant (rates, rate-limiter-flexible),
 * and sockets held at once per address, per participant and anonymous per address. The
 * rates are shared through Redis when the process has it; what is held is counted in this
 * process, which is where those sockets live.
 */
import { ProtocolError } from "../../lib/protocol/errors";
import { BUDGETS } from "./budgets";
import { limiterFor, spend, type Limiter, type LimiterStore } from "./spend";

class Held {
  private counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Takes a place for `key`; false when it already holds `max`. */
  take(key: string): boolean {
    const n = this.counts.get(key) ?? 0;
    if (n >= this.max) return false;
    this.counts.set(key, n + 1);
    return true;
  }

  release(key: string): void {
    const n = (this.counts.get(key) ?? 0) - 1;
    if (n > 0) this.counts.set(key, n);
    else this.counts.delete(key);
  }
}

const tooMany = (what: string) => new ProtocolError("RATE_LIMITED", what);

export class SocketLimits {
  private readonly handshakes: Limiter;
  private readonly participantHandshakes: Limiter;
  private readonly perAddress: Held;
  private readonly anonymous: Held;
  private readonly perParticipant = new Held(BUDGETS.socketsPerParticipant);
  /** Passes (by token hash) cut off for flooding, until when they are refused. */
  private readonly penalised = new Map<string, number>();

  /** Handshake rates are kept in `store` when given; sockets held are counted in this process. */
  constructor(scale = 1, store?: LimiterStore) {
    this.handshakes = limiterFor(BUDGETS.handshakes, "hs", { scale, store });
    // Per participant: a pass is one person wherever they connect from, so no scale.
    this.participantHandshakes = limiterFor(BUDGETS.handshakesPerParticipant, "hsp", { store });
    this.perAddress = new Held(Math.round(BUDGETS.socketsPerAddress * scale));
    this.anonymous = new Held(Math.round(BUDGETS.anonymousPerAddress * scale));
  }

  /**
   * Admits a handshake from `address` before anything is looked up; the returned function
   * gives its place back (call it once, when the socket goes or the handshake fails).
   */
  async admitAddress(address: string): Promise<() => void> {
    await spend([this.handshakes], address, () => "Too many connections from your network: wait a minute, then reload the page.");
    if (!this.perAddress.take(address)) throw tooMany("Too many open connections from your network: close some tabs, then reload the page.");
    return once(() => this.perAddress.release(address));
  }

  /**
   * A pass whose socket was cut off for flooding is refused for a while, at the handshake and
   * before its token is looked up, so reconnecting at once costs the server nothing.
   * @example
   * limits.sockets.penalise(tokenHash, Date.now());
   */
  penalise(tokenHash: string, now: number): void {
    this.penalised.set(tokenHash, now + BUDGETS.floodPenaltyMs);
    if (this.penalised.size > 10_000) for (const [k, until] of this.penalised) if (until <= now) this.penalised.delete(k);
  }

  /** Throws RATE_LIMITED while this pass is in its flood penalty. */
  checkPenalty(tokenHash: string, now: number): void {
    const until = this.penalised.get(tokenHash);
    if (until === undefined) return;
    if (until <= now) {
      this.penalised.delete(tokenHash);
      return;
    }
    const seconds = Math.ceil((until - now) / 1000);
    throw tooMany(`This device sent too many messages: wait ${seconds} second${seconds === 1 ? "" : "s"}, then reload the page.`);
  }

  /** Admits a socket with neither a token nor a code. */
  admitAnonymous(address: string): () => void {
    if (!this.anonymous.take(address)) throw tooMany("Too many connections without a class from your network.");
    return once(() => this.anonymous.release(address));
  }

  /** Admits one more socket of a participant (one token), wherever it connects from. */
  async admitParticipant(participantId: string): Promise<() => void> {
    await spend([this.participantHandshakes], participantId, () => "This device is reconnecting too often: wait a minute, then reload the page.");
    if (!this.perParticipant.take(participantId)) {
      throw tooMany(`This pass is already open on ${BUDGETS.socketsPerParticipant} screens: close one, then reload the page.`);
    }
    return once(() => this.perParticipant.release(participantId));
  }
}

function once(f: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    f();
  };
}
