"use client";

/**
 * The dashboard's loss chart data: what the session remembers (rounds, automatic steps: all a
 * reloaded page has) merged with every loss this browser saw since, so the line follows the
 * class between rounds. Starts afresh when training starts again on another data set.
 */
import { useEffect, useMemo, useState } from "react";
import type { TrainingState } from "../../../../lib/session/domains/training/state";
import { addPoint, mergePoints, savedHistory, type LossMark, type LossPoint } from "../../training/loss-history";

/**
 * @example
 * const { points, marks } = useLossHistory(training, readout?.loss ?? null);
 */
export function useLossHistory(training: TrainingState, loss: number | null): { points: LossPoint[]; marks: LossMark[]; now: number } {
  const [seen, setSeen] = useState<{ dataset: unknown; points: LossPoint[] }>({ dataset: training.dataset, points: [] });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (loss === null) return;
    const at = Date.now();
    setNow(at);
    setSeen((prev) =>
      prev.dataset === training.dataset ? { dataset: prev.dataset, points: addPoint(prev.points, { at, loss }) } : { dataset: training.dataset, points: [{ at, loss }] },
    );
  }, [loss, training.dataset]);
  // The line runs on to "now" while the class is quiet.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);
  const saved = useMemo(() => savedHistory(training), [training]);
  const points = useMemo(() => mergePoints(saved.points, seen.dataset === training.dataset ? seen.points : []), [saved, seen, training.dataset]);
  return { points, marks: saved.marks, now };
}
