"use client";

/**
 * The student's page for one class code. A phone that already joined (its token is in
 * localStorage) connects straight away; otherwise it goes through the join form first.
 */
import { useCallback, useEffect, useState } from "react";
import { JoinFlow } from "./join-flow";
import { StudentSession } from "./student-session";
import { StudentShell } from "./student-shell";
import { forgetIdentity, readIdentity, saveIdentity, type StoredIdentity } from "./stored-identity";

type Phase = { kind: "checking" } | { kind: "join"; notice: string | null } | { kind: "live"; identity: StoredIdentity };

export function StudentApp({ code }: { code: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: "checking" });

  // localStorage exists only in the browser, so the choice waits for the first effect.
  useEffect(() => {
    const identity = readIdentity(code);
    setPhase(identity ? { kind: "live", identity } : { kind: "join", notice: null });
  }, [code]);

  const joined = useCallback(
    (identity: StoredIdentity) => {
      saveIdentity(code, identity);
      setPhase({ kind: "live", identity });
    },
    [code],
  );

  const forgotten = useCallback((why?: string) => {
    forgetIdentity(code);
    setPhase({ kind: "join", notice: why ?? "This phone's place in the class was not found, so please join again." });
  }, [code]);

  if (phase.kind === "live") return <StudentSession code={code} identity={phase.identity} onForgotten={forgotten} />;
  return (
    <StudentShell code={code}>
      {phase.kind === "join" ? (
        <JoinFlow code={code} notice={phase.notice} onJoined={joined} />
      ) : (
        <p className="text-lg text-slate-700">Opening class {code}…</p>
      )}
    </StudentShell>
  );
}
