"use client";

/**
 * The lesson step on the wall, beside the diagram: its number, title and explanation, in type
 * for the back of the room. Nothing shows while no step is active (free play). On a 1280 px
 * wall it stays narrow, so the diagram keeps room for its weights' numbers.
 */
import { memo } from "react";
import { LESSON_STEPS } from "../../../lib/lesson/steps";
import { useLive } from "./live-store";

export const LessonCaption = memo(function LessonCaption() {
  const step = useLive((s) => s.lesson.step);
  const current = step === null ? null : LESSON_STEPS[step];
  if (!current) return null;
  return (
    // Beside the diagram, the caption takes the diagram's height and never grows the wall past
    // the screen (absolute inside a stretched box); a long step scrolls within it.
    <div className="relative shrink-0 border-slate-200 lg:w-[19rem] lg:border-l min-[100rem]:w-[36rem]">
      <section
        aria-labelledby="lesson-caption-title"
        // Focusable, so a step too long for a small wall can be scrolled by keyboard.
        tabIndex={0}
        className="flex flex-col gap-3 lg:absolute lg:inset-0 lg:overflow-y-auto lg:pl-6 min-[100rem]:gap-4 min-[100rem]:pl-8"
      >
        <p className="text-base font-bold uppercase tracking-wider text-indigo-800 min-[100rem]:text-lg">
          Step {step! + 1} of {LESSON_STEPS.length}
        </p>
        <h2 id="lesson-caption-title" className="text-3xl font-extrabold leading-tight tracking-tight text-slate-950 min-[100rem]:text-4xl">
          {current.title}
        </h2>
        {current.text.map((p, i) => (
          <p key={i} className="text-base leading-snug text-slate-800 min-[100rem]:text-2xl">
            {p}
          </p>
        ))}
      </section>
    </div>
  );
});
