"use client";

/**
 * Controls over the weights: who may change them (locks), starting again (reset, randomise),
 * how a team's entries combine, and the phones' slider range. Each reads its own setting, so
 * the students' values changing leaves the panel as it is.
 */
import { memo, useEffect, useRef, useState } from "react";
import type { SessionState, TeamMode } from "../../../lib/session/state";
import { layerTitle } from "../diagram/labels";
import { useLive } from "../diagram/live-store";
import { useCommands } from "./commands";
import { NumberField } from "./number-field";
import { ConfirmButton, Panel, PRIMARY, SECONDARY, Switch } from "./ui";

const TEAM_MODES: { mode: TeamMode; label: string; explain: string }[] = [
  { mode: "latest", label: "Latest entry", explain: "A shared neuron takes whatever its most recent student entered." },
  { mode: "average", label: "Average", explain: "A shared neuron takes the average of its students' entries." },
];

/** The dashboard's "Weights" panel. */
export const WeightsPanel = memo(function WeightsPanel() {
  return (
    <Panel title="Weights">
      <div className="grid gap-5">
        <LockControls />
        <WeightActions />
        <TeamModeControl />
        <RangeControl />
      </div>
    </Panel>
  );
});

function LockControls() {
  const { run, enabled } = useCommands();
  const locks = useLive((s) => s.locks);
  const count = useLive((s) => s.network.layers.length);
  return (
    <div className="divide-y divide-slate-100">
      <Switch
        label="Lock the whole network"
        hint="Phones cannot change any weight while this is on."
        checked={locks.network}
        disabled={!enabled}
        onChange={(locked) => void run("network:lock", { layer: null, locked }, locked ? "Network locked." : "Network unlocked.")}
      />
      {Array.from({ length: count }, (_, l) => (
        <Switch
          key={l}
          label={`Lock ${layerTitle(l, count).toLowerCase()}`}
          checked={locks.layers[l] ?? false}
          disabled={!enabled}
          onChange={(locked) => void run("network:lock", { layer: l, locked }, `${layerTitle(l, count)} ${locked ? "locked" : "unlocked"}.`)}
        />
      ))}
    </div>
  );
}

function WeightActions() {
  const { run, enabled } = useCommands();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ConfirmButton
        label="Reset weights"
        question="Put every weight and bias back to the loaded network's?"
        confirmLabel="Reset weights"
        disabled={!enabled}
        onConfirm={() => run("network:reset", {}, "Weights reset.")}
      />
      <button type="button" className={SECONDARY} disabled={!enabled} onClick={() => void run("network:randomize", {}, "Weights randomised.")}>
        Randomise weights
      </button>
    </div>
  );
}

function TeamModeControl() {
  const { run, enabled } = useCommands();
  const mode = useLive((s) => s.teamMode);
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-bold text-slate-800">When students share a neuron</legend>
      <div className="grid gap-2">
        {TEAM_MODES.map((t) => (
          <label key={t.mode} className="flex items-start gap-3 rounded-lg p-2 ring-1 ring-slate-200 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-700">
            <input
              type="radio"
              name="team-mode"
              value={t.mode}
              checked={mode === t.mode}
              disabled={!enabled}
              onChange={() => void run("network:team-mode", { mode: t.mode }, `Teams now use: ${t.label.toLowerCase()}.`)}
              className="mt-1 h-4 w-4 accent-indigo-700"
            />
            <span>
              <span className="block font-bold text-slate-900">{t.label}</span>
              <span className="block text-sm text-slate-700">{t.explain}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function RangeControl() {
  const { run, enabled } = useCommands();
  const range = useLive((s) => s.range);
  const [draft, setDraft] = useState(range);
  // Enter in a field commits it and submits the form in the same tick: read the ref, not state.
  const latest = useRef(range);
  const edit = (patch: Partial<SessionState["range"]>) => {
    latest.current = { ...latest.current, ...patch };
    setDraft(latest.current);
  };
  useEffect(() => {
    latest.current = range;
    setDraft(range);
  }, [range]);
  const changed = draft.min !== range.min || draft.max !== range.max;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const r = latest.current;
        void run("network:range", r, `Phones' sliders now go from ${r.min} to ${r.max}.`);
      }}
    >
      <NumberField label="Slider minimum" value={range.min} min={-1000} max={0} onCommit={(min) => edit({ min })} className="w-32" />
      <NumberField label="Slider maximum" value={range.max} min={0} max={1000} onCommit={(max) => edit({ max })} className="w-32" />
      <button type="submit" className={changed ? PRIMARY : SECONDARY} disabled={!enabled}>
        Apply range
      </button>
    </form>
  );
}
