"use client";

/**
 * A section's network for one learner: the live diagram and "Network output" of the dashboard,
 * fed by a SessionStore that lives in this browser (no socket: the state is built here and the
 * shared engine computes the forward pass), with the learner's own controls beside it: the
 * inputs, one neuron's weights and bias (picked on the diagram or from a list), each layer's
 * activation, and the forward pass played layer by layer.
 */
import { useId, useLayoutEffect, useMemo, useState } from "react";
import type { Activation } from "../../../lib/engine/activations";
import { getPreset, type PresetId } from "../../../lib/lesson/presets";
import { forwardOf, isSoftmaxOutput, outputLabel } from "../../../lib/session/derive";
import { createState } from "../../../lib/session/reducer";
import { activationName, formatPercent, formatValue } from "../../../lib/session/format";
import type { SessionState, Seat } from "../../../lib/session/state";
import { SessionStore } from "../../realtime/session-store";
import { layerTitle, neuronTag } from "../diagram/labels";
import { LiveStoreProvider } from "../diagram/live-store";
import { litColumnName, NetworkDiagram } from "../diagram/network-diagram";
import { NetworkOutput } from "../diagram/network-output";
import { ValueControl } from "../student/value-control";
import { activationChoices, withLayerActivation, withNeuronValue, type LearnNetwork } from "./learn-model";
import { CARD, FIELD, PRIMARY, SECONDARY } from "./styles";
import { useForwardPass } from "./use-forward-pass";

const RANGE = { min: -5, max: 5 };

interface LearnNetworkProps {
  presetId: PresetId;
  value: LearnNetwork;
  edited: boolean;
  onChange(next: LearnNetwork): void;
  onReset(): void;
}

/** The session state the diagram reads: the preset's set-up with the learner's network and inputs. */
function useLocalStore(presetId: PresetId, value: LearnNetwork): SessionStore {
  const base = useMemo(() => {
    const p = getPreset(presetId);
    return createState({
      type: "session.created",
      payload: { id: "learn", code: "LEARN", network: p.network, inputs: p.inputs, inputLabels: p.inputLabels, outputLabels: p.outputLabels, presetId },
    });
  }, [presetId]);
  const state: SessionState = useMemo(() => ({ ...base, network: value.network, inputs: value.inputs, locks: { network: false, layers: value.network.layers.map(() => false) } }), [base, value]);
  const [store] = useState(() => {
    const s = new SessionStore();
    s.replace({ seq: 0, state });
    s.update({ status: "connected" });
    return s;
  });
  useLayoutEffect(() => {
    if (store.getView().state !== state) store.replace({ seq: 0, state });
  }, [store, state]);
  return store;
}

export function LearnNetwork({ presetId, value, edited, onChange, onReset }: LearnNetworkProps) {
  const store = useLocalStore(presetId, value);
  const preset = useMemo(() => getPreset(presetId), [presetId]);
  const { network, inputs } = value;
  const count = network.layers.length;
  const [seat, setSeat] = useState<Seat>({ layer: 0, neuron: 0 });
  const pass = useForwardPass(count);
  const neuron = network.layers[seat.layer]?.neurons[seat.neuron];
  const result = useMemo(() => forwardOf(network, inputs), [network, inputs]);
  const pickerId = useId();
  const editorId = useId();

  const seats = network.layers.flatMap((layer, l) => layer.neurons.map((_, j) => ({ layer: l, neuron: j })));
  const previousLabels = seat.layer === 0 ? preset.inputLabels : network.layers[seat.layer - 1]!.neurons.map((_, j) => neuronTag({ layer: seat.layer - 1, neuron: j }, count));

  const pick = (s: Seat) => {
    setSeat(s);
    // The editor is where the learner goes next: bring it into view for a keyboard or touch user.
    requestAnimationFrame(() => document.getElementById(editorId)?.scrollIntoView({ block: "nearest" }));
  };

  return (
    <LiveStoreProvider store={store}>
      <section aria-labelledby={`${pickerId}-title`} className={`${CARD} flex flex-col gap-4`}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h2 id={`${pickerId}-title`} className="text-xl font-extrabold tracking-tight text-slate-900">
              The network
            </h2>
            <p className="text-sm text-slate-600">
              {preset.description} {edited ? "You changed it." : "Change anything: it computes right here."}
            </p>
          </div>
          <button type="button" className={SECONDARY} onClick={onReset} disabled={!edited}>
            Reset network
          </button>
        </div>

        <div className="flex flex-col gap-4 lg:grid lg:grid-cols-[minmax(0,1fr)_19rem] lg:items-start">
          {/* On a phone the drawing takes the card's whole width, so its numbers stay as large as they can. */}
          <div className="-mx-3 min-w-0 sm:mx-0">
            <NetworkDiagram maxHeight="min(26rem, 60dvh)" onActivateNeuron={pick} litColumn={pass.column} />
          </div>
          <div className="rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
            <h3 className="mb-2 text-sm font-bold tracking-wide text-slate-600 uppercase">Network output</h3>
            <NetworkOutput />
          </div>
        </div>

        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Forward pass">
          <button type="button" className={PRIMARY} onClick={pass.play} aria-pressed={pass.playing}>
            Play forward pass
          </button>
          <button type="button" className={SECONDARY} onClick={pass.step}>
            Next layer
          </button>
          <button type="button" className={SECONDARY} onClick={pass.stop} disabled={pass.column === null}>
            Stop
          </button>
          <span className="text-sm text-slate-600" aria-hidden="true">
            {pass.column !== null ? `Now: ${litColumnName(pass.column, count)}` : "Lights each layer in turn."}
          </span>
        </div>

        <div className="grid gap-4 md:grid-cols-2">
          {/* While the learner works the controls, what they change stays in view. */}
          <p className="sticky top-0 z-10 -mx-1 rounded-xl bg-indigo-50 px-3 py-2 text-base font-semibold text-indigo-950 shadow-sm ring-1 ring-indigo-200 md:col-span-2">
            <span className="whitespace-nowrap">
              Neuron {neuronTag(seat, count)}: <span className="tabular-nums">{formatValue(result?.layers[seat.layer]?.output[seat.neuron] ?? 0)}</span>
            </span>
            {(seat.layer < count - 1 || isSoftmaxOutput(network)) && (
              <>
                {" — "}
                <span>{summary(result?.layers[count - 1]?.output ?? [], preset.outputLabels, isSoftmaxOutput(network))}</span>
              </>
            )}
          </p>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-lg font-bold text-slate-900">Inputs</legend>
            {inputs.map((x, k) => (
              <ValueControl
                key={k}
                label={preset.inputLabels[k] ?? `Input ${k + 1}`}
                value={x}
                min={RANGE.min}
                max={RANGE.max}
                disabled={false}
                onChange={(v) => onChange({ network, inputs: inputs.map((old, i) => (i === k ? v : old)) })}
              />
            ))}
            <fieldset className="mt-2 flex flex-col gap-2">
              <legend className="mb-2 text-lg font-bold text-slate-900">Activations</legend>
              {network.layers.map((layer, l) => (
                <label key={l} className="flex items-center justify-between gap-3 rounded-2xl bg-white px-4 py-2 ring-1 ring-slate-200">
                  <span className="font-semibold text-slate-900">{layerTitle(l, count)} activation</span>
                  <select
                    className={FIELD}
                    value={layer.activation}
                    onChange={(e) => onChange({ network: withLayerActivation(network, l, e.currentTarget.value as Activation), inputs })}
                  >
                    {activationChoices(network, l).map((a) => (
                      <option key={a} value={a}>
                        {activationName(a)}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
          </fieldset>

          <fieldset id={editorId} className="flex scroll-mt-4 flex-col gap-2">
            <legend className="mb-2 text-lg font-bold text-slate-900">One neuron</legend>
            <label className="flex flex-col gap-1">
              <span className="text-base font-semibold text-slate-800">Neuron to change (or pick one on the diagram)</span>
              <select
                className={FIELD}
                value={`${seat.layer}:${seat.neuron}`}
                onChange={(e) => {
                  const [l, j] = e.currentTarget.value.split(":").map(Number);
                  setSeat({ layer: l!, neuron: j! });
                }}
              >
                {seats.map((s) => (
                  <option key={`${s.layer}:${s.neuron}`} value={`${s.layer}:${s.neuron}`}>
                    {neuronTag(s, count)}: output {formatValue(result?.layers[s.layer]?.output[s.neuron] ?? 0)}
                  </option>
                ))}
              </select>
            </label>
            {neuron && (
              <>
                {neuron.weights.map((w, k) => (
                  <ValueControl
                    key={`${seat.layer}:${seat.neuron}:${k}`}
                    label={`Weight ${k + 1}`}
                    value={w}
                    min={RANGE.min}
                    max={RANGE.max}
                    disabled={false}
                    onChange={(v) => onChange({ network: withNeuronValue(network, seat, k, v), inputs })}
                  >
                    <p className="text-sm text-slate-600">× {previousLabels[k] ?? `input ${k + 1}`}</p>
                  </ValueControl>
                ))}
                <ValueControl
                  key={`${seat.layer}:${seat.neuron}:bias`}
                  label="Bias"
                  value={neuron.bias}
                  min={RANGE.min}
                  max={RANGE.max}
                  disabled={false}
                  onChange={(v) => onChange({ network: withNeuronValue(network, seat, "bias", v), inputs })}
                />
              </>
            )}
          </fieldset>
        </div>
      </section>
    </LiveStoreProvider>
  );
}

/** The network's answer in a few words: "Prediction: Class A (60.1 %)" or "bright and edgy 1.400". */
function summary(outputs: readonly number[], labels: readonly string[], softmax: boolean): string {
  if (outputs.length === 0) return "";
  if (softmax) {
    const best = outputs.reduce((b, v, i) => (v > outputs[b]! ? i : b), 0);
    return `Prediction: ${outputLabel(labels, best)} (${formatPercent(outputs[best]!)})`;
  }
  return outputs.map((v, j) => `${outputLabel(labels, j)} ${formatValue(v)}`).join(", ");
}
