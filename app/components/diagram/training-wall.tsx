"use client";

/**
 * Training mode on the wall: the network's loss and accuracy on the data set and the round, in
 * type the back row can read (≥ 32 px numbers), computed with the shared engine once per network.
 */
import { memo } from "react";
import { accuracyText, lossText, readoutOf } from "../training/readout";
import { useLive } from "./live-store";

/** "Round 3", "Round 2 (ended)", "No round yet". */
function roundLine(rounds: readonly { round: number; endedAt: number | null }[]): string {
  const last = rounds[rounds.length - 1];
  if (!last) return "No round yet";
  return last.endedAt === null ? `Round ${last.round}` : `Round ${last.round} (ended)`;
}

export const TrainingWall = memo(function TrainingWall() {
  const training = useLive((s) => s.training);
  const network = useLive((s) => s.network);
  const threshold = useLive((s) => s.threshold);
  if (!training.on || !training.dataset) return null;
  const readout = readoutOf(network, training.dataset, threshold);
  const item = "flex flex-col";
  const name = "text-xl font-bold uppercase tracking-wide text-slate-600";
  const value = "font-mono text-5xl font-extrabold tabular-nums text-slate-950";
  return (
    <section aria-label="Training" className="flex flex-wrap items-end gap-x-12 gap-y-3 rounded-2xl bg-indigo-50 px-6 py-3 ring-1 ring-indigo-200">
      <p className="basis-full text-2xl font-bold text-indigo-950">Training on {training.dataset.title}</p>
      <div className={item}>
        <span className={name} aria-hidden="true">
          Loss
        </span>
        <output aria-label="Loss" aria-live="off" className={value}>
          {lossText(readout?.loss ?? null)}
        </output>
      </div>
      <div className={item}>
        <span className={name} aria-hidden="true">
          Accuracy
        </span>
        <output aria-label="Accuracy" aria-live="off" className={value}>
          {readout ? accuracyText(readout) : "–"}
        </output>
      </div>
      <div className={item}>
        <span className={name} aria-hidden="true">
          Round
        </span>
        <output aria-label="Round" aria-live="off" className={value}>
          {roundLine(training.rounds)}
        </output>
      </div>
    </section>
  );
});
