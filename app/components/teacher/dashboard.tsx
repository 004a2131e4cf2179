"use client";

/**
 * The teacher's dashboard for a live session, laid out for a 1920×1080 projector and usable on
 * a laptop: joining and the room on the left, the class network in the middle, the roster and
 * the weight controls on the right. "Projector view" swaps all of it for the wall layout.
 */
import { useCallback, useMemo, useState } from "react";
import { seatExists } from "../../../lib/session/seating";
import type { Seat } from "../../../lib/session/state";
import type { LiveSession } from "../../realtime/use-session";
import { NetworkDiagram } from "../diagram/network-diagram";
import { NetworkOutput } from "../diagram/network-output";
import { buildModel } from "../diagram/diagram-model";
import { verdictOf } from "../diagram/verdict";
import { ReconnectingBanner } from "../diagram/status-screens";
import { useJoinInfo } from "../diagram/use-join-info";
import { DashboardHeader } from "./dashboard-header";
import { InputsEditor } from "./inputs-editor";
import { JoinPanel } from "./join-panel";
import { LockControls, RangeControl, TeamModeControl, WeightActions } from "./network-controls";
import { NetworkSetup } from "./network-setup";
import { NeuronEditor } from "./neuron-editor";
import { PassControls } from "./pass-controls";
import { enterFullscreen, leaveFullscreen, ProjectorMode } from "./projector-mode";
import { RoomControls } from "./room-controls";
import { HandbackRequests } from "./handback-requests";
import { Roster } from "./roster";
import { ThresholdField } from "./threshold-field";
import { Panel } from "./ui";
import { useMediaQuery } from "./use-media-query";

export function Dashboard({ sessionId, token, live }: { sessionId: string; token: string; live: LiveSession & { state: NonNullable<LiveSession["state"]> } }) {
  const { state } = live;
  const join = useJoinInfo(sessionId, token);
  const [projector, setProjector] = useState(false);
  const [editing, setEditing] = useState<Seat | null>(null);
  // A one-sigmoid output is a detector: the teacher sets the threshold its verdict uses.
  const detector = useMemo(() => {
    const model = buildModel(state);
    return model && verdictOf(state, model);
  }, [state]);
  const ended = state.status === "ended";
  // Three columns from 100rem (a 1920 projector, a large laptop); below, the roster joins the
  // left column so the diagram keeps its width.
  const wide = useMediaQuery("(min-width: 100rem)");
  const roster = (
    <>
      <HandbackRequests state={state} online={live.online} />
      <Roster state={state} online={live.online} />
    </>
  );
  const weights = (
    <Panel title="Weights">
      <div className="grid gap-5">
        <LockControls state={state} />
        <WeightActions />
        <TeamModeControl mode={state.teamMode} />
        <RangeControl range={state.range} />
      </div>
    </Panel>
  );
  const banner = ended ? (
    <p role="status" className="bg-slate-900 px-6 py-3 text-center text-lg font-bold text-white">
      This session has ended. Phones can no longer change anything.
    </p>
  ) : (
    <ReconnectingBanner status={live.status} />
  );

  const openProjector = () => {
    setEditing(null);
    setProjector(true);
    enterFullscreen();
  };
  const closeProjector = useCallback(() => {
    setProjector(false);
    leaveFullscreen();
  }, []);

  if (projector) {
    return <ProjectorMode state={state} join={join} onExit={closeProjector} banner={banner} />;
  }
  return (
    <div className="min-h-dvh bg-slate-100">
      <DashboardHeader sessionId={sessionId} code={state.code} token={token} status={live.status} rttMs={live.rttMs} onProjector={openProjector} />
      {banner}
      <main className="grid gap-5 p-5 lg:grid-cols-[minmax(20rem,22rem)_minmax(0,1fr)] min-[100rem]:grid-cols-[minmax(21rem,24rem)_minmax(0,1fr)_minmax(22rem,27rem)]">
        <div className="flex min-w-0 flex-col gap-5">
          <JoinPanel state={state} join={join} />
          <RoomControls state={state} />
          {!wide && roster}
        </div>

        <div className="flex min-w-0 flex-col gap-5">
          <Panel
            title="Class network"
            actions={<PassControls animation={state.animation} />}
          >
            <NetworkDiagram state={state} maxHeight="max(22rem, calc(100dvh - 24rem))" onActivateNeuron={ended ? undefined : setEditing} litColumn={state.animation.column} markEmpty />
            <p className="mt-2 text-center text-sm text-slate-700">Select a neuron to set its weights and bias (for neurons nobody sits on, or to help a student).</p>
            <div className="mt-5 grid grid-cols-[repeat(auto-fit,minmax(17rem,1fr))] gap-6 border-t border-slate-200 pt-5">
              <section aria-labelledby="inputs-heading">
                <h3 id="inputs-heading" className="mb-3 text-base font-extrabold">
                  Inputs
                </h3>
                <InputsEditor state={state} />
              </section>
              <section aria-labelledby="output-heading">
                <h3 id="output-heading" className="mb-3 text-base font-extrabold">
                  Prediction
                </h3>
                <NetworkOutput state={state} />
                {detector && <ThresholdField threshold={state.threshold} positive={detector.positiveText} />}
              </section>
            </div>
          </Panel>
          <NetworkSetup state={state} />
          {!wide && weights}
        </div>

        {wide && (
          <div className="flex min-w-0 flex-col gap-5">
            {roster}
            {weights}
          </div>
        )}
      </main>
      {editing && seatExists(state.network, editing) && <NeuronEditor key={`${editing.layer}:${editing.neuron}`} state={state} seat={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
