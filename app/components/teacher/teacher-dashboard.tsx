"use client";

/**
 * Entry of the teacher's page: finds this browser's teacher token (erasing it from the address
 * bar), connects, and explains plainly when it cannot (no token here, session over, old page).
 */
// First: zod must not probe for eval under the content security policy.
import "../no-eval";
import { LiveStoreProvider } from "../diagram/live-store";
import { StatusScreen } from "../diagram/status-screens";
import { useSession, type LiveSession } from "../../realtime/use-session";
import { CommandsProvider } from "./commands";
import { Dashboard } from "./dashboard";
import { LookBackLinks } from "./dashboard-header";
import { SECONDARY } from "./ui";
import { useTeacherToken } from "./use-teacher-token";

const NO_TOKEN = (
  <>
    <p>This browser does not hold the teacher link for this class, so it cannot open the controls.</p>
    <p>
      Open the teacher link you copied from the dashboard (it ends in <code className="font-mono">#t=…</code>) in this
      browser, or host a new class from the start page.
    </p>
  </>
);

export function TeacherDashboard({ sessionId }: { sessionId: string }) {
  const token = useTeacherToken(sessionId);
  const live = useSession(token ? { token } : null);

  if (token === undefined) return <StatusScreen title="Opening your class…" />;
  if (token === null) return <StatusScreen title="Teacher link needed">{NO_TOKEN}</StatusScreen>;
  if (live.status === "refused") return <Refused refusal={live.refusal} sessionId={sessionId} />;
  if (!live.state) return <StatusScreen title="Connecting to your class…" />;
  // A token is the teacher's for one session only: a pass for another class (pasted under
  // this address by hand) must not show or steer that other class from here.
  if (live.state.id !== sessionId) return <StatusScreen title="Teacher link needed">{NO_TOKEN}</StatusScreen>;
  const enabled = live.status === "connected" && live.state.status === "live";
  // This component follows the whole connection; the dashboard's panels each read their own
  // parts of the session from the store, so an update re-renders only the panels it changes.
  return (
    <CommandsProvider send={live.send} enabled={enabled}>
      <LiveStoreProvider store={live.store}>
        <Dashboard sessionId={sessionId} token={token} />
      </LiveStoreProvider>
    </CommandsProvider>
  );
}

function Refused({ refusal, sessionId }: { refusal: LiveSession["refusal"]; sessionId: string }) {
  switch (refusal?.code) {
    case "UNAUTHENTICATED":
    case "FORBIDDEN":
      return (
        <StatusScreen title="Teacher link needed">
          {NO_TOKEN}
          <p className="text-base text-slate-600">The server said: {refusal.message}</p>
        </StatusScreen>
      );
    case "SESSION_ENDED":
      return (
        <StatusScreen title="This session has ended">
          <p>The class is over: phones can no longer join or change anything.</p>
          <p className="flex flex-wrap gap-2">
            <LookBackLinks sessionId={sessionId} className={SECONDARY} />
          </p>
        </StatusScreen>
      );
    case "PROTOCOL_MISMATCH":
      return (
        <StatusScreen title="Synapse was updated">
          <p>This page is older than the server. Reload it to carry on; your class is still running.</p>
          <button type="button" onClick={() => window.location.reload()} className="rounded-lg bg-indigo-700 px-4 py-2 font-bold text-white">
            Reload
          </button>
        </StatusScreen>
      );
    default:
      return (
        <StatusScreen title="Cannot open this class">
          <p>{refusal?.message ?? "The server refused the connection."}</p>
        </StatusScreen>
      );
  }
}
