/** What the home page and join links say about a code that cannot be one. */
import { describe, expect, it } from "vitest";
import { joinCodeProblem } from "../../lib/session/join-code";

describe("joinCodeProblem", () => {
  it("names the characters join codes never use", () => {
    expect(joinCodeProblem("ZZZZZZ")).toBe("Join codes never contain Z. Check the code on the projector.");
    expect(joinCodeProblem("K0QF3M")).toBe("Join codes never contain 0. Check the code on the projector.");
    expect(joinCodeProblem("O0I1")).toBe("Join codes never contain O, 0, I or 1. Check the code on the projector.");
    expect(joinCodeProblem("SB52L8")).toBe("Join codes never contain S, B, 5 or 2. Check the code on the projector.");
  });

  it("counts the characters when they could all be in a code", () => {
    expect(joinCodeProblem("K7QF")).toBe("A join code has 6 characters; this has 4. Check the code on the projector.");
    expect(joinCodeProblem("K7QF3MM")).toBe("A join code has 6 characters; this has 7. Check the code on the projector.");
    expect(joinCodeProblem("")).toBe("Type the join code shown on the projector.");
  });

  it("has nothing to say about a code of the right shape", () => {
    expect(joinCodeProblem("K7QF3M")).toBeNull();
    expect(joinCodeProblem("ACDEFG")).toBeNull();
  });
});
