"use client";

/**
 * Joining a class by its code: look the class up, then ask for a nickname. When the code
 * leads nowhere (no such class, class ended, too many tries), say so and offer the way home.
 *
 * Links home are plain anchors: leaving the Pages Router student page for the App Router home
 * page is a full page load anyway, and `next/link` would add to the phone's JavaScript.
 */
import { useCallback, useEffect, useState } from "react";
import { lookUpClass, type ApiFailure, type ClassInfo } from "./join-api";
import { NicknameForm } from "./nickname-form";
import { actionClass, MessageCard, secondaryActionClass } from "./student-shell";
import type { StoredIdentity } from "./stored-identity";

type Lookup = { kind: "loading" } | { kind: "failed"; failure: ApiFailure } | { kind: "ready"; info: ClassInfo };

interface JoinFlowProps {
  code: string;
  /** Why the student is asked to join again (their old place was not found), if so. */
  notice: string | null;
  onJoined(identity: StoredIdentity): void;
}

const TITLES: Record<string, string> = {
  NOT_FOUND: "No class with this code",
  SESSION_ENDED: "This class has ended",
  RATE_LIMITED: "Too many tries",
  NETWORK: "No connection",
};

export function JoinFlow({ code, notice, onJoined }: JoinFlowProps) {
  const [lookup, setLookup] = useState<Lookup>({ kind: "loading" });

  const load = useCallback(async () => {
    setLookup({ kind: "loading" });
    const result = await lookUpClass(code);
    setLookup(result.ok ? { kind: "ready", info: result.value } : { kind: "failed", failure: result });
  }, [code]);

  useEffect(() => {
    void load();
  }, [load]);

  if (lookup.kind === "failed") {
    const { failure } = lookup;
    const canRetry = failure.code === "RATE_LIMITED" || failure.code === "NETWORK" || failure.status >= 500;
    return (
      <MessageCard title={TITLES[failure.code] ?? "Could not open this class"}>
        <p role="alert">{failure.message}</p>
        {canRetry && (
          <button type="button" onClick={() => void load()} className={actionClass}>
            Try again
          </button>
        )}
        <a href="/" className={canRetry ? secondaryActionClass : actionClass}>
          Type another code
        </a>
      </MessageCard>
    );
  }

  return (
    <section className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-3xl font-extrabold tracking-tight text-slate-900">Join the class</h1>
      <p className="mt-2 text-lg text-slate-700">
        Pick a nickname. You will become one neuron of the class network.
      </p>
      {notice && <p className="mt-3 rounded-xl bg-indigo-50 p-3 text-slate-800">{notice}</p>}
      <div className="mt-5">
        {lookup.kind === "loading" ? (
          <p className="text-lg text-slate-700">Looking for class {code}…</p>
        ) : (
          <NicknameForm code={code} info={lookup.info} onJoined={onJoined} />
        )}
      </div>
    </section>
  );
}
