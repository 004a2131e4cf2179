/**
 * The phone's memory of who it is in a class: the student token, kept in localStorage under
 * `synapse:student:CODE`, so a reload, a sleep or a network switch comes back as the same
 * neuron with no action from the student.
 */

export interface StoredIdentity {
  token: string;
  sessionId: string;
  studentId: string;
  /** Set while this phone waits for the teacher to give it the place of the student with this name. */
  reclaiming?: string;
}

/** The localStorage key for a class code (the contract other pages and tests rely on). */
export const identityKey = (code: string): string => `synapse:student:${code}`;

function isIdentity(value: unknown): value is StoredIdentity {
  const v = value as Partial<StoredIdentity> | null;
  return !!v && typeof v.token === "string" && typeof v.sessionId === "string" && typeof v.studentId === "string";
}

/**
 * The stored identity for a class, or null (none, unreadable, or storage blocked).
 * @example
 * readIdentity("K7QF3M"); // { token, sessionId, studentId } after joining
 */
export function readIdentity(code: string): StoredIdentity | null {
  try {
    const raw = localStorage.getItem(identityKey(code));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isIdentity(parsed) ? parsed : null;
  } catch {
    // Private browsing modes may throw on access: behave as a fresh phone.
    return null;
  }
}

export function saveIdentity(code: string, identity: StoredIdentity): void {
  try {
    localStorage.setItem(identityKey(code), JSON.stringify(identity));
  } catch {
    // Without storage the student still joins; only a reload would lose the identity.
  }
}

export function forgetIdentity(code: string): void {
  try {
    localStorage.removeItem(identityKey(code));
  } catch {
    // Nothing stored that we could remove.
  }
}
