/**
 * My neuron's numbers: one card per value arriving at it (where it comes from, and the weight I
 * give it), then the bias. Disabled, with the reason, while the teacher pauses or locks.
 */
import type { NeuronValues, SliderRange } from "../../../lib/session/state";
import { formatValue } from "../../../lib/session/format";
import type { Incoming } from "./neuron-model";
import { termText } from "./number-text";
import { ValueControl } from "./value-control";

interface WeightControlsProps {
  values: NeuronValues;
  incoming: Incoming[];
  range: SliderRange;
  /** Why the controls are disabled, or null when they work. */
  blocked: string | null;
  onChange(values: NeuronValues, field: "weights" | "bias"): void;
  /** Shown under a control's own lines (training mode's nudge): weight k, or "bias". */
  aside?: (control: number | "bias") => React.ReactNode;
  /** Shown under a control's slider (training mode's "Your nudge"). */
  below?: (control: number | "bias") => React.ReactNode;
}

/** What the weight multiplies and what that term adds to the sum: "× brightness 0.900 = 1.080". */
function Source({ item, weight }: { item: Incoming; weight: number }) {
  return (
    <p className="mt-0.5 text-base text-slate-700">
      × {item.source} <span className="font-mono font-semibold text-slate-900">{formatValue(item.value)}</span> ={" "}
      <span className="font-mono font-semibold text-indigo-800">{termText(weight * item.value)}</span>
      {item.names.length > 0 && <span className="block text-sm text-slate-600">from {item.names.join(", ")}</span>}
    </p>
  );
}

export function WeightControls({ values, incoming, range, blocked, onChange, aside, below }: WeightControlsProps) {
  const disabled = blocked !== null;
  return (
    <section aria-labelledby="controls-heading" className="space-y-3">
      <h2 id="controls-heading" className="sr-only">
        Your weights and bias
      </h2>
      <div aria-live="polite">
        {blocked && <p className="rounded-xl bg-amber-100 p-3 font-medium text-amber-950">{blocked}</p>}
      </div>
      {values.weights.map((w, k) => (
        <ValueControl
          key={k}
          label={`Weight ${k + 1}`}
          value={w}
          min={range.min}
          max={range.max}
          disabled={disabled}
          onChange={(v) => onChange({ weights: values.weights.map((old, j) => (j === k ? v : old)), bias: values.bias }, "weights")}
          footer={below?.(k)}
        >
          {incoming[k] && <Source item={incoming[k]} weight={w} />}
          {aside?.(k)}
        </ValueControl>
      ))}
      <ValueControl
        label="Bias"
        value={values.bias}
        min={range.min}
        max={range.max}
        disabled={disabled}
        onChange={(v) => onChange({ weights: values.weights, bias: v }, "bias")}
        footer={below?.("bias")}
      >
        <p className="mt-0.5 text-base text-slate-700">added to the sum, whatever arrives</p>
        {aside?.("bias")}
      </ValueControl>
    </section>
  );
}
