/**
 * Nicknames and network labels as a person sees them (issue 13, item 7): counted in graphemes,
 * nothing invisible unless it belongs to an emoji, unique by how they look, and labels under the
 * same rules through the protocol schema. The characters are written as escapes so the file
 * shows what each test sends.
 */
import { describe, expect, it } from "vitest";
import { clip } from "../../app/components/diagram/labels";
import { namesFrom } from "../../app/components/teacher/topology";
import { commands } from "../../lib/protocol";
import { formatIssues } from "../../lib/protocol/format-issues";
import { cleanLabel, completeSetup } from "../../lib/session/default-labels";
import { networkEvents } from "../../lib/session/domains/network/events";
import { checkNickname, cleanNickname, sameNickname, suggestNickname } from "../../lib/session/names";
import { clipGraphemes, foldForComparison, graphemes, stripInvisible } from "../../lib/session/text";

const FAMILY = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}"; // 👨‍👩‍👧
const RAINBOW_FLAG = "\u{1F3F3}\uFE0F\u200D\u{1F308}"; // 🏳️‍🌈
const RUNNER = "\u{1F3C3}\u{1F3FD}\u200D\u2640\uFE0F"; // 🏃🏽‍♀️
const ENGLAND = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}"; // 🏴󠁧󠁢󠁥󠁮󠁧󠁿
const HEART = "\u2764\uFE0F"; // ❤️
const KEYCAP = "1\uFE0F\u20E3"; // 1️⃣
const FR = "\u{1F1EB}\u{1F1F7}"; // 🇫🇷

/** The check a join or a rename runs: cleaned, then checked against the names in the class. */
const check = (raw: string, taken: string[] = []) => checkNickname(cleanNickname(raw), taken);

describe("nicknames: invisible characters", () => {
  const invisible: [string, string][] = [
    ["Hangul filler U+3164", "\u3164"],
    ["Hangul choseong filler U+115F", "\u115F"],
    ["halfwidth Hangul filler U+FFA0", "\uFFA0"],
    ["braille blank U+2800", "\u2800"],
    ["combining grapheme joiner U+034F", "\u034F"],
    ["a lone variation selector U+FE0F", "\uFE0F"],
    ["zero-width space U+200B", "\u200B"],
    ["right-to-left override U+202E", "\u202E"],
    ["soft hyphen U+00AD", "\u00AD"],
    ["word joiner U+2060", "\u2060"],
    ["Mongolian vowel separator U+180E", "\u180E"],
    ["a lone surrogate", "\uD800"],
  ];

  it.each(invisible)("refuses a name that is only a %s", (_, ch) => {
    const problem = check(ch);
    expect(problem?.code).toBe("BAD_REQUEST");
    expect(problem?.message).toMatch(/cannot be shown|letter, digit or emoji|Type a nickname/);
  });

  it.each(invisible)("refuses a %s inside or after a real name, saying why", (_, ch) => {
    for (const name of [`Ada${ch}`, `A${ch}da`, `${ch}Ada`]) {
      expect(check(name)).toEqual({
        code: "BAD_REQUEST",
        message: "That nickname has characters that cannot be shown (invisible, control or text-direction characters): remove them.",
      });
    }
  });

  it("refuses a variation selector on a letter, where it belongs to no emoji", () => {
    expect(check("Ada\uFE0F")?.code).toBe("BAD_REQUEST");
    expect(check("A\uFE0E")?.code).toBe("BAD_REQUEST");
  });

  it("refuses a joiner that joins nothing, after an emoji or a letter", () => {
    expect(check(`Ada \u{1F600}\u200D`)?.code).toBe("BAD_REQUEST");
    expect(check("Ada\u200Dx")?.code).toBe("BAD_REQUEST");
    expect(check(`\u{1F600}\uFE0F\uFE0F`)?.code).toBe("BAD_REQUEST");
  });

  it("refuses a name with no letter, digit or emoji", () => {
    for (const name of ["...", "- -", "\u0301", "!?"]) {
      expect(check(name)).toEqual({ code: "BAD_REQUEST", message: "A nickname needs at least one letter, digit or emoji." });
    }
  });

  it("refuses a pile of accents on one letter, and keeps ordinary accents and scripts", () => {
    expect(check(`Ada${"\u0301".repeat(8)}`)).toEqual({ code: "BAD_REQUEST", message: "That nickname stacks too many accents on one character." });
    for (const name of ["Zoë", "Nguyễn", "Łukasz", "Ἀθηνᾶ", "नमस्ते", "สวัสดี", "李小龙", "مريم", "Ханна"]) expect(check(name)).toBeNull();
  });
});

describe("nicknames: emoji and length in graphemes", () => {
  it("accepts emoji sequences with their joiners, variation selectors, skin tones and tags", () => {
    for (const name of [FAMILY, `Ada ${FAMILY}`, RAINBOW_FLAG, RUNNER, ENGLAND, HEART, KEYCAP, FR, "\u{1F98A}"]) {
      expect(check(name), name).toBeNull();
    }
  });

  it("counts an emoji sequence as one character", () => {
    expect(graphemes(FAMILY)).toEqual([FAMILY]);
    expect(check(FAMILY.repeat(20))).toBeNull(); // 20 characters, 160 UTF-16 units
    expect(check(FAMILY.repeat(21))).toEqual({ code: "BAD_REQUEST", message: "A nickname has at most 20 characters." });
    expect(check("e\u0301".repeat(20))).toBeNull(); // "é" spelled with a combining accent is one character
  });
});

describe("nicknames: unique as they look", () => {
  it("treats Cyrillic and Greek look-alikes of Latin letters as the same name", () => {
    for (const [taken, name] of [
      ["Ada", "\u0410da"], // Cyrillic А
      ["Ada", "Ad\u0430"], // Cyrillic а
      ["Bob", "\u0412\u043E\u0432"], // Cyrillic В, о, в
      ["Kate", "\u039A\u03B1\u03C4\u03B5"], // Greek Κ, α, τ, ε
      ["Nico", "\u039D\u03B9\u0441\u03BF"], // Greek Ν, ι, Cyrillic с, Greek ο
      ["Max", "\u041C\u0430\u0445"], // Cyrillic М, а, х
    ]) {
      expect(check(name!, [taken!])?.code, name).toBe("NAME_TAKEN");
      expect(sameNickname(taken!, name!)).toBe(true);
    }
  });

  it("treats width, case and compatibility forms as the same name", () => {
    expect(check("\uFF21\uFF44\uFF41", ["ada"])?.code).toBe("NAME_TAKEN"); // fullwidth Ａｄａ
    expect(check("\u{1D400}da", ["Ada"])?.code).toBe("NAME_TAKEN"); // mathematical bold 𝐀
    expect(check("STRASSE", ["straße"])?.code).toBe("NAME_TAKEN");
    expect(check("\u039F\u0394\u03A5\u03A3\u03A3\u0395\u03A5\u03A3", ["οδυσσευς"])?.code).toBe("NAME_TAKEN"); // final sigma
  });

  it("finds a name already in the class that carries an invisible character (from an older version)", () => {
    expect(check("Ada", ["Ada\u3164"])?.code).toBe("NAME_TAKEN");
    expect(check("Ada", ["A\u200Bda"])?.code).toBe("NAME_TAKEN");
    expect(foldForComparison("Ada\u3164")).toBe(foldForComparison("ADA"));
  });

  it("keeps names that only look alike to a machine apart", () => {
    expect(check("Adam", ["Ada"])).toBeNull();
    expect(check("Zoë", ["Zoe"])).toBeNull();
    expect(check("Ada 2", ["Ada"])).toBeNull();
  });

  it("catches a blocked word spelled with look-alike letters", () => {
    expect(check("\u0405hit")?.code).toBe("NAME_REFUSED"); // Cyrillic Ѕ
    expect(check("\uFF53\uFF45\uFF58")?.code).toBe("NAME_REFUSED"); // fullwidth ｓｅｘ
  });

  it("suggests a name that does not look like one already taken", () => {
    expect(suggestNickname(["Br\u0430ve Otter"], () => 0)).toBe("Brave Otter 2");
  });
});

describe("labels in network:load", () => {
  const network = { layers: [{ activation: "sigmoid", neurons: [{ weights: [1, 1], bias: 0 }] }] };
  const load = (inputLabels: string[], outputLabels = ["yes"]) =>
    commands["network:load"].payload.safeParse({ network, inputs: [0, 0], inputLabels, outputLabels });

  it("accepts ordinary labels, emoji and accents, trimmed", () => {
    const parsed = load(["  brightness ", `edge ${FAMILY}`], ["Zoë's class"]);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.inputLabels).toEqual(["brightness", `edge ${FAMILY}`]);
  });

  it.each([
    ["a right-to-left override", "\u202Eexe.txt"],
    ["a left-to-right isolate", "a\u2066b"],
    ["a control character", "bright\u0007"],
    ["a newline", "two\nlines"],
    ["a zero-width space", "edge\u200B"],
    ["a Hangul filler only", "\u3164"],
    ["a braille blank only", "\u2800"],
  ])("refuses a label with %s, naming where", (_, text) => {
    const parsed = load(["brightness", text]);
    expect(parsed.success).toBe(false);
    expect(formatIssues(parsed.error!.issues)).toMatch(/^inputLabels\[1\]: (That label has characters that cannot be shown|A label needs at least one letter)/);
  });

  it("refuses a label over 40 characters, counting an emoji sequence as one", () => {
    expect(load([FAMILY.repeat(40), "x"]).success).toBe(true);
    const parsed = load(["x".repeat(41), "x"]);
    expect(formatIssues(parsed.error!.issues)).toBe("inputLabels[0]: A label has at most 40 characters.");
  });

  it("still reads a stored set-up whose labels an older version accepted", () => {
    const stored = networkEvents["network.loaded"].safeParse({ network, inputs: [0, 0], inputLabels: ["\u202Eold", "a\u200Bb"], outputLabels: ["yes"], presetId: null });
    expect(stored.success).toBe(true);
  });

  it("cleans labels from a file of invisible characters, and names a blank one by default", () => {
    expect(cleanLabel("\u202Ebright\u200Bness ")).toBe("brightness");
    expect(cleanLabel("\u3164")).toBe("");
    expect(stripInvisible(` ${FAMILY}\u200B `)).toBe(FAMILY);
    const done = completeSetup(network, { inputLabels: ["\u2800", "edge\u202E"], outputLabels: [`${HEART}\u0007`] });
    expect(done).toEqual({ inputs: [0, 0], inputLabels: ["Input 1", "edge"], outputLabels: [HEART] });
    expect(load(done.inputLabels, done.outputLabels).success).toBe(true);
  });

  it("cuts typed names at 40 characters without splitting an emoji", () => {
    const [first] = namesFrom(`${"\u{1F98A}".repeat(45)}, b`, 2, (i) => `Input ${i + 1}`);
    expect(graphemes(first!)).toHaveLength(40);
    expect(first).toBe("\u{1F98A}".repeat(40));
  });
});

describe("clip", () => {
  it("shortens by characters and never cuts a grapheme in half", () => {
    expect(clip("brightness", 6)).toBe("brigh…");
    expect(clip("brightness", 10)).toBe("brightness");
    expect(clip(`${FAMILY}${FAMILY}${FAMILY}`, 2)).toBe(`${FAMILY}…`);
    expect(clip(`ab${FAMILY}cd`, 4)).toBe(`ab${FAMILY}…`);
    expect(clip(`${FR}${FR}${FR}`, 3)).toBe(`${FR}${FR}${FR}`);
    expect(clip("e\u0301e\u0301e\u0301", 2)).toBe("e\u0301…");
    expect(clipGraphemes("\u{1F98A}".repeat(20), 18)).toBe(`${"\u{1F98A}".repeat(17)}…`);
  });

  it("leaves no lone surrogate behind", () => {
    for (let max = 1; max < 8; max++) expect(clip(`${"\u{1F98A}\u{1F419}".repeat(5)}`, max)).not.toMatch(/\p{Cs}/u);
  });
});
