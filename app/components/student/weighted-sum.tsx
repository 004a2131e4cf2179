/**
 * "How my neuron computes": the weighted sum with my numbers plugged in, the activation, and my
 * output (the element the class and the tests read as "Neuron output").
 */
import { formatPercent, formatValue } from "../../../lib/session/format";
import { activationName } from "../../../lib/session/format";
import { ACTIVATION_MEANINGS } from "./activation-info";
import type { NeuronModel } from "./neuron-model";
import { termText } from "./number-text";

export function WeightedSum({ model, teamNote }: { model: NeuronModel; teamNote: string | null }) {
  const { used, incoming, raw, output, activation } = model;
  const name = activationName(activation);
  const softmax = activation === "softmax";

  return (
    <section aria-labelledby="compute-heading" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="compute-heading" className="text-xl font-bold text-slate-900">
        How your neuron computes
      </h2>
      <p className="mt-1 text-slate-700">Each value arriving is multiplied by its weight; then the bias is added.</p>
      {/* Terms wrap as whole pieces so a long sum never breaks inside a number. */}
      <p className="mt-3 flex flex-wrap items-baseline gap-x-1.5 gap-y-1 rounded-xl bg-slate-50 p-3 font-mono text-base leading-relaxed text-slate-900">
        {used.weights.map((w, k) => (
          <span key={k} className="whitespace-nowrap">
            {k > 0 && "+ "}
            <span className="font-semibold text-indigo-800">{termText(w)}</span> × {termText(incoming[k]?.value ?? 0)}
          </span>
        ))}
        <span className="whitespace-nowrap">
          + <span className="font-semibold text-indigo-800">{termText(used.bias)}</span>
        </span>
        <span className="whitespace-nowrap font-bold">= {formatValue(raw)}</span>
      </p>
      {teamNote && <p className="mt-2 text-sm text-slate-700">{teamNote}</p>}

      <p className="mt-4 text-slate-800">
        Activation: <strong>{name}</strong>, which {ACTIVATION_MEANINGS[activation]}
      </p>
      <p className="mt-1 font-mono text-base text-slate-900">
        {softmax ? `softmax over the layer: ${formatValue(raw)} → ${formatPercent(output)}` : `${name}(${formatValue(raw)}) = ${formatValue(output)}`}
      </p>
      {activation === "relu" && raw <= 0 && (
        <p className="mt-2 rounded-lg bg-amber-50 p-2 text-sm text-amber-900">
          Your sum is not above 0, so your neuron is silent: it sends 0 onward. Raise a weight or the bias to make it fire.
        </p>
      )}

      <div className="mt-4 flex items-center justify-between gap-3 rounded-xl bg-indigo-700 px-4 py-3 text-white">
        <span className="text-lg font-semibold">Your output</span>
        <span role="group" aria-label="Neuron output" className="font-mono text-3xl font-extrabold tabular-nums">
          {formatValue(output)}
        </span>
      </div>
      {softmax && (
        <p className="mt-2 text-slate-700">
          As a probability: <strong>{formatPercent(output)}</strong>
        </p>
      )}
    </section>
  );
}
