"use client";

/**
 * Choosing the network: a lesson preset, a design of one's own, or a saved file. Only the
 * preset in use is followed; saving, designing and asking before a replacement read the state
 * when the teacher acts.
 */
import { memo, useState } from "react";
import { useLive, useLiveGetter } from "../diagram/live-store";
import { NetworkFile } from "./network-file";
import { PresetPicker } from "./preset-picker";
import { useReplaceGuard } from "./replace-guard";
import { TopologyEditor } from "./topology-editor";
import { Panel } from "./ui";

export const NetworkSetup = memo(function NetworkSetup() {
  // The designer mounts when opened, so it always starts from the network running now.
  const [designing, setDesigning] = useState(false);
  const presetId = useLive((s) => s.presetId);
  const getState = useLiveGetter();
  const { guard, dialog } = useReplaceGuard(getState);
  return (
    <Panel title="Network set-up" actions={<NetworkFile getState={getState} guard={guard} />}>
      <p className="mb-3 text-sm text-slate-700">Loading a network seats everyone again: hidden layers first, then the output layer.</p>
      <PresetPicker current={presetId} guard={guard} />
      <details className="group mt-4 rounded-xl border border-slate-200" onToggle={(e) => setDesigning(e.currentTarget.open)}>
        <summary className="cursor-pointer list-none rounded-xl px-4 py-3 text-base font-bold text-slate-900 hover:bg-slate-50">
          <span aria-hidden="true" className="mr-2 inline-block transition group-open:rotate-90">
            ▸
          </span>
          Design your own network
        </summary>
        <div className="border-t border-slate-200 p-4">{designing && <TopologyEditor getState={getState} guard={guard} />}</div>
      </details>
      {dialog}
    </Panel>
  );
});
