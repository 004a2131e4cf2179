"use client";

/**
 * The replay page once its meta has arrived: the diagram as it was at the cursor with its
 * "Network output", the timeline and its controls, the question of that moment, the class
 * prediction over time and a neuron's history. The teacher also gets "Share"; a shared link
 * sees "Read-only replay" and nothing that changes anything.
 */
import Link from "next/link";
import { memo, useCallback, useState } from "react";
import type { ReplayMeta } from "../../../lib/protocol/replay";
import { LESSON_STEPS } from "../../../lib/lesson/steps";
import type { Seat } from "../../../lib/session/state";
import { useLive, LiveStoreProvider } from "../diagram/live-store";
import { NetworkDiagram } from "../diagram/network-diagram";
import { NetworkOutput } from "../diagram/network-output";
import { StatusScreen } from "../diagram/status-screens";
import { NeuronMark } from "../neuron-mark";
import { Panel, SECONDARY } from "../teacher/ui";
import { NeuronHistory } from "./neuron-history";
import { PredictionChart } from "./prediction-chart";
import type { ReplayClient } from "./replay-api";
import { ReplayQuestion } from "./replay-question";
import { ReplayTraining } from "./replay-training";
import { SharePanel } from "./share-panel";
import { TimelinePanel } from "./timeline-panel";
import { useReplayPlayer } from "./use-replay-player";

const dateText = (ms: number) => new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(ms);

function Header({ meta, onShare, sharing }: { meta: ReplayMeta; onShare?: () => void; sharing: boolean }) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-2.5 sm:px-5">
      <div className="flex min-w-0 items-center gap-3">
        <NeuronMark className="h-8 w-8 shrink-0" />
        <div className="min-w-0">
          <h1 className="text-lg leading-tight font-extrabold tracking-tight">
            Synapse <span className="font-semibold text-slate-600">· Replay</span>
          </h1>
          <p className="truncate text-sm text-slate-600">
            Class <span className="font-mono font-bold text-slate-800">{meta.code}</span> · {dateText(meta.startAt)}
            {meta.status === "live" ? " · still running" : ""}
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {meta.viewer === "link" && (
          <p className="rounded-full bg-amber-100 px-3 py-1 text-sm font-bold text-amber-950 ring-1 ring-amber-300">
            Read-only replay{meta.hideNames ? " · names hidden" : ""}
          </p>
        )}
        {meta.viewer === "teacher" && (
          <>
            <Link href={`/report/${encodeURIComponent(meta.sessionId)}`} className={SECONDARY}>
              Report
            </Link>
            <Link href="/sessions" className={SECONDARY}>
              Past sessions
            </Link>
          </>
        )}
        {onShare && (
          <button type="button" className={SECONDARY} aria-expanded={sharing} onClick={onShare}>
            Share
          </button>
        )}
      </div>
    </header>
  );
}

/** The lesson step at the cursor, as the dashboard names it. */
function StepTitle() {
  const step = useLive((s) => s.lesson.step);
  const title = step === null ? null : LESSON_STEPS[step]?.title;
  return title ? <p className="text-sm font-semibold text-slate-600">{`Step ${step! + 1}: ${title}`}</p> : null;
}

const Diagram = memo(function Diagram({ onPick }: { onPick: (seat: Seat) => void }) {
  const column = useLive((s) => s.animation.column);
  return <NetworkDiagram maxHeight="max(14rem, min(30rem, calc(100dvh - 26rem)))" onActivateNeuron={onPick} neuronVerb="Show the history of" litColumn={column} />;
});

export function ReplayView({ meta, client }: { meta: ReplayMeta; client: ReplayClient }) {
  const player = useReplayPlayer(client, meta);
  const [seat, setSeat] = useState<Seat | null>(null);
  const [sharing, setSharing] = useState(false);
  const teacher = meta.viewer === "teacher";
  const pick = useCallback((s: Seat) => {
    setSeat(s);
    requestAnimationFrame(() => document.getElementById("neuron-history")?.scrollIntoView({ block: "nearest", behavior: "smooth" }));
  }, []);

  if (!player.ready) {
    return player.error ? (
      <StatusScreen title="This replay could not be read">
        <p>{player.error}</p>
      </StatusScreen>
    ) : (
      <StatusScreen title="Loading the replay…" />
    );
  }
  return (
    <LiveStoreProvider store={player.store}>
      <div className="min-h-dvh bg-slate-100">
        <Header meta={meta} onShare={teacher ? () => setSharing((v) => !v) : undefined} sharing={sharing} />
        {sharing && <SharePanel client={client} onClose={() => setSharing(false)} />}
        <main className="grid gap-3 p-2 sm:gap-4 sm:p-4 lg:grid-cols-[minmax(0,1fr)_minmax(20rem,24rem)]">
          {/* On a wide screen the diagram and the timeline stay in view while the side column scrolls. */}
          <div className="flex min-w-0 flex-col gap-3 lg:sticky lg:top-3 lg:self-start">
            <Panel title="The class network, as it was" actions={<StepTitle />} className="!p-3 sm:!p-4">
              <Diagram onPick={pick} />
            </Panel>
            <TimelinePanel meta={meta} player={player} />
          </div>
          <div className="flex min-w-0 flex-col gap-4">
            <Panel title="Prediction" className="!p-4">
              <NetworkOutput />
            </Panel>
            <ReplayQuestion teacher={teacher} />
            <ReplayTraining cursorAt={player.cursor.at} />
            <PredictionChart client={client} startAt={meta.startAt} endAt={meta.endAt} cursorAt={player.cursor.at} />
            <div id="neuron-history" className="scroll-mt-4">
              <NeuronHistory client={client} seat={seat} onSeat={setSeat} startAt={meta.startAt} endAt={meta.endAt} cursorAt={player.cursor.at} />
            </div>
          </div>
        </main>
      </div>
    </LiveStoreProvider>
  );
}
