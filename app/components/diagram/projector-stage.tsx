"use client";

/**
 * What the wall shows: how to join, the network and the prediction, in type large enough for the
 * back row. Until the class has joined, the join details fill the left; then they shrink to one
 * line above the diagram (and open large again on demand). A lesson step's title and explanation
 * sit beside the diagram. A quiz question or the leaderboard takes the diagram's place while it
 * is up (../quiz/wall-quiz). The teacher's full-screen mode and
 * the second-screen page both render this; only the first passes controls in.
 */
import { memo } from "react";
import { NeuronMark } from "../neuron-mark";
import { quizOnWall, WallQuiz } from "../quiz/wall-quiz";
import { JoinDetails, JoinStrip } from "./join-details";
import { LessonCaption } from "./lesson-caption";
import { useLive } from "./live-store";
import { NetworkDiagram } from "./network-diagram";
import { NetworkOutput } from "./network-output";
import { TrainingWall } from "./training-wall";
import { activeStudents, useJoinPanel } from "./use-join-panel";
import type { JoinInfo } from "./use-join-info";

interface ProjectorStageProps {
  join: { info: JoinInfo | null; error: string | null };
  /** A notice across the top (connection lost, session ended). */
  banner?: React.ReactNode;
  /** The teacher's controls and a way out, for the full-screen mode. */
  exit?: React.ReactNode;
}

const TOGGLE = "rounded-lg bg-white px-3 py-2 text-base font-bold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-100";

/** Re-renders for a join, a pause or the room's lock; the diagram and the prediction follow the values themselves. */
export const ProjectorStage = memo(function ProjectorStage({ join, banner, exit }: ProjectorStageProps) {
  const students = useLive(activeStudents);
  const code = useLive((s) => s.code);
  const ended = useLive((s) => s.status === "ended");
  const isPaused = useLive((s) => s.paused);
  const roomLocked = useLive((s) => s.roomLocked);
  const litColumn = useLive((s) => s.animation.column);
  const panel = useJoinPanel(students);
  const quiz = useLive(quizOnWall);
  const joined = <p className="text-2xl font-bold text-slate-700">{students === 1 ? "1 student has joined" : `${students} students have joined`}</p>;
  const paused = isPaused && <p className="rounded-lg bg-slate-900 px-4 py-2 text-xl font-bold text-white">Phones paused</p>;
  // The lesson step's title and explanation sit beside the diagram while a step is active.
  const network = (
    <div className="flex min-h-0 min-w-0 flex-1 flex-col gap-6 lg:flex-row">
      <section aria-label="Class network" className="flex min-h-0 min-w-0 flex-1 flex-col gap-3">
        <h1 className="sr-only">The class network</h1>
        <TrainingWall />
        <NetworkDiagram maxHeight="fill" surface="projector" litColumn={litColumn} />
        <NetworkOutput variant="banner" />
      </section>
      <LessonCaption />
    </div>
  );

  // A question or the leaderboard takes the wall; the join details stay in the strip above.
  if (!panel.large || quiz) {
    return (
      <main className="flex min-h-dvh flex-col bg-white text-slate-950">
        {banner}
        <header className="flex flex-wrap items-center gap-x-5 gap-y-2 border-b border-slate-200 px-6 py-2 lg:flex-nowrap">
          <NeuronMark className="h-8 w-8 shrink-0" />
          <JoinStrip code={code} info={join.info} ended={ended} size="projector" />
          <p className="shrink-0 text-lg font-bold text-slate-700">{students === 1 ? "1 student has joined" : `${students} students have joined`}</p>
          {paused}
          {!quiz && (
            <button type="button" className={`${TOGGLE} shrink-0`} onClick={panel.toggle}>
              Show join details
            </button>
          )}
          {exit && <div className="shrink-0">{exit}</div>}
        </header>
        <div className={`flex min-h-0 flex-1 flex-col ${quiz ? "px-10 py-6" : "px-6 py-3"}`}>{quiz ? <WallQuiz /> : network}</div>
      </main>
    );
  }
  return (
    <main className="relative flex min-h-dvh flex-col bg-white text-slate-950">
      {banner}
      <div className="flex min-h-0 flex-1 flex-col gap-8 p-6 lg:flex-row lg:p-10">
        <aside className="flex flex-col gap-6 border-slate-200 lg:w-[21rem] lg:shrink-0 lg:border-r lg:pr-8 min-[100rem]:w-[27rem]">
          <p className="flex items-center gap-3 text-2xl font-extrabold tracking-tight">
            <NeuronMark className="h-10 w-10" /> Synapse
          </p>
          <JoinDetails code={code} info={join.info} error={join.error} roomLocked={roomLocked} ended={ended} size="projector" />
          {joined}
          {paused}
          {students > 0 && (
            <button type="button" className={`${TOGGLE} self-start`} onClick={panel.toggle}>
              Hide join details
            </button>
          )}
        </aside>
        {network}
      </div>
      {exit && <div className="absolute right-4 top-4">{exit}</div>}
    </main>
  );
});
