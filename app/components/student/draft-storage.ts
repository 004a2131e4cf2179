/**
 * Where the phone keeps a question's draft, and which kept programs to clear. Pure, so the
 * unit tests check it; use-quiz-draft.ts reads and writes the storage.
 */

/** Every draft's key starts with this (programs are the only ones in localStorage). */
export const CODE_DRAFT_PREFIX = "synapse:quiz:";

/** How long a program is kept on the phone after it was last changed. */
export const PROGRAM_KEPT_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * @example
 * draftKey("p3", "q2"); // "synapse:quiz:p3:q2"
 */
export const draftKey = (studentId: string, runId: string): string => `${CODE_DRAFT_PREFIX}${studentId}:${runId}`;

/**
 * The kept programs to clear when `current` is in use: the same student's other questions
 * (a question never opens again once another is launched) and any entry older than two days
 * or without a time. Other students' recent programs stay (another class in another tab).
 * @example
 * draftsToDrop([["synapse:quiz:p3:q1", now], ["synapse:quiz:p3:q2", now]], "synapse:quiz:p3:q2", now); // ["synapse:quiz:p3:q1"]
 */
export function draftsToDrop(entries: readonly (readonly [key: string, at: number | null])[], current: string, now: number): string[] {
  const student = current.slice(0, current.lastIndexOf(":") + 1);
  return entries
    .filter(([key, at]) => key !== current && (key.startsWith(student) || at === null || now - at > PROGRAM_KEPT_MS))
    .map(([key]) => key);
}
