"use client";

/**
 * The class's prediction, as text a test or a screen reader can read in one go:
 * "Class A 60.1 % Class B 39.9 % Prediction: Class A" for a softmax layer, or each output's
 * value with three decimals otherwise. Spaces between parts are real text, not just layout.
 * "panel" stacks the outputs (dashboard); "banner" lays them side by side (projector).
 */
import { useMemo } from "react";
import { formatPercent, formatValue } from "../../../lib/session/format";
import type { SessionState } from "../../../lib/session/state";
import { argmax, buildModel } from "./diagram-model";
import { outputLabel } from "./labels";

const VARIANTS = {
  panel: { list: "grid gap-3", item: "text-lg", value: "text-3xl", prediction: "mt-4 text-2xl", bar: "h-3" },
  banner: {
    list: "flex flex-wrap items-end gap-x-10 gap-y-3",
    item: "min-w-48 text-[clamp(1.25rem,1.6vw,1.75rem)]",
    value: "text-[clamp(2.25rem,3.6vw,4rem)] leading-none",
    prediction: "text-[clamp(1.75rem,2.6vw,2.75rem)]",
    bar: "h-4",
  },
} as const;

export function NetworkOutput({ state, variant = "panel" }: { state: SessionState; variant?: keyof typeof VARIANTS }) {
  const model = useMemo(() => buildModel(state), [state]);
  if (!model) return null;
  const v = VARIANTS[variant];
  const outputs = model.result.layers[model.result.layers.length - 1]?.output ?? [];
  const winner = argmax(outputs);
  const highlight = (j: number) => model.softmaxOutput && j === winner;
  return (
    <output aria-label="Network output" aria-live="off" className={`block w-full ${variant === "banner" ? "flex flex-wrap items-end justify-between gap-6" : ""}`}>
      <span className={v.list}>
        {outputs.map((value, j) => (
          <span key={j} className={`block ${v.item}`}>
            <span className="flex items-baseline justify-between gap-4">
              <span className="truncate font-semibold text-slate-700">{outputLabel(model.outputLabels, j)}</span>{" "}
              <span className={`font-extrabold tabular-nums ${v.value} ${highlight(j) ? "text-indigo-800" : "text-slate-900"}`}>
                {model.softmaxOutput ? formatPercent(value) : formatValue(value)}
              </span>{" "}
            </span>
            {model.softmaxOutput && (
              <span aria-hidden="true" className={`mt-1 block overflow-hidden rounded-full bg-slate-200 ${v.bar}`}>
                <span className="block h-full rounded-full bg-indigo-700" style={{ width: `${(value * 100).toFixed(1)}%` }} />
              </span>
            )}
          </span>
        ))}
      </span>{" "}
      {model.softmaxOutput && (
        <span className={`block font-extrabold text-slate-900 ${v.prediction}`}>
          Prediction: <span className="text-indigo-800">{outputLabel(model.outputLabels, winner)}</span>
        </span>
      )}
    </output>
  );
}
