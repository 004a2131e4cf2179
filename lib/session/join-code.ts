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
