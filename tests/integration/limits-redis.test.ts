/**
 * Rate limits shared through a real Redis (REDIS_URL): two Limits, each with its own Redis
 * connection as two server processes would have, spend from one budget; Redis going away
 * (cut or stalled through a TCP proxy the test controls) falls back to each process's own
 * memory without refusing or hanging, is logged once, and sharing resumes when it is back;
 * two real server processes refuse the 31st session from one address between them. Each
 * test has a key prefix of its own. Reported as skipped when REDIS_URL is unset.
 */
import { pino } from "pino";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ProtocolError } from "../../lib/protocol/errors";
import { BUDGETS, Limits } from "../../server/limits";
import { connectRedis, type RedisConnection } from "../../server/redis";
import { createPostgresDatabase, NO_POSTGRES_REASON, POSTGRES_URL } from "../helpers/databases";
import { deleteRedisKeys, NO_REDIS_REASON, REDIS_URL, uniqueRedisPrefix } from "../helpers/redis";
import { startServer, type ServerProcess } from "../helpers/server-process";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";
import { waitFor } from "../helpers/wait";

/** A logger whose lines the test reads. */
function recordingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const log = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, warnings: () => lines.filter((l) => l.level === 40).map((l) => l.msg) };
}

const notFound = () => Promise.reject(new ProtocolError("NOT_FOUND", "No class with that code."));
const found = () => Promise.resolve("room");

async function refusal(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (err) {
    if (err instanceof ProtocolError) return err.code;
    throw err;
  }
  return "accepted";
}

const skip = !REDIS_URL;
describe.skipIf(skip)(`rate limits shared through Redis${skip ? ` (${NO_REDIS_REASON})` : ""}`, () => {
  const open: RedisConnection[] = [];
  const prefixes: string[] = [];
  const proxies: TcpProxy[] = [];

  /** Two "processes": each its own Redis connection (through `proxy` when given) and its own Limits. */
  async function twoProcesses(options: { scale?: number; proxy?: TcpProxy; log?: ReturnType<typeof recordingLogger>["log"] } = {}) {
    const prefix = uniqueRedisPrefix();
    prefixes.push(prefix);
    const url = options.proxy ? options.proxy.url(REDIS_URL!) : REDIS_URL!;
    const make = () => {
      const redis = connectRedis(url, prefix, options.log ?? pino({ level: "silent" }));
      open.push(redis);
      return { redis, limits: new Limits({ scale: options.scale ?? 1, store: redis }) };
    };
    const [a, b] = [make(), make()];
    await waitFor("both Redis connections ready", () => a.redis.ready() && b.redis.ready());
    return { a, b };
  }

  afterEach(async () => {
    await Promise.all(open.splice(0).map((r) => r.close()));
    for (const p of proxies.splice(0)) await p.close();
  });
  afterAll(async () => {
    for (const prefix of prefixes) await deleteRedisKeys(REDIS_URL!, prefix);
  });

  it("two processes spend one budget of sessions per address", async () => {
    const { a, b } = await twoProcesses();
    const address = "198.51.100.10";
    for (let i = 0; i < BUDGETS.sessionsShort.points; i++) await (i % 2 ? a : b).limits.sessions.charge(address);
    expect(await refusal(a.limits.sessions.charge(address))).toBe("RATE_LIMITED");
    expect(await refusal(b.limits.sessions.charge(address))).toBe("RATE_LIMITED");
    await b.limits.sessions.charge("198.51.100.11");
  });

  it("wrong codes guessed through one process are charged when looking up through the other", async () => {
    const { a, b } = await twoProcesses();
    const guesser = "203.0.113.20";
    for (let i = 0; i < BUDGETS.wrongShort.points; i++) expect(await refusal(a.limits.guesses.lookUp(guesser, notFound))).toBe("NOT_FOUND");
    // A live code through the other process is refused like a wrong one: the budget is spent.
    expect(await refusal(b.limits.guesses.lookUp(guesser, found))).toBe("RATE_LIMITED");
    // Right codes are refunded wherever they were looked up: a class behind one address gets in.
    const school = "198.51.100.21";
    for (let i = 0; i < BUDGETS.wrongShort.points + 10; i++) expect(await (i % 2 ? a : b).limits.guesses.lookUp(school, found)).toBe("room");
  });

  it("two processes spend one budget of handshakes and of commands per participant", async () => {
    const { a, b } = await twoProcesses();
    for (let i = 0; i < BUDGETS.handshakesPerParticipant.points; i++) (await (i % 2 ? a : b).limits.sockets.admitParticipant("p-hs"))();
    expect(await refusal(a.limits.sockets.admitParticipant("p-hs"))).toBe("RATE_LIMITED");

    const verdicts: string[] = [];
    for (let i = 0; i < BUDGETS.commands.points + 1; i++) verdicts.push(await (i % 2 ? a : b).limits.commands.charge("p:p-cmd"));
    expect(verdicts.slice(0, BUDGETS.commands.points).every((v) => v === "ok")).toBe(true);
    expect(verdicts.at(-1)).toBe("slow-down");
    // Past three times the budget, between them, is a flood; the process that saw it says so from then on.
    let last = "";
    for (let i = 0; i < BUDGETS.commands.points * BUDGETS.floodFactor; i++) last = await (i % 2 ? a : b).limits.commands.charge("p:p-cmd");
    expect(last).toBe("flood");
    expect(await a.limits.commands.charge("p:p-cmd")).toBe("flood");
    expect(await b.limits.commands.charge("p:p-cmd")).toBe("flood");
  });

  it("keeps answering from each process's memory while Redis is cut or stalled, warns once, and shares again when it is back", async () => {
    const proxy = await startTcpProxy(Number(new URL(REDIS_URL!).port || 6379), new URL(REDIS_URL!).hostname);
    proxies.push(proxy);
    const recorder = recordingLogger();
    const { a, b } = await twoProcesses({ proxy, log: recorder.log });
    const address = "198.51.100.30";
    const budget = BUDGETS.sessionsShort.points;
    for (let i = 0; i < budget; i++) await (i % 2 ? a : b).limits.sessions.charge(address);
    expect(await refusal(a.limits.sessions.charge(address))).toBe("RATE_LIMITED");

    let redials = 0;
    a.redis.client.on("reconnecting", () => redials++);
    proxy.cut();
    await waitFor("both clients to notice the cut", () => !a.redis.ready() && !b.redis.ready());
    // Each process now has the whole budget of its own (fail open to per-process limits).
    for (let i = 0; i < budget; i++) await a.limits.sessions.charge(address);
    expect(await refusal(a.limits.sessions.charge(address))).toBe("RATE_LIMITED");
    for (let i = 0; i < budget; i++) await b.limits.sessions.charge(address);
    // The other limits answer too, from memory.
    expect(await a.limits.commands.charge("p:during-cut")).toBe("ok");
    expect(await b.limits.guesses.lookUp("198.51.100.31", found)).toBe("room");
    (await a.limits.sockets.admitAddress("198.51.100.32"))();
    // Many failed reconnection attempts later, still one warning per client.
    await waitFor("three reconnection attempts", () => redials >= 3, { timeoutMs: 10_000 });
    const warned = recorder.warnings().filter((m) => /Redis is unreachable/.test(m));
    expect(warned).toHaveLength(2);

    proxy.restore();
    await waitFor("both clients back", () => a.redis.ready() && b.redis.ready(), { timeoutMs: 15_000 });
    // Redis still holds the shared count from before the cut.
    expect(await refusal(b.limits.sessions.charge(address))).toBe("RATE_LIMITED");
    await a.limits.sessions.charge("198.51.100.33");

    // A stall (connected, nothing answers): charges still resolve, from memory.
    proxy.stall();
    const stalledAddress = "198.51.100.34";
    for (let i = 0; i < 5; i++) await a.limits.sessions.charge(stalledAddress);
    expect(await a.limits.commands.charge("p:during-stall")).toBe("ok");
    await waitFor("the stalled connection to be dropped", () => !a.redis.ready(), { timeoutMs: 10_000 });
    proxy.restore();
    await waitFor("back after the stall", () => a.redis.ready() && b.redis.ready(), { timeoutMs: 15_000 });
    expect(await b.limits.commands.charge("p:after-stall")).toBe("ok");
  });
});

const noServers = !REDIS_URL || !POSTGRES_URL;
const noServersReason = !REDIS_URL ? NO_REDIS_REASON : NO_POSTGRES_REASON;
describe.skipIf(noServers)(`two real server processes sharing Redis${noServers ? ` (${noServersReason})` : ""}`, () => {
  it("refuse the 31st session from one address between them", { timeout: 180_000 }, async () => {
    const database = await createPostgresDatabase(POSTGRES_URL!);
    const prefix = uniqueRedisPrefix();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: REDIS_URL!,
      REDIS_KEY_PREFIX: prefix,
      SYNAPSE_TEST_LIMIT_SCALE: "1",
      TRUSTED_PROXY: "loopback",
      LOG_LEVEL: "warn",
    };
    const servers: ServerProcess[] = [];
    try {
      // One after the other: the first applies the migrations.
      servers.push(await startServer(env));
      servers.push(await startServer(env));
      const create = (server: ServerProcess, from: string) =>
        fetch(`${server.url}/api/sessions`, { method: "POST", headers: { "x-forwarded-for": from } }).then(async (r) => {
          const body = (await r.json()) as { error?: { code: string } };
          return r.status === 201 ? "created" : `${r.status} ${body.error?.code}`;
        });
      const teacher = "198.51.100.40";
      for (let i = 0; i < BUDGETS.sessionsShort.points; i++) expect(await create(servers[i % 2]!, teacher)).toBe("created");
      expect(await create(servers[0]!, teacher)).toBe("429 RATE_LIMITED");
      expect(await create(servers[1]!, teacher)).toBe("429 RATE_LIMITED");
      expect(await create(servers[1]!, "198.51.100.41")).toBe("created");
    } finally {
      for (const s of servers) await s.stop();
      await database.drop();
      await deleteRedisKeys(REDIS_URL!, prefix);
    }
  });
});
