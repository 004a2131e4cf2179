/**
 * The replay's timeline, pure: which event is in force at a time (from the meta's sampled
 * time → seq points), the marks before and after a cursor, and how times are written.
 */
import type { ReplayMark } from "../protocol/replay";

/** Where the replay stands: a time and the last event at or before it. */
export interface Cursor {
  at: number;
  seq: number;
}

/**
 * The seq in force at time `t`: the last point's seq with at ≤ t (the first point's before it).
 * @example
 * seqAt([[1000, 1], [2000, 5]], 1999); // 1
 */
export function seqAt(timeline: readonly (readonly [number, number])[], t: number): number {
  if (timeline.length === 0) return 0;
  let lo = 0;
  let hi = timeline.length - 1;
  if (t < timeline[0]![0]) return timeline[0]![1];
  // Binary search for the last point at or before t.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (timeline[mid]![0] <= t) lo = mid;
    else hi = mid - 1;
  }
  return timeline[lo]![1];
}

/** The first mark after the cursor (by seq, then time), or null. */
export function nextMark(marks: readonly ReplayMark[], cursor: Cursor): ReplayMark | null {
  return marks.find((m) => m.seq > cursor.seq || (m.seq === cursor.seq && m.at > cursor.at)) ?? null;
}

/** The last mark before the cursor, or null. */
export function previousMark(marks: readonly ReplayMark[], cursor: Cursor): ReplayMark | null {
  for (let i = marks.length - 1; i >= 0; i--) {
    const m = marks[i]!;
    if (m.seq < cursor.seq || (m.seq === cursor.seq && m.at < cursor.at)) return m;
  }
  return null;
}

/**
 * Time since the start as a clock: "4:05", "1:02:09".
 * @example
 * formatOffset(245_000); // "4:05"
 */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/**
 * Time of day, 24-hour, in the given time zone (the browser's by default).
 * @example
 * formatClock(Date.UTC(2026, 0, 5, 14, 3, 9), "UTC"); // "14:03:09"
 */
export function formatClock(epochMs: number, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, ...(timeZone ? { timeZone } : {}) }).format(epochMs);
}

/** A time kept inside the session's span. */
export function clampTime(t: number, startAt: number, endAt: number): number {
  return Math.min(endAt, Math.max(startAt, t));
}

/** The time `ms` of real time after `anchor` moves the replay at `speed`, kept inside the span. */
export function playTime(anchorAt: number, elapsedMs: number, speed: number, endAt: number): number {
  return Math.min(endAt, anchorAt + elapsedMs * speed);
}
