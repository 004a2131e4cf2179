"use client";

/**
 * The teacher's question bank in this browser, shared by the quiz panel and the editor: read
 * from localStorage once, written back on every change, and followed across tabs.
 */
import { useSyncExternalStore } from "react";
import type { Question } from "../../../../lib/quiz/types";
import { BANK_STORAGE_KEY, loadBank, storeBank } from "../../quiz/bank-store";

let current: Question[] | null = null;
const listeners = new Set<() => void>();
const EMPTY: Question[] = [];

const storage = () => (typeof window === "undefined" ? null : window.localStorage);

function read(): Question[] {
  if (current === null) current = loadBank(storage());
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key !== BANK_STORAGE_KEY) return;
    current = loadBank(storage());
    listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function useBank(): Question[] {
  return useSyncExternalStore(subscribe, read, () => EMPTY);
}

/** Replaces the bank; false when the browser would not keep it (the change still shows until reload). */
export function setBank(questions: Question[]): boolean {
  current = questions;
  const kept = storeBank(storage(), questions);
  for (const l of listeners) l();
  return kept;
}
