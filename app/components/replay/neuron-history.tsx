"use client";

/**
 * One neuron's history (`replay/neurons/:layer/:neuron`): who sat on it and when, and its
 * weights, bias and output over the session as a small chart with the cursor's time marked.
 * A neuron is picked on the diagram or from the list here.
 */
import { useEffect, useId, useMemo, useState } from "react";
import type { NeuronHistory as History } from "../../../lib/protocol/replay";
import { seatName } from "../../../lib/replay/describe-event";
import { formatOffset } from "../../../lib/replay/timeline";
import { formatValue } from "../../../lib/session/format";
import type { Seat } from "../../../lib/session/state";
import { useLive } from "../diagram/live-store";
import { FIELD, Panel, SECONDARY } from "../teacher/ui";
import { ChartKey, LineChart, SERIES_STYLES, type Series } from "./line-chart";
import { HttpError } from "../http/bearer-json";
import type { ReplayClient } from "./replay-api";

interface NeuronHistoryProps {
  client: ReplayClient;
  seat: Seat | null;
  onSeat(seat: Seat | null): void;
  startAt: number;
  endAt: number;
  cursorAt: number;
}

/** The layer sizes, as a string so the list only changes when the topology does. */
const shapeOf = (s: { network: { layers: { neurons: unknown[] }[] } }) => s.network.layers.map((l) => l.neurons.length).join(",");

export function NeuronHistory({ client, seat, onSeat, startAt, endAt, cursorAt }: NeuronHistoryProps) {
  const shape = useLive(shapeOf);
  const sizes = shape === "" ? [] : shape.split(",").map(Number);
  const seats = sizes.flatMap((n, l) => Array.from({ length: n }, (_, j) => ({ layer: l, neuron: j })));
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pickId = useId();

  useEffect(() => {
    setHistory(null);
    setError(null);
    if (!seat) return;
    const ctrl = new AbortController();
    client
      .neuron(seat.layer, seat.neuron, ctrl.signal)
      .then((h) => setHistory(h))
      .catch((err) => {
        if (!ctrl.signal.aborted) setError(err instanceof HttpError ? err.message : "This neuron's history could not be read.");
      });
    return () => ctrl.abort();
  }, [client, seat]);

  const series = useMemo<Series[]>(() => {
    if (!history || history.points.length === 0) return [];
    const width = history.points[0]!.weights.length;
    const lines: Series[] = Array.from({ length: width }, (_, k) => ({
      label: `Weight ${k + 1}`,
      points: history.points.map((p) => [p.at, p.weights[k] ?? 0] as const),
      ...SERIES_STYLES[k % SERIES_STYLES.length]!,
    }));
    lines.push({ label: "Bias", points: history.points.map((p) => [p.at, p.bias] as const), ...SERIES_STYLES[(width + 1) % SERIES_STYLES.length]! });
    lines.push({ label: "Output", points: history.points.map((p) => [p.at, p.output] as const), color: "#0f172a", dash: undefined });
    return lines;
  }, [history]);

  const name = seat ? seatName(seat, sizes.length) : null;
  return (
    <Panel
      title="Neuron history"
      actions={
        seat && (
          <button type="button" className={SECONDARY} onClick={() => onSeat(null)}>
            Close history
          </button>
        )
      }
    >
      <label htmlFor={pickId} className="mb-1 block text-sm font-semibold text-slate-700">
        Neuron (or pick one on the diagram)
      </label>
      <select
        id={pickId}
        className={`${FIELD} w-full`}
        value={seat ? `${seat.layer}:${seat.neuron}` : ""}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (!v) return onSeat(null);
          const [l, j] = v.split(":").map(Number);
          onSeat({ layer: l!, neuron: j! });
        }}
      >
        <option value="">Choose a neuron…</option>
        {seats.map((s) => (
          <option key={`${s.layer}:${s.neuron}`} value={`${s.layer}:${s.neuron}`}>
            {seatName(s, sizes.length)}
          </option>
        ))}
      </select>
      {seat && (
        <div aria-label={`History of ${name}`} role="region" className="mt-4">
          {error && <p className="text-sm font-semibold text-red-900">{error}</p>}
          {!history && !error && <p className="text-sm text-slate-600">Reading its history…</p>}
          {history && (
            <>
              <h3 className="text-sm font-bold tracking-wide text-slate-600 uppercase">Who held it</h3>
              {history.holders.length === 0 ? (
                <p className="mt-1 text-sm text-slate-700">Nobody: the teacher set it.</p>
              ) : (
                <ul aria-label="Who held it" className="mt-1 grid gap-1 text-sm">
                  {history.holders.map((h, i) => (
                    <li key={i} className="flex items-baseline justify-between gap-3 rounded-lg bg-slate-50 px-2 py-1 ring-1 ring-slate-200">
                      <span className="truncate font-semibold text-slate-900">{h.nickname.trim() || "A student"}</span>
                      <span className="shrink-0 font-mono tabular-nums text-slate-700">
                        {formatOffset(h.from - startAt)} – {h.to === null ? "end" : formatOffset(h.to - startAt)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <h3 className="mt-3 text-sm font-bold tracking-wide text-slate-600 uppercase">Weights, bias and output</h3>
              {series.length === 0 ? (
                <p className="mt-1 text-sm text-slate-700">No values recorded for this neuron.</p>
              ) : (
                <>
                  <LineChart series={series} startAt={startAt} endAt={endAt} cursorAt={cursorAt} label={`Weights, bias and output of ${name} over the session`} />
                  <ChartKey series={series} at={cursorAt} format={formatValue} />
                </>
              )}
            </>
          )}
        </div>
      )}
    </Panel>
  );
}
