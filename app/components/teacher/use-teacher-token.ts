"use client";

/**
 * The teacher token for this session. The teacher link carries it in the hash (#t=…), which we
 * move into localStorage and then erase from the address bar at once: the dashboard is usually
 * mirrored on the projector, and a visible token would hand the class the teacher's controls.
 */
import { useEffect, useState } from "react";

export const teacherTokenKey = (sessionId: string): string => `synapse:teacher:${sessionId}`;

/** undefined while reading (first render), null when this browser has no token. */
export function useTeacherToken(sessionId: string): string | null | undefined {
  const [token, setToken] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    const key = teacherTokenKey(sessionId);
    const read = () => {
      const fromHash = new URLSearchParams(window.location.hash.slice(1)).get("t");
      if (fromHash) {
        try {
          localStorage.setItem(key, fromHash);
        } catch {
          // Private mode may refuse storage; the token still works for this page view.
        }
        window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
      }
      let stored: string | null = null;
      try {
        stored = localStorage.getItem(key);
      } catch {
        stored = null;
      }
      setToken(fromHash || stored || null);
    };
    read();
    // A teacher link pasted over this page's address changes only the hash: no new page load.
    window.addEventListener("hashchange", read);
    return () => window.removeEventListener("hashchange", read);
  }, [sessionId]);

  return token;
}

/**
 * Copies text without showing it. The async clipboard API needs a secure context, which a
 * classroom server on a LAN address over http is not, so fall back to a hidden textarea.
 */
export async function copyQuietly(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the older way
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.setAttribute("aria-hidden", "true");
  area.style.position = "fixed";
  area.style.opacity = "0";
  area.style.left = "-9999px";
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
