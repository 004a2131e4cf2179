/** The key to the diagram's lines: sign by colour and by dash, size by thickness. */
import { NEGATIVE, POSITIVE } from "./palette";

function Sample({ stroke, dash, width }: { stroke: string; dash?: string; width: number }) {
  return (
    <svg viewBox="0 0 48 12" className="h-3 w-12" aria-hidden="true" focusable="false">
      <line x1="2" y1="6" x2="46" y2="6" stroke={stroke} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

export function WeightLegend() {
  return (
    <>
      <span className="flex items-center gap-2">
        <Sample stroke={POSITIVE} width={4} /> positive (orange, solid)
      </span>
      <span className="flex items-center gap-2">
        <Sample stroke={NEGATIVE} dash="8 5" width={4} /> negative (blue, dashed)
      </span>
      <span className="flex items-center gap-2">
        <Sample stroke="#334155" width={1.5} />
        <Sample stroke="#334155" width={7} /> thicker = larger weight
      </span>
      <span>b = bias · darker = stronger output</span>
    </>
  );
}
