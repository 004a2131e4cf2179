/**
 * The network's final output as the whole class computes it, in detail (the sticky bar has the
 * short form, labelled "Network output"), and what my neuron does to it:
 * "If you raise your bias by 0.1: Class A 60.1 % → 60.4 %".
 */
import { formatValue } from "../../../lib/session/format";
import { NUDGE, type NeuronModel } from "./neuron-model";
import { outputText } from "./number-text";

function NudgeLine({ model }: { model: NeuronModel }) {
  const { nudge, prediction } = model;
  if (!nudge) return null;
  const before = outputText(nudge.before, prediction.probability);
  const after = outputText(nudge.after, prediction.probability);
  // Compare what is shown, so "no change" never contradicts two equal-looking numbers.
  const direction = before === after ? "no visible change" : nudge.after > nudge.before ? "up" : "down";
  return (
    <p className="mt-3 rounded-xl bg-slate-50 p-3 text-slate-800">
      If you raise your bias by {NUDGE}:{" "}
      <strong className="whitespace-nowrap">
        {nudge.label} {before} → {after}
      </strong>{" "}
      <span className="text-slate-700">({direction})</span>
    </p>
  );
}

export function ClassPrediction({ model }: { model: NeuronModel }) {
  const { items, probability, best, verdict } = model.prediction;
  const winner = best === null ? null : items[best];
  return (
    <section aria-labelledby="prediction-heading" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="prediction-heading" className="text-lg font-bold text-slate-900">
        The class prediction
      </h2>
      <p className="mt-1 text-slate-700">Every neuron of the class feeds into this: yours too.</p>
      <div className="mt-3 space-y-2">
        {items.map((item, i) => (
          <div key={i}>
            <div className="flex items-baseline justify-between gap-2">
              <span className={i === best ? "font-bold text-slate-900" : "text-slate-800"}>{item.label}</span>
              <span className="font-mono text-lg font-semibold tabular-nums text-slate-900">{outputText(item.value, probability)}</span>
            </div>
            {probability && (
              <div className="mt-1 h-2.5 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
                <div
                  className={`h-full rounded-full ${i === best ? "bg-indigo-700" : "bg-slate-500"}`}
                  style={{ width: `${Math.round(item.value * 1000) / 10}%` }}
                />
              </div>
            )}
          </div>
        ))}
        {verdict && (
          <p className="pt-1 text-lg text-slate-900">
            {verdict.spam ? "Verdict" : "Answer"} at threshold {formatValue(verdict.threshold)}: <strong>{verdict.text}</strong>
          </p>
        )}
        {winner && (
          <p className="pt-1 text-lg text-slate-900">
            Prediction: <strong>{winner.label}</strong>
          </p>
        )}
      </div>
      <NudgeLine model={model} />
    </section>
  );
}
