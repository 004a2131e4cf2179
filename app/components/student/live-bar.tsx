/**
 * The strip that stays at the top of the phone while the student scrolls and drags: my output
 * ("Neuron output") and the class prediction ("Network output"), so every move shows its effect
 * without scrolling. When the teacher plays the forward pass and the signal reaches my neuron,
 * my output lights up; the moving dot beside it only moves for people who have not asked for
 * reduced motion, and the highlight itself is static.
 */
import { formatValue } from "../../../lib/session/format";
import type { PassPhase } from "./class-verdict";
import type { NeuronModel } from "./neuron-model";
import { outputText } from "./number-text";

const PHASE_TEXT: Record<PassPhase, string> = {
  idle: "",
  coming: "Forward pass: the signal is on its way to you…",
  here: "The signal has reached your neuron!",
  passed: "Forward pass: your output has gone on to the next layer.",
};

function Prediction({ model }: { model: NeuronModel }) {
  const { items, probability, best, verdict } = model.prediction;
  return (
    <div className="min-w-0 flex-1">
      <p className="text-sm font-semibold text-slate-700">Class prediction</p>
      <div role="group" aria-label="Network output" className="font-mono text-base leading-snug tabular-nums text-slate-900">
        {verdict ? (
          <p>
            <span className="font-sans">{items[0]?.label}</span> {formatValue(verdict.score)}
            <span className="block font-sans font-bold">→ {verdict.text}</span>
          </p>
        ) : (
          items.map((item, i) => (
            <p key={i} className={`flex justify-between gap-2 ${i === best ? "font-bold" : ""}`}>
              <span className="truncate font-sans">{item.label}</span>
              <span className="whitespace-nowrap">{outputText(item.value, probability)}</span>
            </p>
          ))
        )}
      </div>
    </div>
  );
}

export function LiveBar({ model, phase }: { model: NeuronModel; phase: PassPhase }) {
  const lit = phase === "here";
  return (
    <div className="border-b border-slate-300 bg-white/95 px-4 py-2 shadow-sm backdrop-blur">
      <div className="mx-auto flex max-w-md items-stretch gap-3">
        <div
          data-lit={lit}
          className={`relative flex shrink-0 flex-col justify-center rounded-xl px-3 py-1.5 ${
            lit ? "bg-amber-300 text-amber-950 ring-4 ring-amber-500" : "bg-indigo-700 text-white"
          }`}
        >
          <span className="text-sm font-semibold">Your output</span>
          <span role="group" aria-label="Neuron output" className="font-mono text-2xl font-extrabold tabular-nums">
            {formatValue(model.output)}
          </span>
          {lit && (
            <span aria-hidden="true" className="absolute -top-1 -right-1 flex h-3.5 w-3.5">
              <span className="absolute h-full w-full rounded-full bg-amber-600 opacity-75 motion-safe:animate-ping" />
              <span className="relative h-3.5 w-3.5 rounded-full bg-amber-700" />
            </span>
          )}
        </div>
        <Prediction model={model} />
      </div>
      <p role="status" className={phase === "idle" ? "sr-only" : "mx-auto mt-1 max-w-md text-sm font-semibold text-slate-800"}>
        {PHASE_TEXT[phase]}
      </p>
    </div>
  );
}
