import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProtocolError } from "../../lib/protocol/errors";
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from "../../lib/session/join-code";
import { BUDGETS, GuessGuard } from "../../server/limits";

const CODES = JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH;
const LIVE = 20;
const DAY_S = 24 * 60 * 60;
const YEAR_S = 365.25 * DAY_S;

const wrong = async (): Promise<never> => {
  throw new ProtocolError("NOT_FOUND", "No class is running with that code.");
};
const right = async () => "room";

/** Whether the guard let the look-up reach `find` (true) or refused it first (false). */
async function reached(guard: GuessGuard, address: string, find: () => Promise<string>): Promise<boolean> {
  let asked = false;
  try {
    await guard.lookUp(address, () => {
      asked = true;
      return find();
    });
  } catch (err) {
    if (!(err instanceof ProtocolError)) throw err;
    if (err.code === "RATE_LIMITED") expect(asked).toBe(false);
  }
  return asked;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2025-01-06T08:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("join-code guessing, on a simulated clock", () => {
  it("one address needs over a year on average to find one of 20 live codes", async () => {
    const guard = new GuessGuard();
    const days = 7;
    let guesses = 0;
    // The guesser tries as fast as it is let through, and after every refusal waits a minute.
    for (let t = 0; t < days * DAY_S; t += 60) {
      while (await reached(guard, "203.0.113.7", wrong)) guesses++;
      await vi.advanceTimersByTimeAsync(60_000);
    }
    const perSecond = guesses / (days * DAY_S);
    // Trying codes without repeats, the expected number of tries until the first live one is (N + 1) / (k + 1).
    const expectedTries = (CODES + 1) / (LIVE + 1);
    const expectedYears = expectedTries / perSecond / YEAR_S;
    expect(guesses).toBeLessThanOrEqual(days * BUDGETS.wrongDay.points);
    expect(expectedYears).toBeGreaterThan(1);
    // docs/security.md states this figure: about 21 years.
    expect(expectedYears).toBeGreaterThan(20);
    expect(expectedYears).toBeLessThan(23);
  });

  it("a class of 30 behind one address, four typos each, all get in", async () => {
    const guard = new GuessGuard();
    const nat = "198.51.100.20";
    let refused = 0;
    for (let student = 0; student < 30; student++) {
      for (let typo = 0; typo < 4; typo++) if (!(await reached(guard, nat, wrong))) refused++;
      // the join page's look-up, then the join itself
      if (!(await reached(guard, nat, right))) refused++;
      if (!(await reached(guard, nat, right))) refused++;
      await vi.advanceTimersByTimeAsync(2_000);
    }
    expect(refused).toBe(0);
  });

  it("right codes cost nothing from the wrong-code budget", async () => {
    const guard = new GuessGuard();
    for (let i = 0; i < 1_000; i++) expect(await reached(guard, "198.51.100.21", right)).toBe(true);
    let wrongLetIn = 0;
    while (await reached(guard, "198.51.100.21", wrong)) wrongLetIn++;
    expect(wrongLetIn).toBe(BUDGETS.wrongShort.points);
  });

  it("refuses before the look-up once the budget is spent, and other addresses carry on", async () => {
    const guard = new GuessGuard();
    for (let i = 0; i < BUDGETS.wrongShort.points; i++) expect(await reached(guard, "203.0.113.8", wrong)).toBe(true);
    expect(await reached(guard, "203.0.113.8", right)).toBe(false);
    await expect(guard.lookUp("203.0.113.8", right)).rejects.toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/wait \d+ minutes/) });
    expect(await reached(guard, "203.0.113.9", right)).toBe(true);
    await vi.advanceTimersByTimeAsync(BUDGETS.wrongShort.seconds * 1000);
    expect(await reached(guard, "203.0.113.8", right)).toBe(true);
  });

  it("concurrent guesses cannot overshoot the budget", async () => {
    const guard = new GuessGuard();
    const tries = await Promise.all(Array.from({ length: 400 }, () => reached(guard, "203.0.113.10", wrong)));
    expect(tries.filter(Boolean).length).toBe(BUDGETS.wrongShort.points);
  });

  it("once everyone's wrong codes are spent, only addresses without a mistake go on", async () => {
    const guard = new GuessGuard();
    const perAddress = BUDGETS.wrongShort.points;
    const addresses = Math.ceil(BUDGETS.wrongGlobal.points / perAddress);
    for (let a = 0; a < addresses; a++) {
      for (let i = 0; i < perAddress; i++) await reached(guard, `10.9.${a}.1`, wrong);
    }
    // An address with one mistake this window waits; a clean one gets its look-up.
    expect(await reached(guard, "192.0.2.1", wrong)).toBe(true);
    expect(await reached(guard, "192.0.2.1", right)).toBe(false);
    expect(await reached(guard, "192.0.2.2", right)).toBe(true);
    expect(await reached(guard, "192.0.2.2", right)).toBe(true);
  });

  it("a look-up that fails for another reason is not charged", async () => {
    const guard = new GuessGuard();
    const broken = async (): Promise<string> => {
      throw new ProtocolError("UNAVAILABLE", "database down");
    };
    for (let i = 0; i < BUDGETS.wrongShort.points + 10; i++) expect(await reached(guard, "198.51.100.30", broken)).toBe(true);
  });
});
