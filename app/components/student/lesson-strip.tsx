/**
 * The lesson step at the top of a phone: which step, its title and what to do now, with a
 * "Try it live" link when the step has a Python example. The link opens the examples page in
 * a new tab, so Python and the editor load there, only when asked for, and this page (and
 * its connection) stays as it is.
 */
import type { LessonStep } from "../../../lib/lesson/steps";
import { LESSON_STEPS } from "../../../lib/lesson/steps";

export function LessonStrip({ step, prompt = true }: { step: number; prompt?: boolean }) {
  const current = LESSON_STEPS[step];
  if (!current) return null;
  return (
    <section aria-label="Lesson step" className="rounded-2xl bg-indigo-50 px-4 py-2.5 ring-1 ring-indigo-200">
      <div className="flex items-center justify-between gap-3">
        <p className="min-w-0 text-base font-extrabold leading-snug text-slate-900">
          <span className="mr-1.5 text-sm font-bold text-indigo-800">
            {step + 1}/{LESSON_STEPS.length}
          </span>
          {current.title}
        </p>
        {current.exampleId && <TryLink exampleId={current.exampleId} />}
      </div>
      {prompt && <p className="mt-0.5 text-sm leading-snug text-slate-800">{current.phonePrompt}</p>}
    </section>
  );
}

export function TryLink({ exampleId }: { exampleId: NonNullable<LessonStep["exampleId"]> }) {
  return (
    <a
      href={`/try#${exampleId}`}
      target="_blank"
      rel="noopener"
      className="inline-flex min-h-11 shrink-0 items-center rounded-lg bg-white px-3 text-sm font-bold text-indigo-800 ring-1 ring-indigo-300 hover:bg-indigo-100"
    >
      Try it live
    </a>
  );
}
