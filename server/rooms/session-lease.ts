/**
 * Who owns a session when several processes share Redis (REDIS_URL): one process at a time
 * holds the session's lease, a Redis key `<prefix>lease:<session>` whose value is that
 * process's id, set with SET NX PX and renewed while the process holds the room. A process
 * that dies stops renewing; the key expires after `ttlMs` and the next process that needs the
 * session takes it and loads the room from the log.
 *
 * The lease only says who should write. The referee is the log's `(session_id, seq)` key: a
 * process that lost its lease without noticing (a long pause) has its next append refused
 * with SeqConflictError, and the room manager then drops the room (room-manager.ts).
 *
 * A lease is taken for granted only until `ttlMs - SAFETY_MS` after its last confirmed
 * renewal: when Redis cannot confirm it in time, the holder gives it up (`onLost`) rather
 * than risk writing beside a new owner.
 */
import crypto from "node:crypto";
import type { Redis } from "ioredis";
import { ProtocolError } from "../../lib/protocol/errors";
import type { Logger } from "../logger";

/** How long a lease lasts without renewal: how long a dead owner's sessions wait for a new one. */
export const LEASE_TTL_MS = 5_000;
/** How often the holder renews. */
export const RENEW_EVERY_MS = 1_500;
/** The holder stops trusting its lease this long before the key would expire (clock drift, slow replies). */
const SAFETY_MS = 1_000;

// Extends the key only while it still names this process.
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
// Deletes the key only while it still names this process.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/** Refusal for a session whose lease another process holds. */
export class OwnedElsewhereError extends ProtocolError {
  constructor() {
    super("UNAVAILABLE", "Another server process is running this class right now; try again in a moment.");
  }
}

export interface LeaseOptions {
  redis: Redis;
  keyPrefix: string;
  /** This process's id in the lease's value; a fresh random one by default. */
  owner?: string;
  ttlMs?: number;
  renewEveryMs?: number;
  /** The lease on this session is gone (taken by another process, or not confirmed in time). */
  onLost: (sessionId: string) => void;
  now?: () => number;
}

/**
 * The leases this process holds.
 * @example
 * const leases = new SessionLeases({ redis, keyPrefix: "synapse:", onLost: (id) => rooms.drop(id) });
 * if (await leases.acquire("s1")) { ... } // this process owns s1 until release or onLost
 */
export class SessionLeases {
  readonly owner: string;
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** Session → when its lease stops being trusted (ms since the epoch). */
  private held = new Map<string, number>();
  private timer: NodeJS.Timeout;

  constructor(private readonly options: LeaseOptions) {
    this.owner = options.owner ?? `${process.pid}-${crypto.randomBytes(6).toString("hex")}`;
    this.ttlMs = options.ttlMs ?? LEASE_TTL_MS;
    this.now = options.now ?? Date.now;
    this.timer = setInterval(() => void this.renewAll(), options.renewEveryMs ?? RENEW_EVERY_MS);
    this.timer.unref();
    void this.renewAll();
  }

  private key(sessionId: string): string {
    return `${this.options.keyPrefix}lease:${sessionId}`;
  }

  /** Whether this process holds the session's lease now. */
  holds(sessionId: string): boolean {
    const until = this.held.get(sessionId);
    return until !== undefined && until > this.now();
  }

  /** The process id named by the session's lease, or null when nobody holds it. */
  async holder(sessionId: string): Promise<string | null> {
    return this.options.redis.get(this.key(sessionId));
  }

  /**
   * Takes the session's lease if nobody holds it (or renews it if this process does).
   * Resolves false when another process holds it. Rejects when Redis does not answer.
   */
  async acquire(sessionId: string): Promise<boolean> {
    const started = this.now();
    const { redis } = this.options;
    const taken = await redis.set(this.key(sessionId), this.owner, "PX", this.ttlMs, "NX");
    if (taken !== "OK") {
      const renewed = Number(await redis.eval(RENEW, 1, this.key(sessionId), this.owner, this.ttlMs));
      if (renewed !== 1) return false;
    }
    this.held.set(sessionId, started + this.ttlMs - SAFETY_MS);
    return true;
  }

  /**
   * `acquire` for a room about to be loaded: Redis's short command timeout (server/redis.ts)
   * may cut one answer on a busy machine, so it tries thrice.
   * @throws OwnedElsewhereError when another process holds the lease; UNAVAILABLE when Redis does not answer
   */
  async take(sessionId: string, log: Logger): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (await this.acquire(sessionId)) return;
        throw new OwnedElsewhereError();
      } catch (err) {
        if (err instanceof OwnedElsewhereError) throw err;
        if (attempt >= 3) {
          log.warn({ err, sessionId }, "Redis did not answer for the session's lease");
          throw new ProtocolError("UNAVAILABLE", "The server cannot reach Redis to take this class; try again in a moment.");
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Gives the lease up so another process may take the session at once. */
  async release(sessionId: string): Promise<void> {
    if (!this.held.delete(sessionId)) return;
    await this.options.redis.eval(RELEASE, 1, this.key(sessionId), this.owner).catch(() => {
      // Redis does not answer: the lease expires by itself.
    });
  }

  /** Forgets a lease without telling Redis (the room was dropped after a conflict). */
  forget(sessionId: string): void {
    this.held.delete(sessionId);
  }

  /** The key saying a process is alive (renewed with its leases), whether or not it owns anything. */
  private aliveKey(processId: string): string {
    return `${this.options.keyPrefix}alive:${processId}`;
  }

  /** Whether process `processId` renewed its liveness within the lease's time (true when Redis cannot tell). */
  async isAlive(processId: string): Promise<boolean> {
    try {
      return (await this.options.redis.exists(this.aliveKey(processId))) === 1;
    } catch {
      return true;
    }
  }

  /** Renews every lease held; one that is lost or not confirmed in time is given up. */
  async renewAll(): Promise<void> {
    const { redis } = this.options;
    redis.set(this.aliveKey(this.owner), "1", "PX", this.ttlMs).catch(() => {});
    await Promise.all(
      [...this.held.keys()].map(async (sessionId) => {
        const started = this.now();
        let renewed: boolean;
        try {
          renewed = Number(await redis.eval(RENEW, 1, this.key(sessionId), this.owner, this.ttlMs)) === 1;
        } catch {
          // Not confirmed: still ours until its trusted time runs out.
          renewed = (this.held.get(sessionId) ?? 0) > this.now();
          if (renewed) return;
        }
        if (!this.held.has(sessionId)) return;
        if (renewed) {
          this.held.set(sessionId, started + this.ttlMs - SAFETY_MS);
        } else {
          this.held.delete(sessionId);
          this.options.onLost(sessionId);
        }
      }),
    );
  }

  /** Stops renewing and releases every lease (shutdown). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.held.keys()].map((id) => this.release(id)));
    await this.options.redis.del(this.aliveKey(this.owner)).catch(() => {});
  }
}
