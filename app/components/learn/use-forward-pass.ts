"use client";

/**
 * The forward pass played in this browser: column 0 (the inputs) lights first, then each layer
 * in turn every PASS_STEP_MS, as on the live dashboard; after the output layer the picture is
 * whole again. "Next layer" steps by hand. With prefers-reduced-motion the diagram's styles
 * drop the pulse, so the pass steps without motion.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { PASS_STEP_MS } from "../../../lib/session/state";

export interface ForwardPass {
  column: number | null;
  playing: boolean;
  play(): void;
  step(): void;
  stop(): void;
}

export function useForwardPass(layerCount: number): ForwardPass {
  const [column, setColumn] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const clear = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };

  useEffect(() => {
    if (!playing) return;
    clear();
    timer.current = setTimeout(() => {
      setColumn((c) => {
        const next = c === null ? 0 : c + 1;
        if (next > layerCount) {
          setPlaying(false);
          return null;
        }
        return next;
      });
    }, PASS_STEP_MS);
    return clear;
  }, [playing, column, layerCount]);

  const play = useCallback(() => {
    setColumn(0);
    setPlaying(true);
  }, []);
  const step = useCallback(() => {
    setPlaying(false);
    setColumn((c) => (c === null ? 0 : c + 1 > layerCount ? null : c + 1));
  }, [layerCount]);
  const stop = useCallback(() => {
    setPlaying(false);
    setColumn(null);
  }, []);
  // A new network (another section) starts unlit.
  useEffect(() => stop, [layerCount, stop]);
  return { column, playing, play, step, stop };
}
