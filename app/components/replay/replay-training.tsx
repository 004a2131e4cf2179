"use client";

/**
 * Training in the replay: once the class has trained by the cursor's moment, the loss over
 * time from the session's rounds and automatic steps (the cursor marked), the loss at the
 * cursor, and each round's loss before and after.
 */
import { memo, useMemo } from "react";
import { useLive } from "../diagram/live-store";
import { Panel } from "../teacher/ui";
import { LossChart } from "../training/loss-chart";
import { savedHistory } from "../training/loss-history";
import { accuracyText, lossText, readoutOf } from "../training/readout";

export const ReplayTraining = memo(function ReplayTraining({ cursorAt }: { cursorAt: number }) {
  const training = useLive((s) => s.training);
  const network = useLive((s) => s.network);
  const threshold = useLive((s) => s.threshold);
  const history = useMemo(() => savedHistory(training), [training]);
  if (!training.dataset || (!training.on && training.rounds.length === 0 && training.steps.length === 0)) return null;
  const readout = training.on ? readoutOf(network, training.dataset, threshold) : null;
  return (
    <Panel title="Training" className="!p-4">
      <p className="text-base text-slate-800">
        {training.on ? "Training" : "Trained"} on <strong>{training.dataset.title}</strong>
        {readout && (
          <>
            : loss <output aria-label="Loss at the cursor" className="font-mono font-bold tabular-nums">{lossText(readout.loss)}</output>,{" "}
            {accuracyText(readout)} at this moment
          </>
        )}
        .
      </p>
      <LossChart points={history.points} marks={history.marks} endAt={cursorAt} cursorAt={cursorAt} height={160} width={360} />
      {training.rounds.length > 0 && (
        <ol aria-label="Rounds" className="mt-2 grid gap-0.5 text-sm text-slate-800">
          {training.rounds.map((r) => (
            <li key={r.round} className="font-mono tabular-nums">
              <span className="font-sans font-semibold">Round {r.round}:</span> {lossText(r.lossBefore)} → {r.lossAfter === null ? "open" : lossText(r.lossAfter)}
            </li>
          ))}
          {training.steps.length > 0 && (
            <li className="font-sans">
              {training.steps.length === 1 ? "1 automatic step" : `${training.steps.length} automatic steps`} applied.
            </li>
          )}
        </ol>
      )}
    </Panel>
  );
});
