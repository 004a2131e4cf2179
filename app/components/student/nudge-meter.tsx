/**
 * Training mode's nudge beside one of my numbers: which way moving it lowers the class's loss
 * (↑ raise, ↓ lower, or "hold" when the slope is tiny), how strongly compared with my other
 * numbers (a bar), and the slope itself with three decimals. The arrow and the words carry the
 * direction; colour only repeats it.
 */
import { formatValue } from "../../../lib/session/format";
import { nudgeWay, type NudgeWay } from "./nudge-text";

/** A true minus sign, as number-text.ts writes it (not imported: this file is in the training chunk). */
const MINUS = "\u2212";

const WAYS: Record<NudgeWay, { arrow: string; word: string; tone: string; bar: string }> = {
  raise: { arrow: "↑", word: "raise", tone: "bg-emerald-50 text-emerald-900 ring-emerald-300", bar: "bg-emerald-700" },
  lower: { arrow: "↓", word: "lower", tone: "bg-sky-50 text-sky-950 ring-sky-300", bar: "bg-sky-700" },
  hold: { arrow: "•", word: "hold", tone: "bg-slate-50 text-slate-800 ring-slate-300", bar: "bg-slate-500" },
};

/**
 * @example
 * <NudgeMeter label="Weight 1" slope={-0.12} largest={0.3} />
 */
export function NudgeMeter({ label, slope, largest }: { label: string; slope: number; largest: number }) {
  const way = nudgeWay(slope);
  const style = WAYS[way];
  const share = largest > 0 && way !== "hold" ? Math.min(1, Math.abs(slope) / largest) : 0;
  const text = formatValue(slope);
  return (
    <div role="group" aria-label={`Nudge for ${label}`} className={`mt-2 flex items-center gap-3 rounded-xl px-3 py-2 ring-1 ${style.tone}`}>
      <span className="flex w-20 shrink-0 items-center gap-1 text-lg font-extrabold">
        <span aria-hidden={way === "hold" ? true : undefined} className="text-2xl leading-none">
          {style.arrow}
        </span>
        {way === "hold" ? "hold" : style.word}
      </span>
      <span className="h-3 min-w-0 flex-1 rounded-full bg-white ring-1 ring-slate-300" aria-hidden="true">
        <span className={`block h-full rounded-full ${style.bar}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="sr-only">{`strength ${Math.round(share * 100)} % of your strongest,`}</span>
      <span className="shrink-0 font-mono text-base tabular-nums">
        <span className="font-sans">slope </span>
        {text.startsWith("-") ? `${MINUS}${text.slice(1)}` : text}
      </span>
    </div>
  );
}
