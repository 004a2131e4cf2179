"use client";

/**
 * The class prediction over the whole session (`replay/prediction`), as a picture: one line
 * per output, the cursor's time marked, and the values there written out.
 */
import { isSoftmaxOutput } from "../../../lib/session/derive";
import { formatPercent, formatValue } from "../../../lib/session/format";
import { useLive } from "../diagram/live-store";
import { Panel } from "../teacher/ui";
import { ChartKey, LineChart } from "./line-chart";
import type { ReplayClient } from "./replay-api";
import { usePrediction } from "./use-prediction";

export function PredictionChart({ client, startAt, endAt, cursorAt }: { client: ReplayClient; startAt: number; endAt: number; cursorAt: number }) {
  const { data, error, series } = usePrediction(client);
  const softmax = useLive((s) => isSoftmaxOutput(s.network));
  const format = softmax ? formatPercent : formatValue;
  return (
    <Panel title="Class prediction over time">
      {error && <p className="text-sm font-semibold text-red-900">{error}</p>}
      {!data && !error && <p className="text-sm text-slate-600">Drawing the prediction…</p>}
      {data && series.length > 0 && (
        <>
          <LineChart
            series={series}
            startAt={startAt}
            endAt={endAt}
            cursorAt={cursorAt}
            label={`The network's outputs over the session: ${series.map((s) => s.label).join(", ")}`}
            yDomain={softmax ? [0, 1] : undefined}
            formatY={softmax ? (v) => `${Math.round(v * 100)}%` : (v) => v.toFixed(1)}
          />
          <ChartKey series={series} at={cursorAt} format={format} />
        </>
      )}
    </Panel>
  );
}
