"use client";

/** The values fed into the network ("Input 1" … "Input n"), each beside its name. */
import { memo, useEffect, useRef } from "react";
import { inputLabel } from "../diagram/labels";
import { useLive } from "../diagram/live-store";
import { useCommands } from "./commands";
import { NumberField } from "./number-field";

export const InputsEditor = memo(function InputsEditor() {
  const { run, enabled } = useCommands();
  const inputs = useLive((s) => s.inputs);
  const inputLabels = useLive((s) => s.inputLabels);
  // The command carries every input: build it on the last one sent, so typing two fields in a
  // row does not undo the first while its update is still on the way.
  const latest = useRef(inputs);
  useEffect(() => {
    latest.current = inputs;
  }, [inputs]);
  return (
    <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {inputs.map((value, i) => (
        <NumberField
          key={i}
          label={`Input ${i + 1}`}
          hint={inputLabel(inputLabels, i)}
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
});
