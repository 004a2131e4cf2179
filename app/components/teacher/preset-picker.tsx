"use client";

/** The lesson's ready-made networks, one button each, by title. */
import { memo } from "react";
import { PRESETS } from "../../../lib/lesson/presets";
import { useCommands } from "./commands";
import type { Guard } from "./replace-guard";

export const PresetPicker = memo(function PresetPicker({ current, guard }: { current: string | null; guard: Guard }) {
  const { run, enabled } = useCommands();
  return (
    <div role="group" aria-label="Lesson presets" className="grid gap-2 sm:grid-cols-2">
      {PRESETS.map((p) => {
        const active = p.id === current;
        return (
          <button
            key={p.id}
            type="button"
            aria-pressed={active}
            disabled={!enabled}
            onClick={() => guard(`Load “${p.title}”`, () => run("network:load-preset", { presetId: p.id }, `Loaded “${p.title}”. Everyone has been seated again.`))}
            className={`rounded-xl p-3 text-left ring-2 transition disabled:opacity-50 ${
              active ? "bg-indigo-50 ring-indigo-700" : "bg-white ring-slate-200 hover:ring-indigo-400"
            }`}
          >
            <span className="block text-base font-bold text-slate-900">{p.title}</span>
            <span className="mt-1 block text-sm text-slate-700">{p.description}</span>
          </button>
        );
      })}
    </div>
  );
});
