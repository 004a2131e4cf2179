/**
 * Nicknames: trimmed, 1 to 20 characters (grapheme clusters: an emoji sequence is one), with
 * at least one visible letter, digit or emoji and nothing invisible (lib/session/text.ts),
 * unique in the session as they look (case, width, invisible characters and common
 * look-alike letters do not make two names different), kept classroom-safe by a small word
 * filter, and shown as plain text everywhere.
 */
import { foldForComparison, visibleTextMessage, visibleTextProblem } from "./text";

export const NICKNAME_MAX = 20;

// A short list is enough to catch the usual attempts; the teacher can rename or remove.
// Words are matched whole, so "Grape", "Peacock" or "Essex" pass; these stems also
// refuse any word that starts with them.
const BLOCKED_STEMS = ["fuck", "shit", "cunt", "nigg", "wank", "twat", "whore", "slut", "bitch", "asshole", "porn"];
const BLOCKED_WORDS = new Set([
  "dick", "cock", "pussy", "penis", "vagina", "fag", "retard", "nazi", "hitler", "rape", "sex", "arse", "ass", "tits",
]);

const ADJECTIVES = [
  "Brave", "Calm", "Clever", "Curious", "Eager", "Gentle", "Happy", "Jolly", "Kind", "Lucky",
  "Mighty", "Nimble", "Quick", "Quiet", "Sunny", "Swift", "Witty", "Bold", "Bright", "Cosmic",
];
const ANIMALS = [
  "Otter", "Falcon", "Panda", "Koala", "Lynx", "Heron", "Gecko", "Badger", "Dolphin", "Fox",
  "Owl", "Tiger", "Walrus", "Yak", "Zebra", "Beaver", "Puffin", "Llama", "Moose", "Raven",
];

export type NicknameProblem = { code: "BAD_REQUEST" | "NAME_REFUSED" | "NAME_TAKEN"; message: string };

/**
 * Trims and collapses inner whitespace.
 * @example
 * cleanNickname("  Ada   L ") // "Ada L"
 */
export function cleanNickname(raw: string): string {
  return raw.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * Checks a cleaned nickname against the rules; `taken` are the names already in use.
 * @example
 * checkNickname("Ada", ["ada"]); // { code: "NAME_TAKEN", ... }
 */
export function checkNickname(name: string, taken: Iterable<string>): NicknameProblem | null {
  // Control and invisible characters (zero-width spaces, fillers, direction overrides) would
  // let two names look the same.
  const visible = visibleTextProblem(name, NICKNAME_MAX);
  if (visible) return { code: "BAD_REQUEST", message: visibleTextMessage(visible, "nickname", NICKNAME_MAX) };
  const folded = foldForComparison(name);
  // The filter reads the folded form too, so "ЅHIT" with a Cyrillic Ѕ is caught.
  const words = folded.split(/[^a-z]+/).filter(Boolean);
  // "F.U.C.K" spelled out letter by letter is one word.
  if (words.length > 1 && words.every((w) => w.length === 1)) words.push(words.join(""));
  if (words.some((w) => BLOCKED_WORDS.has(w) || BLOCKED_STEMS.some((stem) => w.startsWith(stem)))) {
    return { code: "NAME_REFUSED", message: "Please pick a classroom-friendly nickname." };
  }
  for (const t of taken) {
    if (foldForComparison(t) === folded) return { code: "NAME_TAKEN", message: `"${name}" is already taken in this class: try another.` };
  }
  return null;
}

/**
 * Whether two nicknames count as the same name (they look alike).
 * @example
 * sameNickname("Ada", "\u0410DA"); // true: Cyrillic А, any case
 */
export function sameNickname(a: string, b: string): boolean {
  return foldForComparison(a) === foldForComparison(b);
}

/**
 * A friendly generated name not already taken. `random(n)` returns an integer in [0, n).
 * @example
 * suggestNickname(["Brave Otter"], (n) => Math.floor(Math.random() * n)); // "Swift Heron"
 */
export function suggestNickname(taken: Iterable<string>, random: (n: number) => number): string {
  const used = new Set([...taken].map(foldForComparison));
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = `${ADJECTIVES[random(ADJECTIVES.length)]} ${ANIMALS[random(ANIMALS.length)]}`;
    if (!used.has(foldForComparison(name))) return name;
  }
  for (let n = 2; ; n++) {
    const name = `${ADJECTIVES[random(ADJECTIVES.length)]} ${ANIMALS[random(ANIMALS.length)]} ${n}`;
    if (!used.has(foldForComparison(name))) return name;
  }
}
