/**
 * The phone keeps a program in localStorage: which kept programs are cleared when a question
 * opens, and the editors' Tab (four-space indent stops).
 */
import { describe, expect, it } from "vitest";
import { spacesToNextStop } from "../../app/components/python/indent";
import { draftKey, draftsToDrop, PROGRAM_KEPT_MS } from "../../app/components/student/draft-storage";

describe("the programs kept on a phone", () => {
  const now = 1_800_000_000_000;
  const current = draftKey("p3", "q4");

  it("keys a draft by student and run", () => {
    expect(current).toBe("synapse:quiz:p3:q4");
  });

  it("clears the same student's earlier questions and anything old or unreadable, and keeps the rest", () => {
    const entries: [string, number | null][] = [
      [current, now - 3 * PROGRAM_KEPT_MS],
      [draftKey("p3", "q2"), now],
      [draftKey("p30", "q1"), now - 1000],
      [draftKey("p9", "q1"), now - PROGRAM_KEPT_MS - 1],
      [draftKey("p8", "q7"), null],
    ];
    expect(draftsToDrop(entries, current, now)).toEqual(["synapse:quiz:p3:q2", "synapse:quiz:p9:q1", "synapse:quiz:p8:q7"]);
  });
});

describe("the editors' Tab", () => {
  it("types spaces up to the next four-space stop", () => {
    expect([0, 1, 3, 4, 6].map((c) => spacesToNextStop(c).length)).toEqual([4, 3, 1, 4, 2]);
  });
});
