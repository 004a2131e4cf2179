"use client";

/**
 * Who opens this replay. A shared link carries its read-only token in the hash (#r=…): it is
 * kept in sessionStorage for this tab and erased from the address bar at once, as the teacher
 * link is (the page may be on a projector). Without a link, the teacher's own token from this
 * browser's localStorage (kept by the dashboard) opens it.
 */
import { useEffect, useState } from "react";
import { teacherTokenKey } from "../teacher/use-teacher-token";

export const replayTokenKey = (sessionId: string): string => `synapse:replay:${sessionId}`;

export interface ReplayPass {
  token: string;
  /** Where it came from: a shared link, or this browser's teacher token. */
  source: "link" | "teacher";
}

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

/** undefined while reading (first render), null when this browser has neither. */
export function useReplayToken(sessionId: string): ReplayPass | null | undefined {
  const [pass, setPass] = useState<ReplayPass | null | undefined>(undefined);
  useEffect(() => {
    const key = replayTokenKey(sessionId);
    const fromHash = new URLSearchParams(window.location.hash.slice(1)).get("r");
    if (fromHash) {
      try {
        sessionStorage.setItem(key, fromHash);
      } catch {
        // Private mode may refuse storage; the token still works for this page view.
      }
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    }
    const link = fromHash || read(() => sessionStorage, key);
    const teacher = read(() => localStorage, teacherTokenKey(sessionId));
    setPass(link ? { token: link, source: "link" } : teacher ? { token: teacher, source: "teacher" } : null);
  }, [sessionId]);
  return pass;
}
