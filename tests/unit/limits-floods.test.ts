import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BUDGETS, CommandLimits, Limits } from "../../server/limits";

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2025-01-06T08:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("sessions created per address", () => {
  it("refuses the 31st session in ten minutes with RATE_LIMITED and a clear message", async () => {
    const limits = new Limits();
    for (let i = 0; i < BUDGETS.sessionsShort.points; i++) await limits.sessions.charge("198.51.100.1");
    await expect(limits.sessions.charge("198.51.100.1")).rejects.toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/Too many sessions were started from your network: wait 10 minutes/),
    });
    await limits.sessions.charge("198.51.100.2");
    await vi.advanceTimersByTimeAsync(BUDGETS.sessionsShort.seconds * 1000);
    await limits.sessions.charge("198.51.100.1");
  });
});

describe("sockets per address and per participant", () => {
  it("holds at most the allowed anonymous sockets per address and gives places back", async () => {
    const limits = new Limits();
    const releases = [];
    for (let i = 0; i < BUDGETS.anonymousPerAddress; i++) releases.push(limits.sockets.admitAnonymous("198.51.100.3"));
    expect(() => limits.sockets.admitAnonymous("198.51.100.3")).toThrow(/Too many connections/);
    releases[0]!();
    releases[0]!(); // giving back twice frees one place only
    limits.sockets.admitAnonymous("198.51.100.3");
    expect(() => limits.sockets.admitAnonymous("198.51.100.3")).toThrow();
  });

  it("limits one token's sockets whatever their addresses", async () => {
    const limits = new Limits();
    for (let i = 0; i < BUDGETS.socketsPerParticipant; i++) await limits.sockets.admitParticipant("p1");
    await expect(limits.sockets.admitParticipant("p1")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await limits.sockets.admitParticipant("p2");
  });

  it("limits handshakes per address per minute", async () => {
    const limits = new Limits();
    for (let i = 0; i < BUDGETS.handshakes.points; i++) (await limits.sockets.admitAddress("198.51.100.4"))();
    await expect(limits.sockets.admitAddress("198.51.100.4")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await vi.advanceTimersByTimeAsync(60_000);
    await limits.sockets.admitAddress("198.51.100.4");
  });

  it("refuses a pass cut off for flooding at the handshake until its penalty is over, then lets it back", () => {
    const limits = new Limits();
    const start = Date.now();
    limits.sockets.penalise("hash-of-a-flooding-pass", start);
    expect(() => limits.sockets.checkPenalty("hash-of-a-flooding-pass", start + 1)).toThrow(
      expect.objectContaining({ code: "RATE_LIMITED", message: expect.stringMatching(/sent too many messages: wait 10 seconds/) }),
    );
    // Another pass is not held back.
    expect(() => limits.sockets.checkPenalty("hash-of-another-pass", start + 1)).not.toThrow();
    expect(() => limits.sockets.checkPenalty("hash-of-a-flooding-pass", start + BUDGETS.floodPenaltyMs - 1)).toThrow(/wait 1 second,/);
    expect(() => limits.sockets.checkPenalty("hash-of-a-flooding-pass", start + BUDGETS.floodPenaltyMs)).not.toThrow();
  });

  it("scales the per-address budgets for tests, not the per-participant ones", async () => {
    const limits = new Limits({ scale: 2 });
    for (let i = 0; i < 2 * BUDGETS.anonymousPerAddress; i++) limits.sockets.admitAnonymous("127.0.0.1");
    for (let i = 0; i < BUDGETS.socketsPerParticipant; i++) await limits.sockets.admitParticipant("p1");
    await expect(limits.sockets.admitParticipant("p1")).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("commands per participant", () => {
  it("lets a slider drag of 20 moves a second through for a minute, with pings", async () => {
    const limits = new CommandLimits();
    const verdicts = new Map<string, number>();
    for (let tick = 0; tick < 60 * 20; tick++) {
      const v = await limits.charge("p:student");
      verdicts.set(v, (verdicts.get(v) ?? 0) + 1);
      if (tick % 20 === 0) await limits.charge("p:student");
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(verdicts).toEqual(new Map([["ok", 1200]]));
  });

  it("shares one budget over all of a participant's sockets and calls a flood a flood", async () => {
    const limits = new CommandLimits();
    const verdicts: string[] = [];
    // 25 sockets of one token, 40 messages each, at once
    for (let i = 0; i < 25 * 40; i++) verdicts.push(await limits.charge("p:flooder"));
    expect(verdicts.filter((v) => v === "ok").length).toBe(BUDGETS.commands.points);
    expect(verdicts.slice(BUDGETS.commands.points, BUDGETS.commands.points * BUDGETS.floodFactor).every((v) => v === "slow-down")).toBe(true);
    expect(verdicts.at(-1)).toBe("flood");
    expect(await limits.charge("p:bystander")).toBe("ok");
  });
});
