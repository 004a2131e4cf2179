"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** "Host a class": creates a session on the server, keeps the teacher token, opens the dashboard. */
export function HostButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function host() {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/sessions", { method: "POST" });
      const body = (await res.json().catch(() => null)) as
        | { sessionId: string; teacherToken: string }
        | { error?: { message?: string } }
        | null;
      if (!res.ok || !body || !("sessionId" in body)) {
        const message = body && "error" in body ? body.error?.message : undefined;
        throw new Error(message ?? `The server answered ${res.status}.`);
      }
      localStorage.setItem(`synapse:teacher:${body.sessionId}`, body.teacherToken);
      // The token is already stored; keeping it out of the address keeps it off the projector.
      router.push(`/teach/${body.sessionId}`);
    } catch (err) {
      setError(`Could not start a class: ${(err as Error).message}`);
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <button
        type="button"
        onClick={host}
        disabled={busy}
        className="block w-full rounded-xl bg-slate-900 px-5 py-4 text-lg font-bold text-white hover:bg-slate-800 disabled:opacity-60"
      >
        {busy ? "Starting…" : "Host a class"}
      </button>
      {error && (
        <p role="alert" className="text-base font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
