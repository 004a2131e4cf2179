/**
 * Waiting for a condition instead of sleeping for a fixed time: poll until a probe holds,
 * with a deadline and an error that says what never happened.
 */

export interface WaitOptions {
  /** Overall deadline. */
  timeoutMs?: number;
  /** Pause between two probes. */
  intervalMs?: number;
}

/**
 * Polls `probe` until it returns a truthy value and resolves with that value; rejects
 * after `timeoutMs` with "timed out waiting for <what>" (and the probe's last error).
 * @example
 * const res = await waitFor("health 200", async () => { const r = await fetch(url); return r.ok && r; });
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 50 }: WaitOptions = {},
): Promise<Exclude<T, false | null | undefined | 0 | "">> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as Exclude<T, false | null | undefined | 0 | "">;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
}
