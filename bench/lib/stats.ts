/** Small numeric helpers for the benchmark's reports. */

/** The p-th percentile (0..100) by nearest rank; NaN for no data. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

/** The most timestamps (sorted, ms) that fall within any span of `spanMs` (half-open). */
export function maxInSlidingWindow(times: number[], spanMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= spanMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** The smallest gap between consecutive timestamps (sorted, ms); Infinity for fewer than two. */
export function minGap(times: number[]): number {
  let best = Infinity;
  for (let i = 1; i < times.length; i++) best = Math.min(best, times[i]! - times[i - 1]!);
  return best;
}

export const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "–");
