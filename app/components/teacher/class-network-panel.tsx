"use client";

/**
 * The dashboard's middle panel: the forward-pass buttons, the class network, the inputs and the
 * prediction (with the detector's threshold). The diagram and the prediction follow the values;
 * the inputs editor and the threshold re-render only when their own parts change.
 */
import { memo } from "react";
import { forwardOf } from "../../../lib/session/derive";
import type { Seat, SessionState } from "../../../lib/session/state";
import { useLive } from "../diagram/live-store";
import { NetworkDiagram } from "../diagram/network-diagram";
import { NetworkOutput } from "../diagram/network-output";
import { verdictOf } from "../diagram/verdict";
import { InputsEditor } from "./inputs-editor";
import { PassControls } from "./pass-controls";
import { ThresholdField } from "./threshold-field";
import { Panel } from "./ui";

/** What a score above the threshold reads, when the output is a one-sigmoid detector; else null. */
function detectorPositive(state: SessionState): string | null {
  const result = forwardOf(state.network, state.inputs);
  if (!result) return null;
  return verdictOf(state, { network: state.network, result, outputLabels: state.outputLabels })?.positiveText ?? null;
}

/** A one-sigmoid output is a detector: the teacher sets the threshold its verdict uses. */
function DetectorThreshold() {
  const positive = useLive(detectorPositive);
  const threshold = useLive((s) => s.threshold);
  return positive === null ? null : <ThresholdField threshold={threshold} positive={positive} />;
}

export const ClassNetworkPanel = memo(function ClassNetworkPanel({ onActivateNeuron }: { onActivateNeuron?: (seat: Seat) => void }) {
  const animation = useLive((s) => s.animation);
  return (
    <Panel title="Class network" actions={<PassControls animation={animation} />}>
      <NetworkDiagram maxHeight="max(22rem, calc(100dvh - 24rem))" onActivateNeuron={onActivateNeuron} litColumn={animation.column} markEmpty />
      <p className="mt-2 text-center text-sm text-slate-700">Select a neuron to set its weights and bias (for neurons nobody sits on, or to help a student).</p>
      <div className="mt-5 grid grid-cols-[repeat(auto-fit,minmax(17rem,1fr))] gap-6 border-t border-slate-200 pt-5">
        <section aria-labelledby="inputs-heading">
          <h3 id="inputs-heading" className="mb-3 text-base font-extrabold">
            Inputs
          </h3>
          <InputsEditor />
        </section>
        <section aria-labelledby="output-heading">
          <h3 id="output-heading" className="mb-3 text-base font-extrabold">
            Prediction
          </h3>
          <NetworkOutput />
          <DetectorThreshold />
        </section>
      </div>
    </Panel>
  );
});
