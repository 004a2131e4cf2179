"use client";
/**
 * Where my sliders go while the teacher runs training mode. The nudges (the engine's gradient
 * and the screen around it) are a chunk of their own, fetched only when training starts, so the
 * phone's first download stays small (scripts/build-phone.mjs splits it off). Until it arrives,
 * or if it cannot be fetched, the sliders work as always without their nudges.
 */
import { Component, lazy, Suspense, type ReactNode } from "react";
import type { NeuronValues, SessionState, SliderRange, Student } from "../../../lib/session/state";
import type { NeuronModel } from "./neuron-model";
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

export function TrainingSlot(props: TrainingSlotProps) {
  const plain = (
    <WeightControls values={props.model.controls} incoming={props.model.incoming} range={props.range} blocked={props.blocked} onChange={props.onChange} />
  );
  return (
    <Fallback plain={plain}>
      <Suspense fallback={plain}>
        <TrainingControls {...props} />
      </Suspense>
    </Fallback>
  );
}

class Fallback extends Component<{ plain: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <>
        <p role="status" className="rounded-xl bg-white p-3 text-base text-slate-800 ring-1 ring-slate-300">
          The training nudges could not be loaded. Your sliders still work; reload the page to try again.
        </p>
        {this.props.plain}
      </>
    );
  }
}
