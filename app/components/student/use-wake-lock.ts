"use client";

/**
 * Keeps the phone's screen on while the student is connected (Screen Wake Lock API), so the
 * phone does not sleep mid-lesson. The browser drops the lock whenever the page is hidden, so
 * it is asked for again each time the page becomes visible. Failures (no support, low battery,
 * no user gesture yet) are ignored: the page works the same without it.
 */
import { useEffect } from "react";

export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || typeof navigator === "undefined") return;
    let sentinel: WakeLockSentinel | null = null;
    let stopped = false;

    const request = async () => {
      try {
        const next = await navigator.wakeLock?.request("screen");
        if (!next) return;
        if (stopped) {
          void next.release().catch(() => {});
          return;
        }
        void sentinel?.release().catch(() => {});
        sentinel = next;
      } catch {
        // Not allowed right now; we try again on the next visibilitychange.
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") void request();
    };

    void request();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stopped = true;
      document.removeEventListener("visibilitychange", onVisibility);
      void sentinel?.release().catch(() => {});
    };
  }, [active]);
}
