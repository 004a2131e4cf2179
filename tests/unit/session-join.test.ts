/**
 * Joining (SPEC.md features 1 and 2): who may join, under which nickname, and the join codes
 * they type. Names are unique regardless of case, 1 to 20 characters, classroom-safe.
 */
import { describe, expect, it } from "vitest";
import { decideJoin } from "../../lib/session/decide";
import { isJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, generateJoinCode, normalizeJoinCode } from "../../lib/session/join-code";
import { checkNickname, cleanNickname, suggestNickname } from "../../lib/session/names";
import { TEACHER, join, newSession, run, seeded } from "../helpers/session-fixtures";

const refusal = (state: ReturnType<typeof newSession>, id: string, name: string) => {
  const d = decideJoin(state, id, name);
  if (!("refusal" in d)) throw new Error(`"${name}" was accepted`);
  return d.refusal;
};
const intFrom = (random: () => number) => (n: number) => Math.floor(random() * n);

describe("decideJoin", () => {
  it("lets a student join with their nickname", () => {
    const state = newSession();
    expect(decideJoin(state, "p1", "Ada")).toEqual({ events: [{ type: "student.joined", payload: { studentId: "p1", nickname: "Ada" } }] });
  });

  it("trims and collapses whitespace", () => {
    const state = newSession();
    expect(decideJoin(state, "p1", "  Ada   Lovelace \t")).toEqual({
      events: [{ type: "student.joined", payload: { studentId: "p1", nickname: "Ada Lovelace" } }],
    });
    expect(cleanNickname("Ada\n\t L")).toBe("Ada L");
  });

  it("refuses with ROOM_LOCKED while the room is locked, and lets students in once unlocked", () => {
    const state = newSession();
    run(state, TEACHER, { name: "room:lock", payload: { locked: true } });
    expect(refusal(state, "p1", "Ada").code).toBe("ROOM_LOCKED");
    run(state, TEACHER, { name: "room:lock", payload: { locked: false } });
    join(state, "p1", "Ada");
    expect(state.students.p1!.nickname).toBe("Ada");
  });

  it("refuses with SESSION_ENDED once the session has ended, even when the room is locked too", () => {
    const state = newSession();
    run(state, TEACHER, { name: "room:lock", payload: { locked: true } });
    run(state, TEACHER, { name: "room:end", payload: {} });
    expect(refusal(state, "p1", "Ada").code).toBe("SESSION_ENDED");
  });

  it("refuses a name already taken, whatever its case, with NAME_TAKEN", () => {
    const state = newSession();
    join(state, "p1", "Ada");
    for (const name of ["Ada", "ada", "ADA", "  aDa  "]) expect(refusal(state, "p2", name).code).toBe("NAME_TAKEN");
    join(state, "p2", "Adam");
    expect(Object.keys(state.students)).toEqual(["p1", "p2"]);
  });

  it("refuses a name caught by the classroom filter with NAME_REFUSED", () => {
    const state = newSession();
    for (const name of ["Shit", "fuckface", "F.U.C.K", "Big Dick"]) expect(refusal(state, "p1", name).code).toBe("NAME_REFUSED");
  });

  it("lets harmless names that merely contain a blocked word through", () => {
    const state = newSession();
    ["Grape", "Peacock", "Essex", "Dickens", "Mars Explorer", "Scunthorpe"].forEach((name, i) => join(state, `p${i}`, name));
    expect(Object.keys(state.students)).toHaveLength(6);
  });

  it("refuses invisible characters that would make two names look alike", () => {
    const state = newSession();
    join(state, "p1", "Ada");
    expect(refusal(state, "p2", "Ada\u200b").code).toBe("BAD_REQUEST");
    expect(refusal(state, "p2", "\u202eAda").code).toBe("BAD_REQUEST");
  });

  it("refuses an empty name and one over 20 characters with BAD_REQUEST", () => {
    const state = newSession();
    expect(refusal(state, "p1", "").code).toBe("BAD_REQUEST");
    expect(refusal(state, "p1", "   \t ").code).toBe("BAD_REQUEST");
    const long = refusal(state, "p1", "abcdefghijklmnopqrstu"); // 21
    expect(long.code).toBe("BAD_REQUEST");
    expect(long.message).toContain("20");
    join(state, "p1", "abcdefghijklmnopqrst"); // 20
    expect(state.students.p1!.nickname).toBe("abcdefghijklmnopqrst");
  });

  it("counts characters, not UTF-16 units", () => {
    const state = newSession();
    join(state, "p1", "🦊".repeat(20));
    expect(refusal(state, "p2", "🐙".repeat(21)).code).toBe("BAD_REQUEST");
  });

  it("refuses control characters, and keeps markup as plain text", () => {
    const state = newSession();
    expect(refusal(state, "p1", "Ada\u0000").code).toBe("BAD_REQUEST");
    expect(refusal(state, "p1", "Ada\u007f").code).toBe("BAD_REQUEST");
    join(state, "p1", "<b>Ada</b>");
    expect(state.students.p1!.nickname).toBe("<b>Ada</b>");
  });
});

describe("suggestNickname", () => {
  it("offers a name not already taken", () => {
    expect(suggestNickname([], () => 0)).toBe("Brave Otter");
    expect(suggestNickname(["brave otter"], () => 0)).toBe("Brave Otter 2");
    expect(suggestNickname(["BRAVE OTTER", "Brave Otter 2"], () => 0)).toBe("Brave Otter 3");
  });

  it("never repeats a name across a big class, and every suggestion is accepted", () => {
    const state = newSession();
    const pick = intFrom(seeded(99));
    const taken: string[] = [];
    for (let i = 0; i < 450; i++) {
      const name = suggestNickname(taken, pick);
      expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
      expect(checkNickname(name, [])).toBeNull();
      taken.push(name);
    }
    for (let i = 0; i < 30; i++) join(state, `p${i}`, taken[i]!);
    expect(Object.keys(state.students)).toHaveLength(30);
  });
});

describe("join codes", () => {
  it("has an alphabet without look-alikes", () => {
    for (const ch of "0O1IL") expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    expect(JOIN_CODE_LENGTH).toBe(6);
  });

  it("generates six characters from that alphabet only", () => {
    const pick = intFrom(seeded(1));
    const codes = Array.from({ length: 500 }, () => generateJoinCode(pick));
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      expect(code).not.toMatch(/[0O1IL]/);
      expect(isJoinCode(code)).toBe(true);
    }
    expect(new Set(codes).size).toBeGreaterThan(490);
    expect(generateJoinCode(() => 0)).toBe("AAAAAA");
    expect(generateJoinCode((n) => n - 1)).toBe("999999");
  });

  it("normalizes what a person typed", () => {
    expect(normalizeJoinCode(" k7q-f3m ")).toBe("K7QF3M");
    expect(normalizeJoinCode("K7Q F3M")).toBe("K7QF3M");
    expect(isJoinCode(normalizeJoinCode("k7qf3m"))).toBe(true);
  });

  it("tells codes from non-codes", () => {
    expect(isJoinCode("K7QF3M")).toBe(true);
    expect(isJoinCode("K0QF3M")).toBe(false);
    expect(isJoinCode("KOQF3M")).toBe(false);
    expect(isJoinCode("K1QF3M")).toBe(false);
    expect(isJoinCode("KLQF3M")).toBe(false);
    expect(isJoinCode("K7QF3")).toBe(false);
    expect(isJoinCode("K7QF3MM")).toBe(false);
    expect(isJoinCode("k7qf3m")).toBe(false);
    expect(isJoinCode("")).toBe(false);
  });
});
