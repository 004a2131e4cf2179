"use client";

/**
 * Running the class's training: "Start round" ("everyone nudge once") and "End round", the
 * learning rate, "Compare with an automatic step" (the last round beside one automatic step from
 * the same start, as loss before → after), "Apply automatic step" (what a machine would do, to
 * the whole network). "Stop training" sits in the panel's heading.
 */
import { memo, useMemo, useState } from "react";
import type { Network } from "../../../../lib/engine/network";
import type { TrainingState } from "../../../../lib/session/domains/training/state";
import { lossText } from "../../training/readout";
import { changeText, compareRound, verdictText, type Comparison } from "../../training/compare";
import { useCommands } from "../commands";
import { PRIMARY, SECONDARY } from "../ui";
import { LearningRateField } from "./learning-rate-field";

function Side({ title, before, after, note }: { title: string; before: number; after: number; note: string }) {
  return (
    <div className="flex-1 rounded-xl bg-white px-4 py-3 ring-1 ring-slate-300">
      <h4 className="text-base font-bold text-slate-900">{title}</h4>
      <p className="mt-1 font-mono text-2xl font-extrabold tabular-nums text-slate-950">
        {lossText(before)} → {lossText(after)}
      </p>
      <p className="text-sm text-slate-700">
        loss {changeText(before, after)} · {note}
      </p>
    </div>
  );
}

function ComparisonView({ c }: { c: Comparison }) {
  return (
    <section aria-label="Class round and automatic step" className="rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
      <h3 className="sr-only">The class&apos;s round beside an automatic step</h3>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Side title={`The class's round ${c.round}`} before={c.classBefore} after={c.classAfter} note={c.open ? "so far (round still open)" : "start to end"} />
        <Side title="One automatic step" before={c.autoBefore} after={c.autoAfter} note={`from the round's start, learning rate ${c.learningRate}`} />
      </div>
      <p className="mt-2 text-base font-semibold text-slate-900">{verdictText(c)}</p>
    </section>
  );
}

export const RoundControls = memo(function RoundControls({ training, network }: { training: TrainingState; network: Network }) {
  const { run, enabled } = useCommands();
  const [comparing, setComparing] = useState(false);
  const last = training.rounds[training.rounds.length - 1] ?? null;
  const open = last !== null && last.endedAt === null;
  const dataset = training.dataset;
  const comparison = useMemo(() => {
    if (!comparing || !last || !dataset) return null;
    try {
      return compareRound(last, network, dataset, training.learningRate);
    } catch {
      return null;
    }
  }, [comparing, last, network, dataset, training.learningRate]);

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end gap-3">
        {open ? (
          <button type="button" className={PRIMARY} disabled={!enabled} onClick={() => void run("training:round", { action: "end" }, `Round ${last.round} ended.`)}>
            End round
          </button>
        ) : (
          <button
            type="button"
            className={PRIMARY}
            disabled={!enabled}
            onClick={() => void run("training:round", { action: "start" }, `Round ${(last?.round ?? 0) + 1}: everyone nudge once.`)}
          >
            Start round
          </button>
        )}
        <LearningRateField
          value={training.learningRate}
          disabled={!enabled}
          onCommit={(learningRate) => void run("training:learning-rate", { learningRate }, `Learning rate ${learningRate}.`)}
        />
        <button type="button" className={SECONDARY} aria-expanded={comparing} disabled={!last} onClick={() => setComparing((v) => !v)}>
          Compare with an automatic step
        </button>
        <button
          type="button"
          className={SECONDARY}
          disabled={!enabled}
          onClick={() => void run("training:apply-step", {}, "One automatic step applied to every weight and bias.")}
        >
          Apply automatic step
        </button>
      </div>
      {!last && <p className="text-sm text-slate-700">Start a round to compare the class with an automatic step.</p>}
      {comparing && comparison && <ComparisonView c={comparison} />}
    </div>
  );
});
