"use client";

/**
 * What the wall shows: how to join on the left, the network filling the rest, and the
 * prediction underneath in type large enough for the back row. No controls: the teacher's
 * full-screen mode and the second-screen page both render this.
 */
import type { SessionState } from "../../../lib/session/state";
import { NeuronMark } from "../neuron-mark";
import { JoinDetails } from "./join-details";
import { NetworkDiagram } from "./network-diagram";
import { NetworkOutput } from "./network-output";
import type { JoinInfo } from "./use-join-info";

interface ProjectorStageProps {
  state: SessionState;
  join: { info: JoinInfo | null; error: string | null };
  litColumn?: number | null;
  /** A notice across the top (connection lost, session ended). */
  banner?: React.ReactNode;
  /** A way out, for the teacher's full-screen mode. */
  exit?: React.ReactNode;
}

export function ProjectorStage({ state, join, litColumn = null, banner, exit }: ProjectorStageProps) {
  const students = Object.values(state.students).filter((s) => !s.removed).length;
  return (
    <main className="relative grid min-h-dvh grid-rows-[auto_1fr] bg-white text-slate-950">
      <div>{banner}</div>
      <div className="grid gap-8 p-6 lg:grid-cols-[minmax(15rem,21rem)_1fr] min-[100rem]:grid-cols-[minmax(18rem,27rem)_1fr] lg:p-10">
        <aside className="flex flex-col gap-6 border-slate-200 lg:border-r lg:pr-8">
          <p className="flex items-center gap-3 text-2xl font-extrabold tracking-tight">
            <NeuronMark className="h-10 w-10" /> Synapse
          </p>
          <JoinDetails code={state.code} info={join.info} error={join.error} roomLocked={state.roomLocked} ended={state.status === "ended"} size="projector" />
          <p className="text-2xl font-bold text-slate-700">
            {students === 1 ? "1 student has joined" : `${students} students have joined`}
          </p>
          {state.paused && <p className="rounded-lg bg-slate-900 px-4 py-3 text-xl font-bold text-white">Phones paused</p>}
        </aside>
        <section aria-label="Class network" className="flex min-w-0 flex-col justify-center gap-6">
          <h1 className="sr-only">The class network</h1>
          <NetworkDiagram state={state} maxHeight="calc(100dvh - 18rem)" litColumn={litColumn} />
          <NetworkOutput state={state} variant="banner" />
        </section>
      </div>
      {exit}
    </main>
  );
}
