"use client";

/**
 * The phone's main screen once I have a neuron. Built for the first screen of a small phone:
 * my output and the class prediction stick to the top (LiveBar), my sliders come right under
 * where I sit, the formula right under the sliders, then my place in the diagram and the
 * prediction in detail. Everything is recomputed locally with the shared engine as I drag
 * (see usePendingValues).
 */
import { useMemo } from "react";
import type { LiveSession } from "../../realtime/use-session";
import type { NeuronValues, SessionState, Student } from "../../../lib/session/state";
import { ClassPrediction } from "./class-prediction";
import { passPhase } from "./class-verdict";
import { LessonStrip } from "./lesson-strip";
import { LiveBar } from "./live-bar";
import { MiniDiagram } from "./mini-diagram";
import { buildNeuronModel, type NeuronModel } from "./neuron-model";
import { SeatHeader } from "./seat-header";
import { StudentShell } from "./student-shell";
import { TrainingSlot } from "./training-slot";
import { usePendingValues } from "./use-pending-values";
import { WeightControls } from "./weight-controls";
import { WeightedSum } from "./weighted-sum";
import { YourRank } from "./your-rank";

interface NeuronViewProps {
  code: string;
  banner: React.ReactNode;
  live: LiveSession;
  state: SessionState;
  me: Student & { seat: NonNullable<Student["seat"]> };
}

function blockedReason(live: LiveSession, state: SessionState, layer: number): string | null {
  if (live.status !== "connected") return "The connection is down: you can move your sliders again as soon as it is back.";
  if (state.paused) return "The teacher has paused the phones for a moment: eyes on the board.";
  if (state.locks.network) return "The teacher has locked the network for now, so your numbers cannot change.";
  if (state.locks.layers[layer]) return "The teacher has locked your layer for now, so your numbers cannot change.";
  return null;
}

const same = (a: NeuronValues, b: NeuronValues) =>
  Math.abs(a.bias - b.bias) < 1e-9 && a.weights.every((w, k) => Math.abs(w - (b.weights[k] ?? NaN)) < 1e-9);

function teamNote(model: NeuronModel, state: SessionState): string | null {
  if (model.teammates.length === 0 || same(model.used, model.controls)) return null;
  return state.teamMode === "average"
    ? "These are your team's averages, which is what the class computes with."
    : "A teammate changed your neuron last, so the class computes with their numbers.";
}

export function NeuronView({ code, banner, live, state, me }: NeuronViewProps) {
  const seat = me.seat;
  const width = state.network.layers[seat.layer]?.neurons[seat.neuron]?.weights.length ?? 0;
  const { pending, error, change } = usePendingValues(live.send, live.seq, `${seat.layer}:${seat.neuron}:${width}`);

  const computed = useMemo(() => {
    try {
      return { model: buildNeuronModel(state, me.id, pending), problem: null };
    } catch (err) {
      return { model: null, problem: (err as Error).message };
    }
  }, [state, me.id, pending]);

  const model = computed.model;
  if (!model) {
    return (
      <StudentShell code={code} banner={banner}>
        <p role="alert" className="rounded-xl bg-red-50 p-4 text-red-800">
          The class network cannot be computed right now{computed.problem ? ` (${computed.problem})` : ""}. Your teacher can fix it.
        </p>
      </StudentShell>
    );
  }

  const phase = passPhase(state.animation, seat.layer);
  return (
    <StudentShell code={code} banner={banner} bar={<LiveBar model={model} phase={phase} />}>
      {state.quiz.leaderboard && live.mine?.standing && <YourRank standing={live.mine.standing} />}
      {state.lesson.step !== null && <LessonStrip step={state.lesson.step} />}
      <SeatHeader model={model} nickname={me.nickname} hideNames={state.hideNames} teamMode={state.teamMode} />
      {error && (
        <p role="alert" className="rounded-xl bg-red-50 p-3 font-medium text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      )}
      {state.training.on && state.training.dataset ? (
        <TrainingSlot state={state} me={me} model={model} range={state.range} blocked={blockedReason(live, state, seat.layer)} onChange={change} />
      ) : (
        <WeightControls
          values={model.controls}
          incoming={model.incoming}
          range={state.range}
          blocked={blockedReason(live, state, seat.layer)}
          onChange={change}
        />
      )}
      <WeightedSum model={model} teamNote={teamNote(model, state)} />
      <MiniDiagram network={model.network} inputCount={state.inputs.length} seat={seat} litColumn={state.animation?.column ?? null} />
      <ClassPrediction model={model} />
    </StudentShell>
  );
}
