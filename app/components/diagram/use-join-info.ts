"use client";

/**
 * The join link and QR code of a session, from the server (which knows which address phones can
 * reach). Retries a few times because the dashboard can open while the server is still warming up.
 */
import { useEffect, useState } from "react";

export interface JoinInfo {
  code: string;
  joinUrl: string | null;
  qrSvg: string | null;
  loopbackOnly: boolean;
  message: string | null;
}

function isJoinInfo(value: unknown): value is JoinInfo {
  const v = value as Partial<JoinInfo> | null;
  return !!v && typeof v.code === "string" && typeof v.loopbackOnly === "boolean";
}

/**
 * @example
 * const { info, error } = useJoinInfo(state?.id ?? null, token);
 */
export function useJoinInfo(sessionId: string | null, token?: string | null): { info: JoinInfo | null; error: string | null } {
  const [info, setInfo] = useState<JoinInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!sessionId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (attempt: number) => {
      try {
        const res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/join-info`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
          cache: "no-store",
        });
        const body: unknown = await res.json().catch(() => null);
        if (!res.ok || !isJoinInfo(body)) throw new Error(`the server answered ${res.status}`);
        if (!cancelled) {
          setInfo(body);
          setError(null);
        }
      } catch (err) {
        if (cancelled) return;
        if (attempt < 5) timer = setTimeout(() => void load(attempt + 1), 1000 * (attempt + 1));
        else setError(`The join link could not be loaded (${(err as Error).message}). Students can still type the code.`);
      }
    };
    void load(0);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [sessionId, token]);

  return { info, error };
}
