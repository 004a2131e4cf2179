"use client";

/**
 * The phone's main screen once I have a neuron: where I sit, the values arriving, my weights
 * and bias, how my output is computed, and what it does to the class prediction. Everything is
 * recomputed locally with the shared engine as I drag (see usePendingValues).
 */
import { useMemo } from "react";
import type { LiveSession } from "../../realtime/use-session";
import { formatValue } from "../../../lib/session/format";
import type { NeuronValues, SessionState, Student } from "../../../lib/session/state";
import { ClassPrediction } from "./class-prediction";
import { MiniDiagram } from "./mini-diagram";
import { buildNeuronModel, type NeuronModel } from "./neuron-model";
import { outputText } from "./number-text";
import { SeatHeader } from "./seat-header";
import { usePendingValues } from "./use-pending-values";
import { WeightControls } from "./weight-controls";
import { WeightedSum } from "./weighted-sum";

interface NeuronViewProps {
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

/** Keeps my output and the prediction in view while I scroll through the sliders. Visual only. */
function OutputBar({ model }: { model: NeuronModel }) {
  const { items, probability, best } = model.prediction;
  const top = items[best ?? 0];
  return (
    <div aria-hidden="true" className="fixed inset-x-0 bottom-0 z-10 border-t border-slate-300 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-md items-center justify-between gap-3 px-4 py-2.5">
        <span className="text-slate-700">
          You: <span className="font-mono text-xl font-extrabold text-indigo-800">{formatValue(model.output)}</span>
        </span>
        {top && (
          <span className="truncate text-slate-700">
            {top.label}: <span className="font-mono text-lg font-bold text-slate-900">{outputText(top.value, probability)}</span>
          </span>
        )}
      </div>
    </div>
  );
}

export function NeuronView({ live, state, me }: NeuronViewProps) {
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
      <p role="alert" className="rounded-xl bg-red-50 p-4 text-red-800">
        The class network cannot be computed right now{computed.problem ? ` (${computed.problem})` : ""}. Your teacher can fix it.
      </p>
    );
  }

  const sizes = [state.inputs.length, ...state.network.layers.map((l) => l.neurons.length)];
  return (
    <>
      <SeatHeader model={model} nickname={me.nickname} hideNames={state.hideNames} teamMode={state.teamMode} />
      <MiniDiagram sizes={sizes} seat={seat} />
      {error && (
        <p role="alert" className="rounded-xl bg-red-50 p-3 font-medium text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      )}
      <WeightControls
        values={model.controls}
        incoming={model.incoming}
        range={state.range}
        blocked={blockedReason(live, state, seat.layer)}
        onChange={change}
      />
      <WeightedSum model={model} teamNote={teamNote(model, state)} />
      <ClassPrediction model={model} />
      <OutputBar model={model} />
    </>
  );
}
