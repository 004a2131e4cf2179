"use client";

/**
 * The current lesson step's Python example on the dashboard, editable and runnable, for the
 * teacher to show the class. Try it live arrives as its own chunk when a step with an example
 * is first reached; Python itself loads only when Run is first pressed.
 */
import { lazy, memo, Suspense } from "react";
import { PYTHON_EXAMPLES } from "../../../../lib/lesson/examples";
import { LESSON_STEPS } from "../../../../lib/lesson/steps";
import { useLive } from "../../diagram/live-store";
import { Panel } from "../ui";

const TryItLive = lazy(() => import("../../python/try-it-live").then((m) => ({ default: m.TryItLive })));

export const LessonExample = memo(function LessonExample() {
  const exampleId = useLive((s) => (s.lesson.step === null ? null : (LESSON_STEPS[s.lesson.step]?.exampleId ?? null)));
  const example = exampleId === null ? null : PYTHON_EXAMPLES.find((e) => e.id === exampleId);
  if (!example) return null;
  return (
    <Panel title="Try it live">
      <Suspense fallback={<p className="text-sm text-slate-700">Opening the example…</p>}>
        <TryItLive key={example.id} title={example.title} summary={example.summary} code={example.code} headingLevel={3} />
      </Suspense>
    </Panel>
  );
});
