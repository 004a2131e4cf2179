"use client";

/**
 * The class prediction over the session (`replay/prediction`), read once per client and
 * turned into the line chart's series: one line per output of the network.
 */
import { useEffect, useMemo, useState } from "react";
import type { PredictionSeries } from "../../../lib/protocol/replay";
import { SERIES_STYLES, type Series } from "./line-chart";
import { HttpError } from "../http/bearer-json";
import type { ReplayClient } from "./replay-api";

export function usePrediction(client: ReplayClient): { data: PredictionSeries | null; error: string | null; series: Series[] } {
  const [data, setData] = useState<PredictionSeries | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client
      .prediction()
      .then((d) => live && setData(d))
      .catch((err: unknown) => live && setError(err instanceof HttpError ? err.message : "The prediction could not be read."));
    return () => {
      live = false;
    };
  }, [client]);
  const series = useMemo<Series[]>(
    () =>
      (data?.labels ?? []).map((label, j) => ({
        label,
        points: data!.points.filter((p) => p.outputs[j] !== undefined).map((p) => [p.at, p.outputs[j]!] as const),
        ...SERIES_STYLES[j % SERIES_STYLES.length]!,
      })),
    [data],
  );
  return { data, error, series };
}
