"use client";

/**
 * The dashboard's "Training" panel (class training mode). Off: the data set, the learning rate
 * and "Start training". On: the network's loss and accuracy on the data set and the round,
 * live as students move (computed here with the shared engine, once per network), the loss
 * over time, each example's prediction against its label, and the round controls. A network
 * with step neurons gets a note: the step function gives no gradient; sigmoid does.
 */
import { memo } from "react";
import type { Network } from "../../../../lib/engine/network";
import { layerName } from "../../../../lib/session/format";
import type { TrainingState } from "../../../../lib/session/domains/training/state";
import { datasetFits } from "../../../../lib/training/datasets";
import { useLive } from "../../diagram/live-store";
import { LossChart } from "../../training/loss-chart";
import { accuracyText, lossText, readoutOf, type Readout } from "../../training/readout";
import { useCommands } from "../commands";
import { Panel, SECONDARY } from "../ui";
import { PredictionsTable } from "./predictions-table";
import { RoundControls } from "./round-controls";
import { TrainingSetup } from "./training-setup";
import { useLossHistory } from "./use-loss-history";

const STAT = "flex flex-col rounded-xl bg-slate-50 px-4 py-2 ring-1 ring-slate-200";
const STAT_NAME = "text-sm font-bold uppercase tracking-wide text-slate-600";
const STAT_VALUE = "font-mono text-3xl font-extrabold tabular-nums text-slate-950";

/**
 * The round as the panel's "Round" reads it.
 * @example
 * roundText({ rounds: [] }); // "none yet"
 * roundText(state.training); // "3, in progress" while round 3 is open, "3, ended" after
 */
export function roundText(training: Pick<TrainingState, "rounds">): string {
  const last = training.rounds[training.rounds.length - 1];
  if (!last) return "none yet";
  return `${last.round}, ${last.endedAt === null ? "in progress" : "ended"}`;
}

function StepNote({ flat, layerCount }: { flat: Readout["flat"]; layerCount: number }) {
  if (flat.length === 0) return null;
  const names = flat.map((f) => `neuron ${f.neuron + 1} of the ${layerName(f.layer, layerCount)}`);
  return (
    <p role="note" className="rounded-xl bg-amber-50 px-4 py-3 text-base text-amber-950 ring-1 ring-amber-300">
      <strong>The step function gives no gradient.</strong> {names.join(", ")} {flat.length === 1 ? "uses" : "use"} it: its slope is flat
      everywhere (0), so the nudges through it read 0 and training cannot move it. Switch {flat.length === 1 ? "it" : "them"} to sigmoid, a smooth
      step, to train.
    </p>
  );
}

function TrainingLive({ training, network, threshold }: { training: TrainingState; network: Network; threshold: number }) {
  const dataset = training.dataset!;
  const readout = readoutOf(network, dataset, threshold);
  const history = useLossHistory(training, readout?.loss ?? null);
  return (
    <div className="grid gap-4">
      <p className="text-base text-slate-800">
        Training on <strong>{dataset.title}</strong> ({dataset.examples.length} examples){readout ? `, ${readout.kind === "cross-entropy" ? "cross-entropy" : "mean squared error"} loss` : ""}.
      </p>
      <div className="grid grid-cols-3 gap-3">
        <div className={STAT}>
          <span className={STAT_NAME} aria-hidden="true">
            Loss
          </span>
          <output aria-label="Loss" aria-live="off" className={STAT_VALUE}>
            {lossText(readout?.loss ?? null)}
          </output>
        </div>
        <div className={STAT}>
          <span className={STAT_NAME} aria-hidden="true">
            Accuracy
          </span>
          <output aria-label="Accuracy" aria-live="off" className={`${STAT_VALUE} !text-2xl`}>
            {readout ? accuracyText(readout) : "–"}
          </output>
        </div>
        <div className={STAT}>
          <span className={STAT_NAME} aria-hidden="true">
            Round
          </span>
          <output aria-label="Round" aria-live="off" className={`${STAT_VALUE} !text-2xl`}>
            {roundText(training)}
          </output>
        </div>
      </div>
      {!readout && (
        <p role="alert" className="rounded-xl bg-red-50 px-4 py-3 text-base text-red-900 ring-1 ring-red-300">
          The data set no longer fits the class network: {datasetFits(dataset, network) ?? "its numbers cannot be computed"}. Stop training and start
          again on a set that fits.
        </p>
      )}
      {readout && <StepNote flat={readout.flat} layerCount={network.layers.length} />}
      <RoundControls training={training} network={network} />
      <section aria-label="Loss chart">
        <h3 className="mb-1 text-base font-bold text-slate-900">Loss over time</h3>
        <LossChart points={history.points} marks={history.marks} endAt={history.now} />
      </section>
      {readout && (
        <section aria-label="Each example">
          <h3 className="mb-1 text-base font-bold text-slate-900">Predictions</h3>
          <PredictionsTable readout={readout} inputLabels={dataset.inputLabels} />
        </section>
      )}
    </div>
  );
}

export const TrainingPanel = memo(function TrainingPanel({ onClose }: { onClose: () => void }) {
  const training = useLive((s) => s.training);
  const network = useLive((s) => s.network);
  const threshold = useLive((s) => s.threshold);
  const on = training.on && training.dataset !== null;
  const { run, enabled } = useCommands();
  return (
    <div id="training-panel">
      <Panel
        title={on ? "Training" : "Training mode"}
        actions={
          on ? (
            <button type="button" className={SECONDARY} disabled={!enabled} onClick={() => void run("training:stop", {}, "Training mode is off.")}>
              Stop training
            </button>
          ) : (
            <button type="button" className={SECONDARY} onClick={onClose}>
              Close
            </button>
          )
        }
      >
        {on ? <TrainingLive training={training} network={network} threshold={threshold} /> : <TrainingSetup />}
      </Panel>
    </div>
  );
});
