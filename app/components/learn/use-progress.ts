"use client";

/**
 * The learner's progress, kept in localStorage: read once after the page has mounted (the
 * server renders the first section, so hydration matches), written on every change.
 * Storage that refuses (private mode, full) leaves the lesson working for this visit.
 */
import { useCallback, useEffect, useState } from "react";
import { EMPTY_PROGRESS, parseProgress, PROGRESS_KEY, type Progress } from "./learn-model";

function read(): Progress {
  try {
    return parseProgress(window.localStorage.getItem(PROGRESS_KEY));
  } catch {
    return EMPTY_PROGRESS;
  }
}

function write(progress: Progress | null): void {
  try {
    if (progress) window.localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    else window.localStorage.removeItem(PROGRESS_KEY);
  } catch {
    // Storage refused: progress lasts as long as the page.
  }
}

export function useProgress(): { progress: Progress; loaded: boolean; change(update: (p: Progress) => Progress): void; clear(): void } {
  const [progress, setProgress] = useState<Progress>(EMPTY_PROGRESS);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    setProgress(read());
    setLoaded(true);
  }, []);
  const change = useCallback((update: (p: Progress) => Progress) => {
    setProgress((old) => {
      const next = update(old);
      write(next);
      return next;
    });
  }, []);
  const clear = useCallback(() => {
    write(null);
    setProgress(EMPTY_PROGRESS);
  }, []);
  return { progress, loaded, change, clear };
}
