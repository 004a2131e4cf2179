"use client";

/**
 * A revealed code question on the wall: the prompt, the share of students whose best program
 * passes every test and each test's pass rate on the left; the explanation and the reference
 * solution on the right: the part students had to write (what the starter code did not
 * already hold), so it fits large; the dashboard shows all of it. Text 24 px and up; long
 * lines of code wrap rather than scroll.
 */
import type { QuestionRun } from "../../../lib/session/domains/quiz/state";
import { CodeListing } from "./code-listing";
import { CodeStats, TestRates } from "./dash-code-results";
import { writtenPart, type CodeTally } from "./dash-code-tally";

export function WallCodeReveal({ run, tally }: { run: QuestionRun; tally: CodeTally }) {
  const reference = run.key?.kind === "code" ? run.key.reference : null;
  const starter = run.shown.kind === "code" ? run.shown.starter : "";
  const shown = reference === null ? null : writtenPart(reference, starter);
  return (
    <div className="grid min-h-0 flex-1 gap-x-12 gap-y-6 xl:grid-cols-2">
      <div className="flex min-w-0 flex-col gap-4">
        <p aria-label="Question" role="group" className="text-2xl font-bold leading-snug text-slate-950">
          {run.shown.prompt}
        </p>
        <CodeStats tally={tally} size="wall" />
        <TestRates tests={tally.tests} size="wall" />
      </div>
      <div className="flex min-w-0 flex-col gap-5">
        {run.explanation && <p className="text-2xl leading-snug text-slate-900">{run.explanation}</p>}
        {shown && (
          <div className="rounded-2xl bg-emerald-50 p-5 ring-2 ring-emerald-700">
            <h2 className="text-2xl font-black uppercase tracking-wide text-emerald-900">Reference solution</h2>
            {shown.partial && <p className="text-2xl text-emerald-950">The part students wrote; the rest is the starter code.</p>}
            <div className="mt-3">
              <CodeListing code={shown.code} label="Reference solution" size="wall" wrap />
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
