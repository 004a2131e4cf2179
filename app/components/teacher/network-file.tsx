"use client";

/**
 * Saving and loading networks as the engine's JSON with its labels beside it
 * ({network, inputs, inputLabels, outputLabels}). A bare engine network ({layers: [...]}) loads
 * too, with default names and zero inputs. The server validates what is loaded; its message is
 * shown if it refuses.
 */
import { useId, useRef } from "react";
import type { CommandPayload } from "../../../lib/protocol";
import { completeSetup, type SetupCompletion } from "../../../lib/session/default-labels";
import type { SessionState } from "../../../lib/session/state";
import { useCommands } from "./commands";
import type { Guard } from "./replace-guard";
import { SECONDARY } from "./ui";

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The set-up a file describes, or a sentence saying why it describes none. */
export function setupFromFile(parsed: unknown): ({ network: unknown } & SetupCompletion) | string {
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "The file does not hold a network (expected a JSON object).";
  const file = parsed as Record<string, unknown>;
  const network = "network" in file ? file.network : "layers" in file ? file : null;
  if (!network) return "The file has no “network” (or “layers”) in it.";
  return { network, ...completeSetup(network, file) };
}

export function NetworkFile({ getState, guard }: { getState: () => SessionState; guard: Guard }) {
  const { run, notify, enabled } = useCommands();
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);

  const save = () => {
    const { code, network, inputs, inputLabels, outputLabels } = getState();
    download(`synapse-network-${code}.json`, `${JSON.stringify({ network, inputs, inputLabels, outputLabels }, null, 2)}\n`);
  };

  const load = async (file: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      notify("error", `“${file.name}” is not valid JSON.`);
      return;
    }
    const setup = setupFromFile(parsed);
    if (typeof setup === "string") return notify("error", setup);
    // The payload is checked by the server, which answers with the path of anything wrong.
    const payload = { ...setup, presetId: null } as CommandPayload<"network:load">;
    guard(`Load “${file.name}”`, () => run("network:load", payload, `Loaded “${file.name}”. Everyone has been seated again.`));
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={SECONDARY} onClick={save}>
        Save network
      </button>
      <label htmlFor={fileId} className={`${SECONDARY} cursor-pointer focus-within:outline-3 focus-within:outline-indigo-700`}>
        Load network
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          disabled={!enabled}
          className="sr-only"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void load(file);
            if (fileRef.current) fileRef.current.value = "";
          }}
        />
      </label>
    </div>
  );
}
