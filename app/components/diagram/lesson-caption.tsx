"use client";

/**
 * The lesson step on the wall, beside the diagram: its number, title and explanation, in type
 * for the back of the room. Nothing shows while no step is active (free play).
 */
import { memo } from "react";
import { LESSON_STEPS } from "../../../lib/lesson/steps";
import { useLive } from "./live-store";

export const LessonCaption = memo(function LessonCaption() {
  const step = useLive((s) => s.lesson.step);
  const current = step === null ? null : LESSON_STEPS[step];
  if (!current) return null;
  return (
    <section
      aria-labelledby="lesson-caption-title"
      className="flex shrink-0 flex-col gap-4 overflow-y-auto border-slate-200 lg:w-[27rem] lg:border-l lg:pl-8 min-[100rem]:w-[36rem]"
    >
      <p className="text-lg font-bold uppercase tracking-wider text-indigo-800">
        Step {step! + 1} of {LESSON_STEPS.length}
      </p>
      <h2 id="lesson-caption-title" className="text-4xl font-extrabold leading-tight tracking-tight text-slate-950">
        {current.title}
      </h2>
      {current.text.map((p, i) => (
        <p key={i} className="text-xl leading-snug text-slate-800 min-[100rem]:text-2xl">
          {p}
        </p>
      ))}
    </section>
  );
});
