"use client";

/**
 * Plays the forward pass as light moving through the diagram: inputs, then each layer in turn,
 * then everything lit again. Local to this screen (the projector shows what this screen shows).
 */
import { useCallback, useEffect, useRef, useState } from "react";

const STEP_MS = 900;

export function usePassAnimation(columns: number): { litColumn: number | null; playing: boolean; play: () => void } {
  const [litColumn, setLit] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);

  const stop = useCallback(() => {
    clearInterval(timer.current);
    timer.current = undefined;
    setLit(null);
  }, []);

  const play = useCallback(() => {
    clearInterval(timer.current);
    let step = 0;
    setLit(0);
    timer.current = setInterval(() => {
      step += 1;
      if (step >= columns) stop();
      else setLit(step);
    }, STEP_MS);
  }, [columns, stop]);

  useEffect(() => stop, [stop]);
  return { litColumn, playing: litColumn !== null, play };
}
