"use client";

/** The detector's cut-off, for the teacher: a score strictly above it reads "spam" (or "yes"). */
import { memo } from "react";
import { useCommands } from "./commands";
import { NumberField } from "./number-field";

export const ThresholdField = memo(function ThresholdField({ threshold, positive }: { threshold: number; positive: string }) {
  const { run, enabled } = useCommands();
  return (
    <NumberField
      label="Threshold"
      hint={`a score above it reads “${positive}”`}
      value={threshold}
      min={0}
      max={1}
      disabled={!enabled}
      className="mt-4 max-w-56"
      onCommit={(t) => void run("network:threshold", { threshold: t })}
    />
  );
});
