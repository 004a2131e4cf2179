/**
 * A code question's grade as the student sees it, on the phone and in the self-paced lesson:
 * a one-line summary ("13 of 14 tests pass."), then each group of tests with every test passed
 * or not and why (expected against got, or the exception and its line). For the lesson's spam
 * exercise the ten labelled examples are a table: each example's label beside what the
 * student's `predict` called it. A run that was stopped or could not run says so in words.
 * Light on imports (the phone loads it in its code-question chunk).
 */
import { SPAM_AT_HALF } from "../../../lib/lesson/code-exercise";
import { SPAM_EXAMPLES } from "../../../lib/lesson/presets";
import type { CodeGrade, TestResult } from "../../../lib/quiz/code-judge";
import { EXAMPLES_TITLE, exampleVerdicts, gradeTone, STATUS_TITLE, testGroups, type ExampleVerdict, type GradeTone } from "./code-results-model";

export interface CodeResultsProps {
  questionId: string;
  grade: CodeGrade;
  /** A line under the summary, e.g. "2 programs sent · Best: 13 of 14". */
  note?: string | null;
  /** Shown faded while a newer program is being graded. */
  stale?: boolean;
}

const TONE: Record<GradeTone, string> = {
  pass: "bg-emerald-700 text-white",
  partial: "bg-amber-100 text-amber-950 ring-1 ring-amber-500",
  fail: "bg-rose-700 text-white",
  limit: "bg-slate-800 text-white",
};
const MARK: Record<GradeTone, string> = { pass: "✓", partial: "◐", fail: "✗", limit: "!" };

export function CodeResults({ questionId, grade, note = null, stale = false }: CodeResultsProps) {
  const tone = gradeTone(grade);
  const verdicts = exampleVerdicts(questionId, grade);
  const groups = testGroups(grade.tests).filter((g) => !(verdicts && g.group === EXAMPLES_TITLE));
  return (
    <section aria-label="Test results" className={`flex flex-col gap-3 ${stale ? "opacity-60" : ""}`}>
      <div className={`rounded-2xl p-4 shadow-sm ${TONE[tone]}`}>
        {grade.status !== "graded" && <p className="text-base font-bold tracking-wide uppercase">{STATUS_TITLE[grade.status]}</p>}
        <p className="text-xl leading-snug font-extrabold">
          <span aria-hidden="true">{MARK[tone]} </span>
          {grade.message}
        </p>
        {note && <p className="mt-1 text-base font-semibold">{note}</p>}
      </div>

      {grade.status === "graded" ? (
        <>
          {verdicts && <ExampleTable verdicts={verdicts} />}
          {groups.map((g) => (
            <div key={g.group ?? ""} className="rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
              <h3 className="text-lg font-bold text-slate-900">
                {g.group ?? "Tests"} <span className="font-semibold text-slate-700">· {g.passed} of {g.tests.length} pass</span>
              </h3>
              <ul className="mt-2 flex flex-col gap-2">
                {g.tests.map((t, i) => (
                  <TestLine key={i} test={t} />
                ))}
              </ul>
            </div>
          ))}
        </>
      ) : (
        <p className="rounded-2xl bg-white p-4 text-base text-slate-800 shadow-sm ring-1 ring-slate-200">
          {grade.total === 1 ? "The test did not run." : `None of the ${grade.total} tests ran.`}
        </p>
      )}

      {grade.stdout && (
        <details className="rounded-2xl bg-white px-4 py-1 shadow-sm ring-1 ring-slate-200">
          <summary className="cursor-pointer py-2.5 text-base font-bold text-slate-900">What your code printed</summary>
          <pre className="mb-3 overflow-x-auto rounded-xl bg-slate-50 p-3 font-mono text-base whitespace-pre-wrap text-slate-900">{grade.stdout}</pre>
        </details>
      )}
    </section>
  );
}

function TestLine({ test }: { test: TestResult }) {
  return (
    <li className={`rounded-xl p-3 ring-1 ${test.passed ? "bg-emerald-50 ring-emerald-300" : "bg-rose-50 ring-rose-300"}`}>
      <p className="text-base font-semibold break-words text-slate-900">
        <span aria-hidden="true" className={test.passed ? "text-emerald-800" : "text-rose-800"}>
          {test.passed ? "✓ " : "✗ "}
        </span>
        <span className="sr-only">{test.passed ? "Passed: " : "Failed: "}</span>
        {test.label}
      </p>
      <p className={`mt-1 font-mono text-base break-words ${test.passed ? "text-emerald-900" : "text-rose-900"}`}>{test.message}</p>
    </li>
  );
}

const networkMisses = SPAM_EXAMPLES.filter((e, i) => SPAM_AT_HALF[i] !== e.label).length;

function ExampleTable({ verdicts }: { verdicts: ExampleVerdict[] }) {
  const agree = verdicts.filter((v) => v.agrees).length;
  const passed = verdicts.filter((v) => v.passed).length;
  return (
    <div className="rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <h3 className="text-lg font-bold text-slate-900">
        {EXAMPLES_TITLE} <span className="font-semibold text-slate-700">· {passed} of {verdicts.length} pass</span>
      </h3>
      <table className="mt-2 w-full border-collapse text-left text-base">
        <caption className="sr-only">What your predict calls each labelled example, beside its label</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-1 pr-2 font-semibold">
              Example
            </th>
            <th scope="col" className="py-1 pr-2 font-semibold">
              Label
            </th>
            <th scope="col" className="py-1 font-semibold">
              Your predict
            </th>
          </tr>
        </thead>
        <tbody>
          {verdicts.map((v) => (
            <tr key={v.number} className={`border-b border-slate-200 align-top last:border-0 ${v.agrees ? "" : "bg-amber-50"}`}>
              <th scope="row" className="py-1.5 pr-2 font-normal whitespace-nowrap">
                <span className="font-bold">{v.number}</span>
                <span className="block text-slate-700">{v.inputs.join(", ")}</span>
              </th>
              <td className="py-1.5 pr-2 whitespace-nowrap">{v.label}</td>
              <td className={`py-1.5 font-bold whitespace-nowrap ${v.passed ? "text-slate-900" : "text-rose-800"}`}>
                {v.said ?? "an error"}
                <span aria-hidden="true" className={v.passed ? "text-emerald-700" : "text-rose-700"}>
                  {v.passed ? " ✓" : " ✗"}
                </span>
                <span className="sr-only">
                  {v.agrees ? "" : ", not the label"}
                  {v.passed ? ", test passed" : ", test failed"}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {verdicts.some((v) => !v.passed) && (
        <ul className="mt-2 flex flex-col gap-1">
          {verdicts
            .filter((v) => !v.passed)
            .map((v) => (
              <li key={v.number} className="rounded-xl bg-rose-50 p-2 font-mono text-base break-words text-rose-900 ring-1 ring-rose-300">
                Example {v.number}: {v.message}
              </li>
            ))}
        </ul>
      )}
      <p className="mt-2 text-base text-slate-800">
        Your predict agrees with the label on {agree} of {verdicts.length} examples (the others are shaded). The tests expect what the network says, and the network itself calls {networkMisses} of them wrongly.
      </p>
    </div>
  );
}
