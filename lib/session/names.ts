/**
 * Nicknames: trimmed, 1 to 20 characters, unique in the session regardless of case,
 * kept classroom-safe by a small word filter, and shown as plain text everywhere.
 */

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
  if (name.length < 1) return { code: "BAD_REQUEST", message: "Type a nickname first." };
  if ([...name].length > NICKNAME_MAX) {
    return { code: "BAD_REQUEST", message: `A nickname has at most ${NICKNAME_MAX} characters.` };
  }
  // Control and invisible format characters (zero-width spaces, direction overrides) would
  // let two names look the same.
  if (/[\p{Cc}\p{Cf}]/u.test(name)) return { code: "BAD_REQUEST", message: "That nickname has characters that cannot be shown." };
  const words = name.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  // "F.U.C.K" spelled out letter by letter is one word.
  if (words.length > 1 && words.every((w) => w.length === 1)) words.push(words.join(""));
  if (words.some((w) => BLOCKED_WORDS.has(w) || BLOCKED_STEMS.some((stem) => w.startsWith(stem)))) {
    return { code: "NAME_REFUSED", message: "Please pick a classroom-friendly nickname." };
  }
  const lower = name.toLowerCase();
  for (const t of taken) {
    if (t.toLowerCase() === lower) return { code: "NAME_TAKEN", message: `"${name}" is already taken in this class: try another.` };
  }
  return null;
}

/**
 * A friendly generated name not already taken. `random(n)` returns an integer in [0, n).
 * @example
 * suggestNickname(["Brave Otter"], (n) => Math.floor(Math.random() * n)); // "Swift Heron"
 */
export function suggestNickname(taken: Iterable<string>, random: (n: number) => number): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  for (let attempt = 0; attempt < 50; attempt++) {
    const name = `${ADJECTIVES[random(ADJECTIVES.length)]} ${ANIMALS[random(ANIMALS.length)]}`;
    if (!used.has(name.toLowerCase())) return name;
  }
  for (let n = 2; ; n++) {
    const name = `${ADJECTIVES[random(ADJECTIVES.length)]} ${ANIMALS[random(ANIMALS.length)]} ${n}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
