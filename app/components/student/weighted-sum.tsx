/**
 * "How my neuron computes", right under the controls: the weighted sum with my numbers plugged
 * in (labelled "Weighted sum"), the activation, and, on the spam detector's output neuron, the
 * threshold and the verdict. My output itself sits in the sticky bar ("Neuron output").
 */
import { Fragment } from "react";
import { activationName, formatPercent, formatValue } from "../../../lib/session/format";
import { ACTIVATION_MEANINGS } from "./activation-info";
import type { Verdict } from "../../../lib/session/derive";
import type { NeuronModel } from "./neuron-model";
import { termText } from "./number-text";

function VerdictCard({ verdict }: { verdict: Verdict }) {
  return (
    <div className="mt-3 rounded-xl bg-amber-50 p-3 text-slate-900 ring-1 ring-amber-300">
      <p>
        {verdict.spam
          ? "Your output is the spam score: the class calls a message spam when it is strictly above the threshold."
          : "Your output is the class's score, compared with the threshold."}
      </p>
      <p className="mt-1 font-mono text-lg">
        {formatValue(verdict.score)} {verdict.above ? ">" : "≤"} threshold{" "}
        <span role="group" aria-label="Threshold" className="font-bold">
          {formatValue(verdict.threshold)}
        </span>
      </p>
      <p className="mt-1 text-lg">
        Verdict:{" "}
        <strong role="group" aria-label="Verdict" className="text-xl">
          {verdict.text}
        </strong>
      </p>
    </div>
  );
}

export function WeightedSum({ model, teamNote }: { model: NeuronModel; teamNote: string | null }) {
  const { used, incoming, raw, output, activation } = model;
  const name = activationName(activation);
  const softmax = activation === "softmax";
  const verdict = model.isOutput ? model.prediction.verdict : null;

  return (
    <section aria-labelledby="compute-heading" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="compute-heading" className="text-lg font-bold text-slate-900">
        How your neuron computes
      </h2>
      {/* Terms wrap as whole pieces so a long sum never breaks inside a number. */}
      <p
        role="group"
        aria-label="Weighted sum"
        className="mt-2 flex flex-wrap items-baseline gap-x-1.5 gap-y-1 rounded-xl bg-slate-50 p-3 font-mono text-base leading-relaxed text-slate-900"
      >
        {/* The spaces between the pieces are for screen readers and copying; flex ignores them. */}
        {used.weights.map((w, k) => (
          <Fragment key={k}>
            <span className="whitespace-nowrap">
              {k > 0 && "+ "}
              <span className="font-semibold text-indigo-800">{termText(w)}</span> × {termText(incoming[k]?.value ?? 0)}
            </span>{" "}
          </Fragment>
        ))}
        <span className="whitespace-nowrap">
          + <span className="font-semibold text-indigo-800">{termText(used.bias)}</span>
        </span>{" "}
        <span className="whitespace-nowrap font-bold">= {formatValue(raw)}</span>
      </p>
      {teamNote && <p className="mt-2 text-sm text-slate-700">{teamNote}</p>}
      <p className="mt-2 font-mono text-base text-slate-900">
        {softmax ? `softmax over the layer: ${formatValue(raw)} → ${formatPercent(output)}` : `${name}(${formatValue(raw)}) = ${formatValue(output)}`}
      </p>
      <p className="mt-2 text-slate-700">
        Each value arriving is multiplied by its weight, then the bias is added. <strong>{name}</strong>{" "}
        {ACTIVATION_MEANINGS[activation]} A negative weight pushes against firing.
      </p>
      {activation === "relu" && raw <= 0 && (
        <p className="mt-2 rounded-lg bg-amber-50 p-2 text-sm text-amber-900">
          Your sum is not above 0, so your neuron is silent: it sends 0 onward. Raise a weight or the bias to make it fire.
        </p>
      )}
      {verdict && <VerdictCard verdict={verdict} />}
    </section>
  );
}
