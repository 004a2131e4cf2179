"use client";
/**
 * Where my sliders go while the teacher runs training mode. The nudges (the engine's gradient
 * and the screen around it) are a chunk of their own, fetched only when training starts, so the
 * phone's first download stays small (scripts/build-phone.mjs splits it off). Until it arrives,
 * or if it cannot be fetched, the sliders work as always without their nudges.
 */
import { lazy, Suspense } from "react";
import { ChunkBoundary } from "./chunk-boundary";
import type { Network } from "../../../lib/engine/network";
import type { NeuronValues, SessionState, SliderRange, Student } from "../../../lib/session/state";
import { networkWithPending, type NeuronModel } from "./neuron-model";
import { WeightControls } from "./weight-controls";

const TrainingControls = lazy(() => import("./training-controls"));

export interface TrainingSlotProps {
  state: SessionState;
  me: Student;
  model: NeuronModel;
  range: SliderRange;
  blocked: string | null;
  onChange(values: NeuronValues, field: "weights" | "bias"): void;
}

/**
 * What the chunk gets besides the slot's props: the parts of the phone it works with, handed
 * over rather than imported, so the chunk shares no module with the first download but the
 * engine's (each module both import would move into a chunk of its own, making the first
 * download larger).
 */
export interface TrainingChunkProps extends TrainingSlotProps {
  Controls: typeof WeightControls;
  /** The class network with my values in (the session's own reducer folds the entry). */
  networkWith(values: NeuronValues): Network;
}

export function TrainingSlot(props: TrainingSlotProps) {
  const { state, me } = props;
  const plain = (
    <WeightControls values={props.model.controls} incoming={props.model.incoming} range={props.range} blocked={props.blocked} onChange={props.onChange} />
  );
  return (
    <ChunkBoundary
      fallback={
        <>
          <p role="status" className="rounded-xl bg-white p-3 text-base text-slate-800 ring-1 ring-slate-300">
            The training nudges could not be loaded. Your sliders still work; reload the page to try again.
          </p>
          {plain}
        </>
      }
    >
      <Suspense fallback={plain}>
        <TrainingControls {...props} Controls={WeightControls} networkWith={(values) => networkWithPending(state, me, values)} />
      </Suspense>
    </ChunkBoundary>
  );
}
