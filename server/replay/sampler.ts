/**
 * Keeps at most `max` points of a stream, evenly spread in time, without knowing where the
 * stream ends: points fall into time slices of a width that doubles whenever there are too
 * many slices, and each slice keeps its latest point. The first and the last point are
 * always kept. Memory stays bounded by `max` however long the stream.
 */
export interface Timed {
  seq: number;
  at: number;
}

export class TimeSampler<P extends Timed> {
  private first: P | null = null;
  private last: P | null = null;
  private slices = new Map<number, P>();
  private width: number;

  /**
   * @param max at most this many points come out (at least 3)
   * @param width the first slice width, ms (1: a short session keeps every change)
   */
  constructor(
    private readonly max = 400,
    width = 1,
  ) {
    if (max < 3) throw new Error("a sampler keeps at least 3 points");
    this.width = width;
  }

  /** Points must come in seq order, with times that do not go back (a time that does counts as the last one's). */
  add(point: P): void {
    if (!this.first) {
      this.first = point;
      this.last = point;
      return;
    }
    this.last = point;
    this.slices.set(this.sliceOf(point.at), point);
    while (this.slices.size > this.max - 2) this.widen();
  }

  get size(): number {
    return this.points().length;
  }

  /** The kept points in seq order: the first, each slice's latest, the last. */
  points(): P[] {
    if (!this.first) return [];
    const out = [this.first];
    for (const p of [...this.slices.values()].sort((a, b) => a.seq - b.seq)) if (p.seq > out.at(-1)!.seq) out.push(p);
    if (this.last!.seq > out.at(-1)!.seq) out.push(this.last!);
    return out;
  }

  private sliceOf(at: number): number {
    return Math.floor(Math.max(0, at - this.first!.at) / this.width);
  }

  private widen(): void {
    this.width *= 2;
    const old = [...this.slices.values()].sort((a, b) => a.seq - b.seq);
    this.slices = new Map();
    for (const p of old) this.slices.set(this.sliceOf(p.at), p);
  }
}

/**
 * At most `max` of the points, evenly spread by index, keeping the first and the last.
 * @example
 * thin([1, 2, 3, 4, 5], 3); // [1, 3, 5]
 */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  if (max <= 1) return points.slice(-1);
  const out: T[] = [];
  for (let i = 0; i < max; i++) out.push(points[Math.round((i * (points.length - 1)) / (max - 1))]!);
  return out;
}
