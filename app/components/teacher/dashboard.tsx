"use client";

/**
 * The teacher's dashboard for a live session, laid out for a 1920×1080 projector and usable on
 * a laptop: joining and the room on the left, the class network in the middle, the roster and
 * the weight controls on the right. A running quiz question and the leaderboard sit above the
 * diagram; the quiz panel (question sets, the bank) below it. "Projector view" swaps all of it
 * for the wall layout.
 *
 * Each panel reads its own parts of the session (`useLive`) and is memoised, so a student's
 * slider move re-renders the diagram and the prediction, not the room, the inputs or the locks.
 * This component follows only what lays the page out: the code, the connection, whether the
 * session has ended.
 */
import { memo, useCallback, useMemo, useState } from "react";
import { seatExists } from "../../../lib/session/seating";
import type { Seat } from "../../../lib/session/state";
import { useLive, useLiveView } from "../diagram/live-store";
import { ReconnectingBanner } from "../diagram/status-screens";
import { useJoinInfo } from "../diagram/use-join-info";
import { ClassNetworkPanel } from "./class-network-panel";
import { DashboardHeader, LookBackLinks } from "./dashboard-header";
import { HandbackRequests } from "./handback-requests";
import { JoinPanel } from "./join-panel";
import { LessonExample } from "./lesson/lesson-example";
import { LessonPanel } from "./lesson/lesson-panel";
import { WeightsPanel } from "./network-controls";
import { NetworkSetup } from "./network-setup";
import { NeuronEditor } from "./neuron-editor";
import { LeaderboardPanel } from "./quiz/leaderboard-panel";
import { LiveQuestion } from "./quiz/live-question";
import { QuizPanel } from "./quiz/quiz-panel";
import { enterFullscreen, leaveFullscreen, ProjectorMode } from "./projector-mode";
import { RoomControls } from "./room-controls";
import { Roster } from "./roster";
import { TrainingPanel } from "./training/training-panel";
import { useMediaQuery } from "./use-media-query";

const ON_DARK = "rounded-lg bg-white px-3 py-1.5 text-sm font-bold text-slate-900 hover:bg-slate-200";

export const Dashboard = memo(function Dashboard({ sessionId, token }: { sessionId: string; token: string }) {
  const join = useJoinInfo(sessionId, token);
  const [projector, setProjector] = useState(false);
  const [editing, setEditing] = useState<Seat | null>(null);
  const code = useLive((s) => s.code);
  const ended = useLive((s) => s.status === "ended");
  const editable = useLive((s) => editing !== null && seatExists(s.network, editing));
  const trainingOn = useLive((s) => s.training.on);
  const [trainingOpen, setTrainingOpen] = useState(trainingOn);
  // Once training is on (here or before a reload), the panel stays open after it stops, until closed.
  const [trainingWasOn, setTrainingWasOn] = useState(trainingOn);
  if (trainingOn !== trainingWasOn) {
    setTrainingWasOn(trainingOn);
    if (trainingOn) setTrainingOpen(true);
  }
  const showTraining = trainingOpen || trainingOn;
  const status = useLiveView((v) => v.status);
  const rttMs = useLiveView((v) => v.rttMs);
  // Three columns from 100rem (a 1920 projector, a large laptop); below, the roster joins the
  // left column so the diagram keeps its width.
  const wide = useMediaQuery("(min-width: 100rem)");
  const banner = useMemo(
    () =>
      ended ? (
        <div role="status" className="flex flex-wrap items-center justify-center gap-x-4 gap-y-2 bg-slate-900 px-6 py-3 text-center text-lg font-bold text-white">
          <p>This session has ended. Phones can no longer change anything.</p>
          <p className="flex flex-wrap gap-2 text-base">
            <LookBackLinks sessionId={sessionId} className={ON_DARK} />
          </p>
        </div>
      ) : (
        <ReconnectingBanner status={status} />
      ),
    [ended, status, sessionId],
  );

  const openProjector = useCallback(() => {
    setEditing(null);
    setProjector(true);
    enterFullscreen();
  }, []);
  const closeProjector = useCallback(() => {
    setProjector(false);
    leaveFullscreen();
  }, []);
  const closeEditor = useCallback(() => setEditing(null), []);
  const openTraining = useCallback(() => {
    setTrainingOpen(true);
    requestAnimationFrame(() => document.getElementById("training-panel")?.scrollIntoView({ block: "start", behavior: "smooth" }));
  }, []);
  const closeTraining = useCallback(() => setTrainingOpen(false), []);

  if (projector) {
    return <ProjectorMode join={join} onExit={closeProjector} banner={banner} />;
  }
  const roster = (
    <>
      <HandbackRequests />
      <Roster />
    </>
  );
  return (
    <div className="min-h-dvh bg-slate-100">
      <DashboardHeader
        sessionId={sessionId}
        code={code}
        token={token}
        status={status}
        rttMs={rttMs}
        onProjector={openProjector}
        training={showTraining}
        onTraining={openTraining}
      />
      {banner}
      <main className="grid gap-5 p-5 lg:grid-cols-[minmax(20rem,22rem)_minmax(0,1fr)] min-[100rem]:grid-cols-[minmax(21rem,24rem)_minmax(0,1fr)_minmax(22rem,27rem)]">
        <div className="flex min-w-0 flex-col gap-5">
          <JoinPanel join={join} />
          <LessonPanel />
          <RoomControls />
          {!wide && roster}
        </div>

        <div className="flex min-w-0 flex-col gap-5">
          <LiveQuestion />
          <LeaderboardPanel />
          <ClassNetworkPanel onActivateNeuron={ended ? undefined : setEditing} />
          {showTraining && <TrainingPanel onClose={closeTraining} />}
          <LessonExample />
          <QuizPanel />
          <NetworkSetup />
          {!wide && <WeightsPanel />}
        </div>

        {wide && (
          <div className="flex min-w-0 flex-col gap-5">
            {roster}
            <WeightsPanel />
          </div>
        )}
      </main>
      {editing && editable && <NeuronEditor key={`${editing.layer}:${editing.neuron}`} seat={editing} onClose={closeEditor} />}
    </div>
  );
});
