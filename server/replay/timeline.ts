/**
 * The replay slider's time → seq index: a few evenly spread seqs of the log and every mark,
 * at most 2,000 points, increasing in time and in seq, so the seq at a time t is the last
 * point's with at ≤ t. Events appended in one batch share a time; of those the last seq is
 * kept (it is what the slider shows at that time).
 */
import { thin } from "./sampler";

export const TIMELINE_MAX = 2_000;

/**
 * The seqs to look the times of: `count` spread evenly over 1..head, with both ends.
 * @example
 * sampleSeqs(1_000, 5); // [1, 251, 501, 750, 1000]
 */
export function sampleSeqs(head: number, count: number): number[] {
  if (head <= 0) return [];
  if (head <= count) return Array.from({ length: head }, (_, i) => i + 1);
  const out = new Set<number>();
  for (let i = 0; i < count; i++) out.add(1 + Math.round((i * (head - 1)) / (count - 1)));
  return [...out];
}

/**
 * Merges sampled points and marks into the index.
 * @example
 * buildTimeline([{ seq: 1, at: 10 }, { seq: 9, at: 50 }], [{ seq: 4, at: 20 }]); // [[10, 1], [20, 4], [50, 9]]
 */
export function buildTimeline(
  samples: readonly { seq: number; at: number }[],
  marks: readonly { seq: number; at: number }[],
  max = TIMELINE_MAX,
): [number, number][] {
  const bySeq = new Map<number, number>();
  for (const p of [...samples, ...marks]) bySeq.set(p.seq, p.at);
  const sorted = [...bySeq.entries()].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [seq, rawAt] of sorted) {
    // Times never go back along the log; a clock step back is read as "at the same time".
    const at = out.length > 0 ? Math.max(rawAt, out.at(-1)![0]) : rawAt;
    if (out.length > 0 && out.at(-1)![0] === at) out.pop();
    out.push([at, seq]);
  }
  return thin(out, max);
}
