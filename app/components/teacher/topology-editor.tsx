"use client";

/**
 * Design a network from scratch: inputs, hidden layers (size and activation each), the output
 * layer (softmax or not) and the names shown on screen. Building it replaces the class network
 * and seats everyone again in the default order.
 */
import { useId, useState, type ReactNode } from "react";
import { ACTIVATIONS, NEURON_ACTIVATIONS, type Activation } from "../../../lib/engine";
import type { SessionState } from "../../../lib/session/state";
import { activationName } from "../../../lib/session/format";
import { useCommands } from "./commands";
import type { Guard } from "./replace-guard";
import { buildSetup, LIMITS, planFrom, planProblems, type LayerPlan, type TopologyPlan } from "./topology";
import { FIELD, PRIMARY, SECONDARY } from "./ui";

/** A label above its control; the control gets the id that ties the two together. */
function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <span className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-bold text-slate-800">
        {label}
      </label>
      {children(id)}
    </span>
  );
}

function Count({ label, value, max, onChange }: { label: string; value: number; max: number; onChange: (n: number) => void }) {
  return (
    <Labelled label={label}>
      {(id) => (
        <input id={id} type="number" min={1} max={max} step={1} value={value} onChange={(e) => onChange(Math.round(Number(e.target.value)))} className={`${FIELD} w-24`} />
      )}
    </Labelled>
  );
}

function ActivationSelect({ label, value, options, onChange, disabledOption }: {
  label: string;
  value: Activation;
  options: readonly Activation[];
  onChange: (a: Activation) => void;
  disabledOption?: Activation;
}) {
  return (
    <Labelled label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as Activation)} className={FIELD}>
          {options.map((a) => (
            <option key={a} value={a} disabled={a === disabledOption}>
              {activationName(a)}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

function TextLine({ label, value, onChange, placeholder }: { label: string; value: string; onChange: (v: string) => void; placeholder: string }) {
  return (
    <Labelled label={label}>
      {(id) => <input id={id} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} className={FIELD} />}
    </Labelled>
  );
}

export function TopologyEditor({ getState, guard }: { getState: () => SessionState; guard: Guard }) {
  const { run, enabled } = useCommands();
  const [plan, setPlan] = useState<TopologyPlan>(() => planFrom(getState()));
  const problems = planProblems(plan);
  const update = (patch: Partial<TopologyPlan>) => setPlan((p) => ({ ...p, ...patch }));
  const setHidden = (i: number, patch: Partial<LayerPlan>) => update({ hidden: plan.hidden.map((l, k) => (k === i ? { ...l, ...patch } : l)) });

  return (
    <form
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length > 0) return;
        const setup = buildSetup(plan, getState().inputs);
        guard("Build this network", () => run("network:load", setup, "New network built. Everyone has been seated again."));
      }}
    >
      <div className="flex flex-wrap items-end gap-4">
        <Count label="Number of inputs" value={plan.inputCount} max={LIMITS.inputs} onChange={(inputCount) => update({ inputCount })} />
        <span className="min-w-56 flex-1">
          <TextLine label="Input names, separated by commas" value={plan.inputNames} placeholder="brightness, edge strength" onChange={(inputNames) => update({ inputNames })} />
        </span>
      </div>
      <fieldset className="grid gap-3 rounded-xl border border-slate-200 p-3">
        <legend className="px-1 text-sm font-bold text-slate-800">Hidden layers ({plan.hidden.length})</legend>
        {plan.hidden.map((layer, i) => (
          <div key={i} className="flex flex-wrap items-end gap-3">
            <Count label={`Hidden layer ${i + 1}: neurons`} value={layer.size} max={LIMITS.layerSize} onChange={(size) => setHidden(i, { size })} />
            <ActivationSelect label={`Hidden layer ${i + 1}: activation`} value={layer.activation} options={NEURON_ACTIVATIONS} onChange={(activation) => setHidden(i, { activation })} />
            <button type="button" className={SECONDARY} onClick={() => update({ hidden: plan.hidden.filter((_, k) => k !== i) })}>
              Remove hidden layer {i + 1}
            </button>
          </div>
        ))}
        <div>
          <button type="button" className={SECONDARY} disabled={plan.hidden.length >= LIMITS.hiddenLayers} onClick={() => update({ hidden: [...plan.hidden, { size: 3, activation: "relu" }] })}>
            Add a hidden layer
          </button>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-end gap-4">
        <Count label="Output neurons" value={plan.output.size} max={LIMITS.outputs} onChange={(size) => update({ output: { ...plan.output, size } })} />
        <ActivationSelect
          label="Output activation"
          value={plan.output.activation}
          options={ACTIVATIONS}
          disabledOption={plan.output.size < 2 ? "softmax" : undefined}
          onChange={(activation) => update({ output: { ...plan.output, activation } })}
        />
        <span className="min-w-56 flex-1">
          <TextLine label="Output names, separated by commas" value={plan.outputNames} placeholder="Class A, Class B" onChange={(outputNames) => update({ outputNames })} />
        </span>
      </div>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-bold text-slate-800">Starting weights</legend>
        {(["random", "zeros"] as const).map((start) => (
          <label key={start} className="flex items-center gap-2 text-base">
            <input type="radio" name="start" checked={plan.start === start} onChange={() => update({ start })} className="h-4 w-4 accent-indigo-700" />
            {start === "random" ? "Small random values (−1 to 1)" : "All zeros"}
          </label>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <ul className="list-disc pl-5 text-sm font-semibold text-red-800">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={PRIMARY} disabled={!enabled || problems.length > 0}>
          Build this network
        </button>
        <button type="button" className={SECONDARY} onClick={() => setPlan(planFrom(getState()))}>
          Start from the current network
        </button>
      </div>
    </form>
  );
}
