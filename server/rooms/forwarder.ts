/**
 * Requests from one process to another over Redis pub/sub (REDIS_URL): each process listens
 * on `<prefix>fwd:<its id>`; a request names the process to answer (`from`) and carries a
 * correlation id, and the answer comes back on the asker's channel. An answer that does not
 * come within FORWARD_TIMEOUT_MS (the owner died, Redis went away) is refused as UNAVAILABLE,
 * "try again": the asker does not know whether the owner did it, so it says so.
 *
 * A process forwards its sockets' commands to the session's owner this way
 * (remote-room.ts); the owner answers from its room.
 */
import crypto from "node:crypto";
import { Redis } from "ioredis";
import { z } from "zod";
import { errorCodeSchema, ProtocolError } from "../../lib/protocol/errors";
import type { Logger } from "../logger";
import type { RedisConnection } from "../redis";

/** How long a forwarded request waits for the owner's answer. */
export const FORWARD_TIMEOUT_MS = 5_000;

const requestSchema = z.object({ id: z.string(), from: z.string(), op: z.string(), sessionId: z.string(), args: z.unknown() });
const replySchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  value: z.unknown().optional(),
  error: z.object({ code: errorCodeSchema, message: z.string() }).optional(),
});

export type ForwardRequest = z.infer<typeof requestSchema>;
/** Answers a request addressed to this process; throws a ProtocolError to refuse it. */
export type ForwardHandler = (request: ForwardRequest) => Promise<unknown>;

export class OwnerUnreachableError extends ProtocolError {
  constructor() {
    super("UNAVAILABLE", "The server process running this class did not answer; try again in a moment.");
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * @example
 * const forwarder = new Forwarder(redis, redisUrl, leases.owner, log);
 * forwarder.serve(async (req) => ...);
 * const seq = await forwarder.call(ownerId, "run", sessionId, { ... });
 */
export class Forwarder {
  private readonly sub: Redis;
  private pending = new Map<string, Pending>();
  private handler: ForwardHandler = async () => {
    throw new ProtocolError("UNAVAILABLE", "This server process is starting; try again in a moment.");
  };

  constructor(
    private readonly redis: RedisConnection,
    url: string,
    readonly self: string,
    private readonly log: Logger,
  ) {
    this.sub = new Redis(url, { connectTimeout: 2_000, retryStrategy: (times) => Math.min(times * 100, 2_000) });
    this.sub.on("error", (err: Error) => log.debug({ err: err.message }, "forwarding: Redis error"));
    this.sub.subscribe(this.channel(self)).catch((err: unknown) => log.warn({ err }, "forwarding: could not subscribe"));
    this.sub.on("message", (_channel: string, raw: string) => this.receive(raw));
  }

  private channel(processId: string): string {
    return `${this.redis.keyPrefix}fwd:${processId}`;
  }

  /** Sets what answers requests addressed to this process. */
  serve(handler: ForwardHandler): void {
    this.handler = handler;
  }

  /** Asks process `owner` to do `op` on a session; resolves with its answer or rejects with its refusal. */
  call(owner: string, op: string, sessionId: string, args: unknown): Promise<unknown> {
    const id = crypto.randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new OwnerUnreachableError());
      }, FORWARD_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      const request: ForwardRequest = { id, from: this.self, op, sessionId, args };
      this.redis.client.publish(this.channel(owner), JSON.stringify(request)).catch(() => {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new OwnerUnreachableError());
      });
    });
  }

  private receive(raw: string): void {
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    const reply = replySchema.safeParse(message);
    if (reply.success && !("op" in (message as object))) {
      const waiter = this.pending.get(reply.data.id);
      if (!waiter) return; // timed out already
      this.pending.delete(reply.data.id);
      clearTimeout(waiter.timer);
      if (reply.data.ok) waiter.resolve(reply.data.value);
      else waiter.reject(new ProtocolError(reply.data.error?.code ?? "INTERNAL", reply.data.error?.message ?? "The request failed."));
      return;
    }
    const request = requestSchema.safeParse(message);
    if (request.success) void this.answer(request.data);
  }

  private async answer(request: ForwardRequest): Promise<void> {
    let body: z.infer<typeof replySchema>;
    try {
      body = { id: request.id, ok: true, value: await this.handler(request) };
    } catch (err) {
      if (!(err instanceof ProtocolError)) this.log.error({ err, op: request.op, sessionId: request.sessionId }, "forwarded request failed");
      const refusal = err instanceof ProtocolError ? err : new ProtocolError("INTERNAL", "The server could not do that; nothing was changed. Try again.");
      body = { id: request.id, ok: false, error: refusal.toBody() };
    }
    await this.redis.client.publish(this.channel(request.from), JSON.stringify(body)).catch((err: unknown) => {
      this.log.warn({ err, op: request.op }, "forwarding: could not send an answer");
    });
  }

  close(): void {
    for (const waiter of this.pending.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(new OwnerUnreachableError());
    }
    this.pending.clear();
    this.sub.disconnect();
  }
}
