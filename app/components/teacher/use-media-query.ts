"use client";

/**
 * Whether a media query matches, live. Used where a panel must move between columns: rendering
 * it twice and hiding one copy with CSS would give tests and assistive tech two of everything.
 */
import { useSyncExternalStore } from "react";

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
