"use client";

/**
 * Entry of the replay page: finds the pass (a shared link's token, or this browser's teacher
 * token), reads the replay's meta, and explains plainly when it cannot open it.
 */
// First: zod must not probe for eval under the content security policy.
import "../no-eval";
import { useEffect, useMemo, useState } from "react";
import type { ReplayMeta } from "../../../lib/protocol/replay";
import { StatusScreen } from "../diagram/status-screens";
import { HttpError } from "../http/bearer-json";
import { ReplayClient } from "./replay-api";
import { ReplayView } from "./replay-view";
import { useReplayToken } from "./use-replay-token";

const NO_PASS = (
  <>
    <p>This browser holds neither the teacher link of this class nor a replay link, so it cannot open the replay.</p>
    <p>
      Teachers: open the replay from the browser you hosted the class in, or open your teacher link (it ends in{" "}
      <code className="font-mono">#t=…</code>) here first. Everyone else: ask the teacher for a replay link (it ends in{" "}
      <code className="font-mono">#r=…</code>).
    </p>
  </>
);

function Refused({ error }: { error: HttpError }) {
  switch (error.code) {
    case "UNAUTHENTICATED":
    case "FORBIDDEN":
      return (
        <StatusScreen title="This link does not open this replay">
          <p>The link may have been mistyped, or the class was shared with another link.</p>
          <p>Ask the teacher for a new replay link.</p>
          <p className="text-base text-slate-600">The server said: {error.message}</p>
        </StatusScreen>
      );
    case "NOT_FOUND":
      return (
        <StatusScreen title="This class is no longer here">
          <p>The teacher deleted it, or it was removed automatically after the retention period.</p>
        </StatusScreen>
      );
    default:
      return (
        <StatusScreen title="Cannot open this replay">
          <p>{error.message}</p>
          <p>Reload the page to try again.</p>
        </StatusScreen>
      );
  }
}

export function ReplayApp({ sessionId }: { sessionId: string }) {
  const pass = useReplayToken(sessionId);
  const client = useMemo(() => (pass ? new ReplayClient(sessionId, pass.token) : null), [sessionId, pass]);
  const [meta, setMeta] = useState<ReplayMeta | null>(null);
  const [error, setError] = useState<HttpError | null>(null);

  useEffect(() => {
    if (!client) return;
    let live = true;
    client
      .meta()
      .then((m) => live && setMeta(m))
      .catch((err) => live && setError(err instanceof HttpError ? err : new HttpError(0, "The replay could not be read. Try again.", "INTERNAL")));
    return () => {
      live = false;
    };
  }, [client]);

  if (pass === undefined) return <StatusScreen title="Opening the replay…" />;
  if (pass === null) return <StatusScreen title="Replay link needed">{NO_PASS}</StatusScreen>;
  if (error) return <Refused error={error} />;
  if (!meta || !client) return <StatusScreen title="Opening the replay…" />;
  if (meta.headSeq === 0)
    return (
      <StatusScreen title="Nothing to replay yet">
        <p>This class has no recorded moments yet.</p>
      </StatusScreen>
    );
  return <ReplayView meta={meta} client={client} />;
}
