"use client";

/**
 * The second screen: watches a session by its join code (read-only, no token in the address)
 * and shows the projector stage, which reads the session's parts itself: this screen follows
 * only the connection, so a slider move redraws the diagram and the prediction alone.
 */
// First: zod must not probe for eval under the content security policy.
import "../../components/no-eval";
import { useMemo } from "react";
import { useSession } from "../../realtime/use-session";
import { LiveStoreProvider } from "../../components/diagram/live-store";
import { ProjectorStage } from "../../components/diagram/projector-stage";
import { ReconnectingBanner, StatusScreen } from "../../components/diagram/status-screens";
import { useJoinLink } from "../../components/diagram/use-join-info";

const REFUSALS: Record<string, string> = {
  NOT_FOUND: "No class is running with this code. Check the code on the teacher's screen.",
  SESSION_ENDED: "This class has ended. Thank you for taking part!",
  PROTOCOL_MISMATCH: "Synapse has been updated since this page was opened. Reload the page.",
};

export function ProjectorScreen({ code }: { code: string }) {
  const live = useSession({ watch: code });
  const join = useJoinLink(live.state?.code ?? null);
  const ended = live.state?.status === "ended";
  const banner = useMemo(
    () =>
      ended ? (
        <p role="status" className="bg-slate-900 px-6 py-3 text-center text-2xl font-bold text-white">
          This class has ended.
        </p>
      ) : (
        <ReconnectingBanner status={live.status} />
      ),
    [ended, live.status],
  );

  if (live.status === "refused") {
    return (
      <StatusScreen title={live.refusal?.code === "SESSION_ENDED" ? "Class ended" : "Cannot show this class"}>
        <p>{REFUSALS[live.refusal?.code ?? ""] ?? live.refusal?.message ?? "The server refused this view."}</p>
        {live.refusal?.code === "PROTOCOL_MISMATCH" && (
          <button type="button" onClick={() => location.reload()} className="rounded-lg bg-indigo-700 px-4 py-2 font-bold text-white">
            Reload
          </button>
        )}
      </StatusScreen>
    );
  }
  if (!live.state) {
    return (
      <StatusScreen title="Connecting…">
        <p>Opening the projector view of class {code}.</p>
      </StatusScreen>
    );
  }
  return (
    <LiveStoreProvider store={live.store}>
      <ProjectorStage join={join} banner={banner} />
    </LiveStoreProvider>
  );
}
