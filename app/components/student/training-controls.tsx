"use client";
/**
 * My sliders in training mode, a chunk of its own (training-slot.tsx loads it only when the
 * teacher starts training, so the phone's first download stays small). Beside each number, its
 * nudge: the slope of the class's loss on the data set for that number, computed here with the
 * shared engine from the class network with my pending values in, so it follows every move of
 * the class; teammates on one neuron see the same slopes. After each of my moves, "Your nudge":
 * the loss with my new values against the loss with my values before the move, at that moment.
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { flatActivations, lossGradient } from "../../../lib/engine/train";
import { lossOf } from "../training/readout";
import type { NeuronValues } from "../../../lib/session/state";
import { NudgeMeter } from "./nudge-meter";
import { nudgeEffectText, nudgeEffectTone, type NudgeEffect } from "./nudge-text";
import type { TrainingChunkProps } from "./training-slot";

/** Changes closer together than this are one move (a drag, a typed value and its Enter). */
const MOVE_GAP_MS = 1500;

const TONE = { helped: "text-emerald-900", hurt: "text-red-900", same: "text-slate-900" } as const;

export default function TrainingControls({ state, model, range, blocked, onChange, Controls, networkWith }: TrainingChunkProps) {
  const dataset = state.training.dataset;
  const slopes = useMemo(() => {
    if (!dataset) return null;
    try {
      const { gradient } = lossGradient(model.network, dataset.examples);
      const mine = gradient.layers[model.seat.layer];
      const weights = mine?.weights[model.seat.neuron];
      const bias = mine?.bias[model.seat.neuron];
      if (!weights || bias === undefined) return null;
      return { weights, bias, largest: Math.max(Math.abs(bias), ...weights.map(Math.abs)) };
    } catch {
      return null;
    }
  }, [model.network, model.seat, dataset]);
  const flat = useMemo(() => flatActivations(model.network).length > 0, [model.network]);

  const [effect, setEffect] = useState<(NudgeEffect & { control: number | "bias" }) | null>(null);
  const move = useRef<{ start: NeuronValues; last: number } | null>(null);
  const change = useCallback(
    (values: NeuronValues, field: "weights" | "bias") => {
      const now = Date.now();
      if (!move.current || now - move.current.last > MOVE_GAP_MS) move.current = { start: model.controls, last: now };
      move.current.last = now;
      const start = move.current.start;
      const dataset = state.training.dataset;
      const before = dataset ? lossOf(networkWith(start), dataset) : null;
      const after = dataset ? lossOf(networkWith(values), dataset) : null;
      const control = field === "bias" ? "bias" : Math.max(0, values.weights.findIndex((w, k) => w !== model.controls.weights[k]));
      setEffect(before !== null && after !== null ? { before, after, control } : null);
      onChange(values, field);
    },
    [state, model.controls, onChange, networkWith],
  );

  // The nudge under each number; what my last move did under the slider I moved, where my eyes are.
  const aside = (control: number | "bias") => {
    const slope = control === "bias" ? slopes?.bias : slopes?.weights[control];
    if (!slopes || slope === undefined) return null;
    return <NudgeMeter label={control === "bias" ? "Bias" : `Weight ${control + 1}`} slope={slope} largest={slopes.largest} />;
  };
  const below = (control: number | "bias") =>
    effect?.control === control && (
      <div className="mt-2 rounded-xl bg-white px-3 py-2 ring-1 ring-slate-300">
        <span className="block text-base font-bold text-slate-700">Your nudge</span>
        <output aria-label="Your nudge" className={`block text-lg font-extrabold ${TONE[nudgeEffectTone(effect)]}`}>
          {nudgeEffectText(effect)}
        </output>
      </div>
    );

  return (
    <>
      <section aria-labelledby="training-heading" className="rounded-2xl bg-indigo-50 px-4 py-3 ring-1 ring-indigo-200">
        <h2 id="training-heading" className="text-lg font-extrabold text-indigo-950">
          Training: lower the loss
        </h2>
        <p className="text-base text-indigo-950">
          {slopes
            ? `The arrows show which way to move each number to lower the class's loss on ${dataset?.title ?? "the examples"}. A longer bar matters more.`
            : "Your nudges cannot be worked out right now: the examples do not fit the class network."}
        </p>
        {flat && (
          <p className="mt-1 text-base font-semibold text-amber-950">
            A neuron uses the step function, which has no slope: nudges through it read 0. With sigmoid it would have one.
          </p>
        )}
      </section>
      <Controls values={model.controls} incoming={model.incoming} range={range} blocked={blocked} onChange={change} aside={aside} below={below} />
    </>
  );
}
