/**
 * A code question's results: `CodeStats` (programs being graded, students passing every
 * test) and `TestRates` (each test's pass rate as a bar with its label, under its group's
 * heading). The dashboard shows them live and after the reveal; the projector (size "wall",
 * text 24 px and up, each test on one line) only after the reveal.
 */
import { groupTests, passingAllText, rateText, type CodeTally, type TestRate } from "./dash-code-tally";

type Size = "dash" | "wall";

/** How many programs are being graded (live only) and how many students pass every test. */
export function CodeStats({ tally, size = "dash", live = false }: { tally: CodeTally; size?: Size; live?: boolean }) {
  const wall = size === "wall";
  return (
    <ul aria-label="Programs" className={`flex flex-col gap-0.5 text-slate-900 ${wall ? "text-2xl" : "text-base"}`}>
      {live && (
        <li className="font-semibold">
          {tally.grading > 0 && <span aria-hidden="true" className="mr-2 inline-block h-2.5 w-2.5 animate-pulse rounded-full bg-amber-500" />}
          {tally.grading} being graded now
        </li>
      )}
      <li className={wall ? "text-3xl font-black" : "text-lg font-black"}>{passingAllText(tally)}</li>
    </ul>
  );
}

const ROWS = {
  /** Label and "1 of 2 · 50 %" on a line, the bar under them. */
  dash: { row: "grid-cols-[minmax(0,1fr)_auto] gap-x-3 text-sm", label: "order-1", bar: "order-3 col-span-2 h-1.5", rate: "order-2", heading: "text-xs font-bold uppercase tracking-wide text-slate-600", list: "gap-1.5" },
  /** Label, bar and "50 %" on one line. */
  wall: { row: "grid-cols-[minmax(0,1fr)_clamp(3rem,7vw,9rem)_5.5rem] gap-x-4 text-2xl leading-snug", label: "order-1", bar: "order-2 h-4", rate: "order-3", heading: "text-2xl font-bold text-slate-700", list: "gap-1" },
} as const;

export function TestRates({ tests, size = "dash" }: { tests: readonly TestRate[]; size?: Size }) {
  const s = ROWS[size];
  const groups = groupTests(tests);
  const named = groups.some((g) => g.name !== null);
  const Heading = size === "wall" ? "h2" : "h4";
  return (
    <section aria-label="Pass rate per test" className={`flex flex-col ${size === "wall" ? "gap-3" : "gap-2.5"}`}>
      {groups.map((g, gi) => (
        <div key={gi} className="flex flex-col gap-1">
          {named && <Heading className={s.heading}>{g.name ?? "Other tests"}</Heading>}
          <ul aria-label={g.name ?? "Tests"} className={`grid ${s.list}`}>
            {g.tests.map((t, i) => (
              <li key={i} className={`grid items-center ${s.row}`}>
                <span className={`${s.label} min-w-0 break-words font-semibold text-slate-900`}>{t.label}</span>
                <span className={`${s.rate} whitespace-nowrap text-right font-mono font-bold tabular-nums text-slate-900`}>{rateText(t, size === "wall")}</span>
                <span className={`${s.bar} relative block overflow-hidden rounded-full bg-slate-200`} aria-hidden="true">
                  <span className="absolute inset-y-0 left-0 rounded-full bg-emerald-600" style={{ width: `${t.of ? (t.passed / t.of) * 100 : 0}%` }} />
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
