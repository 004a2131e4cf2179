"use client";

/**
 * Before training starts: which data set the class trains on (a built-in one, or the teacher's
 * own table typed or pasted as CSV, checked here with the server's own parser so its error shows
 * before anything is sent), the learning rate, and "Start training". A built-in set whose
 * network is not the class's loads its network in the same command, so the teacher is asked
 * first when that would discard the class's values.
 */
import { memo, useId, useMemo, useState } from "react";
import { BUILT_IN_DATASETS, datasetFits, loadsOwnNetwork, type DatasetId } from "../../../../lib/training/datasets";
import { parseDatasetCsv } from "../../../../lib/training/csv";
import { useLive, useLiveGetter } from "../../diagram/live-store";
import { useCommands } from "../commands";
import { useReplaceGuard } from "../replace-guard";
import { FIELD, PRIMARY } from "../ui";
import { LearningRateField } from "./learning-rate-field";

const CUSTOM = "custom";

/** A table of the class network's shape as a starting point for the teacher's own. */
function sampleCsv(inputLabels: readonly string[], outputs: number): string {
  const names = inputLabels.map((l, k) => l.trim().replace(/[,;\t]/g, " ") || `input ${k + 1}`);
  const row = (values: number[], label: string) => [...values.map(String), label].join(", ");
  return [
    [...names, "label"].join(", "),
    row(names.map((_, k) => (k % 2 === 0 ? 0.9 : 0.1)), "1"),
    row(names.map((_, k) => (k % 2 === 0 ? 0.1 : 0.8)), outputs > 1 ? "2" : "0"),
  ].join("\n");
}

export const TrainingSetup = memo(function TrainingSetup() {
  const { run, enabled } = useCommands();
  const getState = useLiveGetter();
  const { guard, dialog } = useReplaceGuard(getState);
  const network = useLive((s) => s.network);
  const outputLabels = useLive((s) => s.outputLabels);
  const inputLabels = useLive((s) => s.inputLabels);
  const [choice, setChoice] = useState<DatasetId>("spam");
  const [csv, setCsv] = useState("");
  const [learningRate, setLearningRate] = useState(0.5);
  const [busy, setBusy] = useState(false);
  const pickId = useId();
  const csvId = useId();
  const csvNoteId = useId();

  const outputCount = network.layers[network.layers.length - 1]?.neurons.length ?? 1;
  const custom = useMemo(() => {
    if (choice !== CUSTOM || csv.trim() === "") return null;
    // The server's own parse, with the same labels, so what shows here is what it will say.
    const parsed = parseDatasetCsv(csv, outputLabels);
    if ("error" in parsed) return { error: parsed.error, ok: null };
    const misfit = datasetFits(parsed.dataset, network);
    return misfit ? { error: misfit, ok: null } : { error: null, ok: `${parsed.dataset.examples.length} examples ready.` };
  }, [choice, csv, outputLabels, network]);

  const builtIn = BUILT_IN_DATASETS.find((d) => d.id === choice);
  const loadsNetwork = builtIn ? loadsOwnNetwork(builtIn, network) : false;
  const canStart = enabled && !busy && (choice !== CUSTOM || (custom !== null && custom.error === null));

  const start = () => {
    const send = async () => {
      setBusy(true);
      const dataset = choice === CUSTOM ? { id: "custom" as const, csv } : { id: choice as Exclude<DatasetId, "custom"> };
      await run("training:start", { dataset, learningRate }, "Training mode is on: the phones show their nudges.");
      setBusy(false);
    };
    if (builtIn && loadsNetwork) guard(`“${builtIn.title}” trains its own network.`, send);
    else void send();
  };

  return (
    <div className="grid gap-4">
      <label htmlFor={pickId} className="flex flex-col gap-1 text-sm font-bold text-slate-900">
        Data set
        <select id={pickId} className={FIELD} value={choice} onChange={(e) => setChoice(e.target.value as DatasetId)}>
          {BUILT_IN_DATASETS.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
          <option value={CUSTOM}>My own table (CSV)</option>
        </select>
      </label>

      {builtIn && (
        <div className="rounded-xl bg-slate-50 px-4 py-3 text-base text-slate-800 ring-1 ring-slate-200">
          <p>{builtIn.description}</p>
          <p className="mt-1 text-sm text-slate-700">
            {builtIn.examples.length} examples over {builtIn.inputLabels.join(", ")}.
            {loadsNetwork ? " Starting loads the network made for it, and seats the class on it." : " It fits the class network as it is."}
          </p>
        </div>
      )}

      {choice === CUSTOM && (
        <div className="flex flex-col gap-1">
          <label htmlFor={csvId} className="text-sm font-bold text-slate-900">
            Data set CSV
          </label>
          <p id={`${csvId}-help`} className="text-sm text-slate-700">
            One row per example: {network.layers[0]?.neurons[0]?.weights.length ?? 0} input numbers, then the label (
            {outputCount > 1 ? `a class number 1 to ${outputCount} or its name` : "1 for yes, 0 for no"}). A first row of names is optional. Up to 50 rows.
          </p>
          <textarea
            id={csvId}
            rows={6}
            spellCheck={false}
            className={`${FIELD} font-mono text-sm`}
            placeholder={sampleCsv(inputLabels, outputCount)}
            aria-describedby={`${csvId}-help ${csvNoteId}`}
            aria-invalid={custom?.error ? true : undefined}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
          />
          <p id={csvNoteId} aria-live="polite" className={`text-base font-semibold ${custom?.error ? "text-red-800" : "text-emerald-800"}`}>
            {custom?.error ?? custom?.ok ?? ""}
          </p>
        </div>
      )}

      <div className="flex flex-wrap items-end gap-4">
        <LearningRateField value={learningRate} onCommit={setLearningRate} />
        <button type="button" className={PRIMARY} disabled={!canStart} onClick={start}>
          Start training
        </button>
      </div>
      {dialog}
    </div>
  );
});
