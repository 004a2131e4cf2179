"use client";

/**
 * The teacher sets one neuron's weights and bias: for neurons nobody sits on, or to put a
 * student's neuron right. A modal <dialog> (Escape closes it, focus stays inside), with a
 * preview of the neuron's output computed by the shared engine before anything is sent.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { forward, type Network } from "../../../lib/engine";
import { formatValue } from "../../../lib/session/format";
import { neuronValues, studentsOn } from "../../../lib/session/seating";
import type { NeuronValues, Seat } from "../../../lib/session/state";
import { inputLabel, neuronDescription, neuronTag } from "../diagram/labels";
import { sameItems, useLive } from "../diagram/live-store";
import { useCommands } from "./commands";
import { NumberField } from "./number-field";
import { standIn } from "./roster";
import { PRIMARY, SECONDARY } from "./ui";

function preview(live: Network, inputs: number[], seat: Seat, values: NeuronValues): { arriving: number[]; output: number | null } {
  const network = structuredClone(live);
  const neuron = network.layers[seat.layer]?.neurons[seat.neuron];
  if (neuron) Object.assign(neuron, { weights: values.weights, bias: values.bias });
  try {
    const result = forward(network, inputs);
    const arriving = seat.layer === 0 ? inputs : (result.layers[seat.layer - 1]?.output ?? []);
    return { arriving, output: result.layers[seat.layer]?.output[seat.neuron] ?? null };
  } catch {
    return { arriving: [], output: null };
  }
}

export function NeuronEditor({ seat, onClose }: { seat: Seat; onClose: () => void }) {
  const { attempt, notify, enabled } = useCommands();
  const dialogRef = useRef<HTMLDialogElement>(null);
  // The preview follows the class (other neurons feed this one); the names, who sits here.
  const network = useLive((s) => s.network);
  const inputs = useLive((s) => s.inputs);
  const inputLabels = useLive((s) => s.inputLabels);
  const who = useLive((s) => studentsOn(s, seat).map((x) => (s.hideNames ? standIn(x) : x.nickname)), sameItems);
  const [values, setValues] = useState<NeuronValues>(() => neuronValues(network, seat));
  const [error, setError] = useState<string | null>(null);
  // Enter in a field commits it and submits the form in the same tick: save reads the ref.
  const latest = useRef(values);
  const edit = (change: (v: NeuronValues) => NeuronValues) => {
    latest.current = change(latest.current);
    setValues(latest.current);
  };
  const count = network.layers.length;
  const tag = neuronTag(seat, count);
  const { arriving, output } = useMemo(() => preview(network, inputs, seat, values), [network, inputs, seat, values]);
  const source = (k: number) => (seat.layer === 0 ? inputLabel(inputLabels, k) : neuronTag({ layer: seat.layer - 1, neuron: k }, count));

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const save = async () => {
    const refusal = await attempt("network:set-neuron", { ...seat, values: latest.current });
    if (refusal) return setError(refusal);
    notify("ok", `${tag} set.`);
    onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="neuron-editor-title"
      onClose={onClose}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-2xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50"
    >
      <form
        method="dialog"
        className="grid gap-4 p-6"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div>
          <h2 id="neuron-editor-title" className="text-2xl font-extrabold tracking-tight">
            Set neuron {tag}
          </h2>
          <p className="text-base text-slate-700">
            {neuronDescription(seat, count)}.{" "}
            {who.length === 0 ? "Nobody sits on this neuron, so you set it." : `${who.join(", ")} ${who.length === 1 ? "sits" : "sit"} here; their phones will show these values.`}
          </p>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          {values.weights.map((w, k) => (
            <NumberField
              key={k}
              label={`Weight ${k + 1}`}
              hint={`× ${source(k)} (${formatValue(arriving[k] ?? 0)})`}
              value={w}
              onCommit={(n) => edit((v) => ({ ...v, weights: v.weights.map((x, i) => (i === k ? n : x)) }))}
            />
          ))}
          <NumberField label="Bias" value={values.bias} onCommit={(bias) => edit((v) => ({ ...v, bias }))} />
        </div>
        <p className="rounded-xl bg-indigo-50 px-4 py-3 text-lg">
          Output with these values: <strong className="font-mono text-2xl tabular-nums">{output === null ? "—" : formatValue(output)}</strong>
        </p>
        {error && (
          <p role="alert" className="font-semibold text-red-800">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" className={SECONDARY} onClick={() => dialogRef.current?.close()}>
            Cancel
          </button>
          <button type="submit" className={PRIMARY} disabled={!enabled}>
            Set {tag}
          </button>
        </div>
      </form>
    </dialog>
  );
}
