/**
 * A question's distribution drawn as horizontal bars: each answer's label in text (it wraps
 * on a phone), its count and share, and a bar in SVG scaled to the most chosen answer. The
 * list carries the numbers for a screen reader; the bars are the picture for everyone else.
 */
import { useId } from "react";
import type { QuestionReport } from "../../../lib/protocol/replay";

/** "Right"/"Wrong" bars get meaning-bearing colours; the most chosen answer is the darkest. */
function colourOf(label: string, top: boolean): string {
  if (/^(right|correct)\b/i.test(label)) return "#047857";
  if (/^(wrong|not quite|incorrect)\b/i.test(label)) return "#b91c1c";
  return top ? "#3730a3" : "#818cf8";
}

export function DistributionBars({ question }: { question: QuestionReport }) {
  const captionId = useId();
  const bars = question.distribution;
  const total = bars.reduce((n, b) => n + b.count, 0);
  const most = Math.max(1, ...bars.map((b) => b.count));
  if (bars.length === 0) return <p className="text-sm text-slate-600">No answers to draw.</p>;
  return (
    <figure aria-labelledby={captionId} className="space-y-2">
      <figcaption id={captionId} className="text-xs font-bold uppercase tracking-wide text-slate-500">
        Answers of question {question.number}
      </figcaption>
      <ul className="space-y-2">
        {bars.map((bar, i) => {
          const share = total ? bar.count / total : 0;
          return (
            <li key={`${i}:${bar.label}`} className="grid grid-cols-[minmax(0,1fr)_auto] items-baseline gap-x-3 gap-y-1">
              <span className="min-w-0 break-words text-sm font-semibold text-slate-800">{bar.label}</span>
              <span className="text-sm tabular-nums text-slate-700">
                <span className="font-bold text-slate-900">{bar.count}</span>
                <span className="sr-only"> {bar.count === 1 ? "answer" : "answers"},</span>
                <span className="ml-1.5 text-slate-500">{Math.round(share * 100)} %</span>
              </span>
              <svg className="col-span-2 block h-3.5 w-full" aria-hidden="true" focusable="false" data-bar={bar.count}>
                <rect x="0" y="0" width="100%" height="100%" rx="4" fill="#eef2ff" />
                {bar.count > 0 && <rect x="0" y="0" width={`${(bar.count / most) * 100}%`} height="100%" rx="4" fill={colourOf(bar.label, bar.count === most)} />}
              </svg>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
