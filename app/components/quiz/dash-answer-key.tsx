/**
 * The revealed answer as a boxed list, on the dashboard and (larger) on the wall: the right
 * choices, the number, the printed line, the blanks or the lines in order; a code question's
 * reference solution as a listing.
 */
import type { QuestionRun } from "../../../lib/session/domains/quiz/state";
import { CodeListing } from "./code-listing";
import { keyLines } from "./dash-tally";

const SIZES = {
  dash: { box: "rounded-xl p-3 ring-1", title: "text-sm font-bold", list: "mt-1 gap-0.5 text-base font-semibold" },
  wall: { box: "rounded-2xl p-6 ring-2", title: "text-2xl font-black", list: "mt-2 gap-1 text-[2rem] font-bold" },
} as const;

export function AnswerKey({ run, size = "dash" }: { run: QuestionRun; size?: keyof typeof SIZES }) {
  const key = run.key;
  if (!key) return null;
  const s = SIZES[size];
  const Title = size === "wall" ? "h2" : "h3";
  if (key.kind === "code" && key.reference !== null) {
    return (
      <div className={`bg-emerald-50 ring-emerald-700 ${s.box}`}>
        <Title className={`uppercase tracking-wide text-emerald-900 ${s.title}`}>Reference solution</Title>
        <div className="mt-2">
          <CodeListing code={key.reference.replace(/\s+$/, "")} label="Reference solution" size={size === "wall" ? "wall" : "phone"} wrap={size === "wall"} />
        </div>
      </div>
    );
  }
  const prose = key.kind === "poll" || key.kind === "parametric" || key.kind === "code";
  return (
    <div className={`bg-emerald-50 ring-emerald-700 ${s.box}`}>
      <Title className={`uppercase tracking-wide text-emerald-900 ${s.title}`}>Answer</Title>
      <ul className={`grid text-slate-950 ${s.list}`}>
        {keyLines(key, run.shown).map((line, i) => (
          <li key={i} className={prose ? "" : "whitespace-pre-wrap font-mono"}>
            {line}
          </li>
        ))}
      </ul>
    </div>
  );
}
