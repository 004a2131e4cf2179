/**
 * Join codes: six characters from an alphabet with no look-alikes (no 0/O, 1/I/L, 2/Z,
 * 5/S, 8/B), so a code read from the back of the room is typed right the first time.
 */

export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const JOIN_CODE_LENGTH = 6;

/**
 * A fresh random code. `random` must return integers in [0, n); the server passes a
 * cryptographic source.
 * @example
 * generateJoinCode((n) => crypto.randomInt(n)); // "K7QF3M"
 */
export function generateJoinCode(random: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * What a person typed, as a code: upper case, spaces and dashes dropped.
 * @example
 * normalizeJoinCode(" k7q-f3m "); // "K7QF3M"
 */
export function normalizeJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

/**
 * Whether a normalized string could be a join code at all.
 * @example
 * isJoinCode("K7QF3M"); // true
 * isJoinCode("K0QF3M"); // false: 0 is not in the alphabet
 */
export function isJoinCode(code: string): boolean {
  if (code.length !== JOIN_CODE_LENGTH) return false;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return false;
  return true;
}

/** "A", "A or B", "A, B or C": how a short list reads in a sentence. */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/**
 * Why a normalized string cannot be a join code, in words a student can act on, or null when
 * it can be one. Characters the alphabet never uses are named first: they are the likeliest
 * typo (an O for a Q, a Z for a 7), and "has 6 characters" would not help with them.
 * @example
 * joinCodeProblem("ZZZZZZ"); // "Join codes never contain Z. Check the code on the projector."
 * joinCodeProblem("K7QF"); // "A join code has 6 characters; this has 4. Check the code on the projector."
 * joinCodeProblem("K7QF3M"); // null
 */
export function joinCodeProblem(code: string): string | null {
  if (code === "") return "Type the join code shown on the projector.";
  const never = [...new Set(Array.from(code).filter((ch) => !JOIN_CODE_ALPHABET.includes(ch)))];
  if (never.length > 0) {
    return `Join codes never contain ${orList(never.slice(0, 4))}. Check the code on the projector.`;
  }
  if (code.length !== JOIN_CODE_LENGTH) {
    return `A join code has ${JOIN_CODE_LENGTH} characters; this has ${code.length}. Check the code on the projector.`;
  }
  return null;
}
