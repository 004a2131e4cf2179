/**
 * A bound on how long the room waits for the database. The work itself is not cancelled
 * (a query in flight cannot be recalled), so whoever catches DeadlineError must treat the
 * outcome as unknown.
 */
export class DeadlineError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} took longer than ${ms} ms`);
    this.name = "DeadlineError";
  }
}

/**
 * @example
 * const stored = await withDeadline(storage.append(id, seq, rows), 2500, "append");
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
  });
  // The losing promise may still settle later; its outcome is dropped on purpose.
  work.catch(() => {});
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
