"use client";

/** The values fed into the network ("Input 1" … "Input n"), each beside its name. */
import { useEffect, useRef } from "react";
import type { SessionState } from "../../../lib/session/state";
import { inputLabel } from "../diagram/labels";
import { useCommands } from "./commands";
import { NumberField } from "./number-field";

export function InputsEditor({ state }: { state: SessionState }) {
  const { run, enabled } = useCommands();
  // The command carries every input: build it on the last one sent, so typing two fields in a
  // row does not undo the first while its update is still on the way.
  const latest = useRef(state.inputs);
  useEffect(() => {
    latest.current = state.inputs;
  }, [state.inputs]);
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
            const inputs = [...latest.current];
            inputs[i] = n;
            latest.current = inputs;
            void run("network:set-inputs", { inputs });
          }}
        />
      ))}
    </div>
  );
}
