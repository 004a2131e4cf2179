"use client";

/** The values fed into the network ("Input 1" … "Input n"), each beside its name. */
import type { SessionState } from "../../../lib/session/state";
import { inputLabel } from "../diagram/labels";
import { useCommands } from "./commands";
import { NumberField } from "./number-field";

export function InputsEditor({ state }: { state: SessionState }) {
  const { run, enabled } = useCommands();
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {state.inputs.map((value, i) => (
        <NumberField
          key={i}
          label={`Input ${i + 1}`}
          hint={inputLabel(state.inputLabels, i)}
          value={value}
          disabled={!enabled}
          onCommit={(n) => {
            const inputs = [...state.inputs];
            inputs[i] = n;
            void run("network:set-inputs", { inputs });
          }}
        />
      ))}
    </div>
  );
}
