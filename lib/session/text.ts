/**
 * Visible text: the rules nicknames and network labels share (docs/security.md, "Names and
 * labels"). Text is counted in grapheme clusters (what a person sees as one character), an
 * emoji sequence is one character, and characters that show nothing (control, format,
 * text-direction and default-ignorable characters, Hangul fillers, the braille blank) are
 * refused unless they are the joiners and variation selectors of a well-formed emoji.
 */

/** Characters that show nothing, or change how the text around them is shown. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/u;
const INVISIBLE_ALL = /[\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/gu;

// One emoji: a flag (two regional indicators), a keycap, or a pictograph with an optional
// variation selector, skin tone and tag sequence (the flags of England, Scotland, Wales).
const EMOJI_ELEMENT = String.raw`(?:\p{Regional_Indicator}{2}|[0-9#*]\uFE0F?\u20E3|[\p{Extended_Pictographic}\p{Emoji_Presentation}][\uFE0E\uFE0F]?\p{Emoji_Modifier}?(?:[\u{E0020}-\u{E007E}]+\u{E007F})?)`;
/** A whole grapheme that is one emoji or a zero-width-joiner sequence of them (👨‍👩‍👧). */
const EMOJI_GRAPHEME = new RegExp(`^${EMOJI_ELEMENT}(?:\\u200D${EMOJI_ELEMENT})*$`, "u");
const VISIBLE_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}/gu;

/** At most this many combining marks on one character: enough for any script's accents, not for "Zalgo" text. */
export const MAX_MARKS_PER_CHARACTER = 5;

/** Code units one visible character may take at most (see visibleTextProblem). */
const MAX_UNITS_PER_CHARACTER = 32;

let segmenter: Intl.Segmenter | null | undefined;

/**
 * The grapheme clusters of a text (code points where the platform has no `Intl.Segmenter`).
 * @example
 * graphemes("A👨‍👩‍👧"); // ["A", "👨‍👩‍👧"]
 */
export function graphemes(text: string): string[] {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== "undefined" && typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;
  }
  if (!segmenter) return Array.from(text);
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Whether one grapheme is an emoji (including its joiners, variation selectors, skin tone and tags). */
export function isEmojiGrapheme(grapheme: string): boolean {
  return EMOJI_GRAPHEME.test(grapheme);
}

/** A network label has at most this many characters. */
export const LABEL_MAX = 40;

/**
 * The first `count` characters of a text, cut between graphemes.
 * @example
 * firstGraphemes("🦊🐙🦉", 2); // "🦊🐙"
 */
export function firstGraphemes(text: string, count: number): string {
  return graphemes(text).slice(0, count).join("");
}

/**
 * Shortens a text to at most `max` characters, ending with "…" when cut, never inside a grapheme.
 * @example
 * clipGraphemes("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", 2); // "👨‍👩‍👧…"
 */
export function clipGraphemes(text: string, max: number): string {
  const parts = graphemes(text);
  if (parts.length <= max) return text;
  return `${parts.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/**
 * Removes what cannot be shown (outside emoji sequences), collapses whitespace and trims, for
 * text that arrives from a file nobody can inspect by eye.
 * @example
 * stripInvisible(" \u202ebright\u200bness "); // "brightness"
 */
export function stripInvisible(text: string): string {
  return graphemes(text.normalize("NFC"))
    .map((g) => (isEmojiGrapheme(g) ? g : g.replace(INVISIBLE_ALL, "")))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

export type VisibleTextProblem = "empty" | "too-long" | "invisible" | "marks" | "nothing-visible";

/**
 * What is wrong with a cleaned text under the visible-text rules, or null.
 * @example
 * visibleTextProblem("Ada\u3164", 20); // "invisible"
 * visibleTextProblem("👨‍👩‍👧", 20); // null
 */
export function visibleTextProblem(text: string, max: number): VisibleTextProblem | null {
  if (text.length === 0) return "empty";
  // No character a person sees takes more than a few dozen code units (the longest emoji
  // sequences take 14, a letter with five accents 6): a longer text is too long before it is
  // segmented, which keeps a hostile 100,000-character name cheap to refuse.
  if (text.length > max * MAX_UNITS_PER_CHARACTER) return "too-long";
  const parts = graphemes(text);
  if (parts.length > max) return "too-long";
  let visible = false;
  for (const g of parts) {
    if (isEmojiGrapheme(g)) {
      visible = true;
      continue;
    }
    if (INVISIBLE.test(g)) return "invisible";
    if ((g.match(MARKS)?.length ?? 0) > MAX_MARKS_PER_CHARACTER) return "marks";
    if (VISIBLE_LETTER_OR_DIGIT.test(g)) visible = true;
  }
  return visible ? null : "nothing-visible";
}

/**
 * A sentence for a problem, naming the kind of text ("nickname", "label").
 * @example
 * visibleTextMessage("too-long", "nickname", 20); // "A nickname has at most 20 characters."
 */
export function visibleTextMessage(problem: VisibleTextProblem, noun: string, max: number): string {
  switch (problem) {
    case "empty":
      return `Type a ${noun} first.`;
    case "too-long":
      return `A ${noun} has at most ${max} characters.`;
    case "invisible":
      return `That ${noun} has characters that cannot be shown (invisible, control or text-direction characters): remove them.`;
    case "marks":
      return `That ${noun} stacks too many accents on one character.`;
    case "nothing-visible":
      return `A ${noun} needs at least one letter, digit or emoji.`;
  }
}

// Letters of other scripts that look like basic Latin ones, after lower-casing. Upper-case
// look-alikes are covered through their lower case (Cyrillic "В" → "в" → "b"). A small table on
// purpose: it catches the usual impersonation ("Аda" with a Cyrillic А), not every confusable.
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: "a", в: "b", е: "e", ё: "ë", һ: "h", н: "h", і: "i", ї: "ï", ј: "j", к: "k", ӏ: "l", м: "m",
  о: "o", р: "p", ԛ: "q", с: "c", ѕ: "s", т: "t", у: "y", ԝ: "w", х: "x", ԁ: "d", ɡ: "g",
  // Greek
  α: "a", β: "b", ε: "e", η: "h", ι: "i", ϳ: "j", κ: "k", μ: "m", ν: "n", ο: "o", ρ: "p",
  τ: "t", υ: "y", χ: "x", ζ: "z",
};

/**
 * The form two texts are compared in: NFKC, invisible characters removed, case-folded and
 * common Cyrillic/Greek look-alikes mapped to Latin. Equal folds mean "looks the same".
 * @example
 * foldForComparison("Ada") === foldForComparison("\u0410da\u3164"); // true (Cyrillic А, Hangul filler)
 */
export function foldForComparison(text: string): string {
  const cached = folded.get(text);
  if (cached !== undefined) return cached;
  const result = fold(text);
  // Names repeat (every join compares against everyone in the class): remember a bounded few.
  if (folded.size >= FOLD_CACHE_SIZE) folded.clear();
  folded.set(text, result);
  return result;
}

const FOLD_CACHE_SIZE = 10_000;
const folded = new Map<string, string>();

function fold(text: string): string {
  const lower = text
    .normalize("NFKC")
    .replace(INVISIBLE_ALL, "")
    .toUpperCase()
    .toLowerCase()
    .replace(/ς/g, "σ")
    .normalize("NFC");
  let out = "";
  for (const ch of lower) out += Object.hasOwn(LOOK_ALIKES, ch) ? LOOK_ALIKES[ch] : ch;
  return out.replace(/\s+/g, " ").trim();
}
