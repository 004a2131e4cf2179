"use client";

/**
 * The class prediction over the whole session, drawn with the replay's step chart: one line
 * per output of the network, and the values it ended on written out beside it. Read from
 * `replay/prediction` with the teacher pass.
 */
import { useMemo } from "react";
import type { PredictionSeries } from "../../../lib/protocol/replay";
import { formatPercent, formatValue } from "../../../lib/session/format";
import { ChartKey, LineChart } from "../replay/line-chart";
import { ReplayClient } from "../replay/replay-api";
import { usePrediction } from "../replay/use-prediction";

/** Outputs that are probabilities (each 0..1, summing to 1 at every point) are shown as percentages. */
function isProbability(data: PredictionSeries): boolean {
  return (
    data.labels.length > 1 &&
    data.points.every((p) => p.outputs.every((v) => v >= 0 && v <= 1) && Math.abs(p.outputs.reduce((a, b) => a + b, 0) - 1) < 1e-6)
  );
}

export function PredictionOverTime({ sessionId, token, startAt, endAt }: { sessionId: string; token: string; startAt: number; endAt: number }) {
  const client = useMemo(() => new ReplayClient(sessionId, token), [sessionId, token]);
  const { data, error, series } = usePrediction(client);
  const probability = data ? isProbability(data) : false;

  if (error) return <p className="rounded-2xl bg-white p-5 text-sm font-semibold text-red-900 ring-1 ring-slate-200">{error}</p>;
  if (!data) return <p className="rounded-2xl bg-white p-5 text-sm text-slate-600 ring-1 ring-slate-200">Drawing the prediction…</p>;
  if (series.length === 0 || data.points.length === 0) {
    return <p className="rounded-2xl bg-white p-5 text-sm text-slate-600 ring-1 ring-slate-200">The network made no prediction in this session.</p>;
  }
  return (
    <div className="grid gap-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5 md:grid-cols-[minmax(0,30rem)_minmax(0,1fr)] md:items-center md:gap-8">
      <div className="mx-auto w-full max-w-[30rem]">
        <LineChart
          series={series}
          startAt={startAt}
          endAt={endAt}
          cursorAt={endAt}
          height={130}
          label={`The network's outputs over the session: ${series.map((s) => s.label).join(", ")}`}
          yDomain={probability ? [0, 1] : undefined}
          formatY={probability ? (v) => `${Math.round(v * 100)}%` : (v) => v.toFixed(1)}
        />
      </div>
      <div>
        <p className="text-xs font-bold uppercase tracking-wide text-slate-500">At the end of the session</p>
        <ChartKey series={series} at={endAt} format={probability ? formatPercent : formatValue} />
      </div>
    </div>
  );
}
