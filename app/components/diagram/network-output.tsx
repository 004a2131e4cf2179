"use client";

/**
 * The class's prediction, as text a test or a screen reader can read in one go:
 * "Class A 60.1 % Class B 39.9 % Prediction: Class A" for a softmax layer; a detector's score,
 * threshold and verdict ("spam score 0.731 Threshold 0.50 Verdict: spam"); or each output's value
 * with three decimals otherwise. Spaces between parts are real text, not just layout.
 * "panel" stacks the outputs (dashboard); "banner" lays them side by side (projector), with the
 * prediction itself at least 48 px high.
 */
import { memo } from "react";
import { forwardOf, isSoftmaxOutput } from "../../../lib/session/derive";
import { formatPercent, formatValue } from "../../../lib/session/format";
import { argmax } from "./diagram-model";
import { outputLabel } from "./labels";
import { useLive } from "./live-store";
import { formatThreshold, verdictOf } from "./verdict";

const VARIANTS = {
  panel: { list: "grid gap-3", many: "grid gap-3", item: "text-lg", value: "text-3xl", big: "text-3xl", prediction: "mt-4 text-2xl", bar: "h-3", note: "text-lg" },
  banner: {
    list: "flex flex-wrap items-end gap-x-8 gap-y-1",
    /** Three classes or more: two columns, no bars, so the prediction keeps its line. */
    many: "grid grid-cols-2 gap-x-8",
    item: "min-w-40 text-xl",
    value: "text-[2rem] leading-none",
    big: "text-[3.25rem] leading-none",
    prediction: "text-[3.25rem] leading-none",
    bar: "h-2",
    note: "text-2xl",
  },
} as const;

/** Reads only what the prediction depends on: a join, a lock or hidden names leave it as it is. */
export const NetworkOutput = memo(function NetworkOutput({ variant = "panel" }: { variant?: keyof typeof VARIANTS }) {
  const network = useLive((s) => s.network);
  const inputs = useLive((s) => s.inputs);
  const outputLabels = useLive((s) => s.outputLabels);
  const threshold = useLive((s) => s.threshold);
  const presetId = useLive((s) => s.presetId);
  const result = forwardOf(network, inputs);
  if (!result) return null;
  const model = { network, result, outputLabels, softmaxOutput: isSoftmaxOutput(network) };
  const v = VARIANTS[variant];
  const outputs = result.layers[result.layers.length - 1]?.output ?? [];
  const winner = argmax(outputs);
  const verdict = verdictOf({ threshold, presetId }, model);
  const highlight = (j: number) => model.softmaxOutput && j === winner;
  // Without classes, the values are the prediction: drawn as large as a prediction.
  const valueSize = model.softmaxOutput ? v.value : v.big;
  const many = variant === "banner" && outputs.length > 2;
  return (
    <output aria-label="Network output" aria-live="off" className={`block w-full ${variant === "banner" ? "flex flex-wrap items-end justify-between gap-x-8 gap-y-3" : ""}`}>
      <span className={many ? v.many : v.list}>
        {outputs.map((value, j) => (
          <span key={j} className={`block ${v.item}`}>
            <span className="flex items-baseline justify-between gap-4">
              <span className="truncate font-semibold text-slate-700">{outputLabel(model.outputLabels, j)}</span>{" "}
              <span className={`font-extrabold tabular-nums ${valueSize} ${highlight(j) ? "text-indigo-800" : "text-slate-900"}`} data-role={model.softmaxOutput ? undefined : "prediction"}>
                {model.softmaxOutput ? formatPercent(value) : formatValue(value)}
              </span>{" "}
            </span>
            {model.softmaxOutput && !many && (
              <span aria-hidden="true" className={`mt-1 block overflow-hidden rounded-full bg-slate-200 ${v.bar}`}>
                <span className="block h-full rounded-full bg-indigo-700" style={{ width: `${(value * 100).toFixed(1)}%` }} />
              </span>
            )}
          </span>
        ))}
      </span>{" "}
      {verdict && (
        <span className={`flex flex-wrap items-baseline gap-x-6 gap-y-1 ${variant === "panel" ? "mt-3" : ""}`}>
          <span className={`font-bold tabular-nums text-slate-700 ${v.note}`}>{formatThreshold(verdict.threshold)}</span>{" "}
          <span className={`font-extrabold text-slate-900 ${v.prediction}`}>
            <span className={`font-semibold text-slate-700 ${v.note}`}>Verdict:</span>{" "}
            <span data-role="prediction" className={verdict.above ? "text-red-800" : "text-emerald-800"}>
              {verdict.text}
            </span>
          </span>
        </span>
      )}
      {model.softmaxOutput && (
        <span className={`block font-extrabold text-slate-900 ${v.prediction}`} data-role="prediction">
          Prediction: <span className="text-indigo-800">{outputLabel(model.outputLabels, winner)}</span>
        </span>
      )}
    </output>
  );
});
