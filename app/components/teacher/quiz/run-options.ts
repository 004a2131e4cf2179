"use client";

/**
 * How the next question runs (its time limit, whether answers may change), shared by every
 * place on the dashboard that launches a question: the quiz panel sets it, the lesson panel's
 * "Launch" buttons use it too. Kept for this page only.
 */
import { useSyncExternalStore } from "react";

export interface RunOptions {
  timeLimitSec: number | null;
  allowChange: boolean;
}

let current: RunOptions = { timeLimitSec: null, allowChange: false };
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const read = () => current;

export function useRunOptions(): RunOptions {
  return useSyncExternalStore(subscribe, read, read);
}

export function setRunOptions(change: Partial<RunOptions>): void {
  current = { ...current, ...change };
  for (const l of listeners) l();
}
