"use client";

/**
 * The join link and QR code of a session, from the server (which knows which address phones can
 * reach). The dashboard asks with the teacher's pass (`useJoinInfo`); a screen that only knows
 * the code, such as the projector view, asks by code (`useJoinLink`). Retries a few times because
 * the dashboard can open while the server is still warming up, but not after an answer that a
 * retry cannot change (no pass, someone else's pass, no such class).
 */
import { useEffect, useState } from "react";
import { joinInfoResponseSchema, type JoinInfoResponse } from "../../../lib/protocol/http";

export type JoinInfo = JoinInfoResponse;

export interface JoinInfoState {
  info: JoinInfo | null;
  error: string | null;
}

const STILL_TYPE = "Students can still type the code.";
const NO_PASS = `This browser has no valid teacher pass for this class, so the join link cannot be shown. Open the class from its teacher link. ${STILL_TYPE}`;

const FINAL: Record<number, string> = {
  401: NO_PASS,
  403: `This browser holds the pass of another class or of a student, so the join link cannot be shown here. Open this class from its own teacher link. ${STILL_TYPE}`,
  404: "This class no longer exists, so there is no join link.",
  410: "This class has ended, so there is no join link.",
};

function useJoinDetails(url: string | null, token: string | null): JoinInfoState {
  const [state, setState] = useState<JoinInfoState>({ info: null, error: null });

  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (attempt: number) => {
      try {
        const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: "no-store" });
        const final = FINAL[res.status];
        if (final) {
          if (!cancelled) setState({ info: null, error: final });
          return;
        }
        const parsed = joinInfoResponseSchema.safeParse(await res.json().catch(() => null));
        if (!res.ok || !parsed.success) throw new Error(`the server answered ${res.status}`);
        if (!cancelled) setState({ info: parsed.data, error: null });
      } catch (err) {
        if (cancelled) return;
        if (attempt < 5) timer = setTimeout(() => void load(attempt + 1), 1000 * (attempt + 1));
        else setState({ info: null, error: `The join link could not be loaded (${(err as Error).message}). ${STILL_TYPE}` });
      }
    };
    void load(0);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [url, token]);

  return url ? state : { info: null, error: null };
}

/**
 * For the teacher's dashboard: the route is teacher-only, so without a token nothing is asked.
 * @example
 * const { info, error } = useJoinInfo(sessionId, token);
 */
export function useJoinInfo(sessionId: string | null, token?: string | null): JoinInfoState {
  const url = sessionId && token ? `/api/sessions/${encodeURIComponent(sessionId)}/join-info` : null;
  const loaded = useJoinDetails(url, token ?? null);
  return sessionId && !token ? { info: null, error: NO_PASS } : loaded;
}

/**
 * For a screen that knows only the join code (the projector view): anyone with the code may ask.
 * @example
 * const join = useJoinLink(live.state?.code ?? null);
 */
export function useJoinLink(code: string | null): JoinInfoState {
  return useJoinDetails(code ? `/api/join/${encodeURIComponent(code)}/link` : null, null);
}
