/**
 * A code question's results: how many programs are being graded and how many students pass
 * every test, then each test's pass rate as a bar with its label, under its group's heading.
 * The dashboard shows it live and after the reveal; the projector (size "wall", text 24 px
 * and up) only after the reveal.
 */
import { groupTests, passingAllText, rateText, type CodeTally } from "./dash-code-tally";

const SIZES = {
  dash: {
    stats: "text-base",
    big: "text-lg font-black",
    heading: "text-xs font-bold uppercase tracking-wide text-slate-600",
    row: "grid-cols-[minmax(0,1fr)_7rem] gap-x-3 text-sm",
    /** Under the label and the rate. */
    bar: "order-4 col-span-2 h-2",
    list: "gap-1.5",
  },
  wall: {
    stats: "text-2xl",
    big: "text-3xl font-black",
    heading: "text-2xl font-bold text-slate-700",
    row: "grid-cols-[minmax(0,1fr)_10rem_11rem] gap-x-4 text-2xl",
    /** On the label's line, between it and the rate. */
    bar: "order-2 h-4",
    list: "gap-2",
  },
} as const;

interface CodeResultsProps {
  tally: CodeTally;
  size?: keyof typeof SIZES;
  /** While the question runs: also how many programs are being graded. */
  live?: boolean;
}

export function CodeResults({ tally, size = "dash", live = false }: CodeResultsProps) {
  const s = SIZES[size];
  const groups = groupTests(tally.tests);
  const named = groups.some((g) => g.name !== null);
  return (
    <div className="flex flex-col gap-3">
      <ul aria-label="Programs" className={`flex flex-col gap-0.5 text-slate-900 ${s.stats}`}>
        {live && (
          <li className="font-semibold">
            {tally.grading > 0 && <span aria-hidden="true" className="mr-2 inline-block h-2.5 w-2.5 animate-pulse rounded-full bg-amber-500" />}
            {tally.grading} being graded now
          </li>
        )}
        <li className={s.big}>{passingAllText(tally)}</li>
      </ul>
      <section aria-label="Pass rate per test" className="flex flex-col gap-3">
        {groups.map((g, gi) => (
          <div key={gi} className="flex flex-col gap-1">
            {named && <h4 className={s.heading}>{g.name ?? "Other tests"}</h4>}
            <ul aria-label={g.name ?? "Tests"} className={`grid ${s.list}`}>
              {g.tests.map((t, i) => (
                <li key={i} className={`grid items-center ${s.row}`}>
                  <span className="order-1 min-w-0 break-words font-semibold text-slate-900">{t.label}</span>
                  <span className="order-3 text-right font-mono font-bold tabular-nums text-slate-900">{rateText(t)}</span>
                  <span className={`relative block overflow-hidden rounded-full bg-slate-200 ${s.bar}`} aria-hidden="true">
                    <span className="absolute inset-y-0 left-0 rounded-full bg-emerald-600" style={{ width: `${t.of ? (t.passed / t.of) * 100 : 0}%` }} />
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}
