"use client";

/**
 * A running code question's progress on the dashboard: programs being graded, students whose
 * best program passes every test, and each test's pass rate, from the teacher's copy of the
 * state as grades arrive. The pass rates are the point of a code question, so unlike other
 * kinds they show before the reveal (students see their own tests' labels on their phones);
 * nobody's code is shown.
 */
import { memo, useMemo } from "react";
import { useLive } from "../../diagram/live-store";
import { CodeResults } from "../../quiz/dash-code-results";
import { liveCodeTally } from "../../quiz/dash-code-tally";

export const LiveCodeProgress = memo(function LiveCodeProgress({ tests }: { tests: number }) {
  const answers = useLive((s) => s.quiz.answers);
  const grading = useLive((s) => s.quiz.grading);
  const graded = useLive((s) => s.quiz.graded);
  const tally = useMemo(() => liveCodeTally(tests, answers, grading, graded), [tests, answers, grading, graded]);
  return <CodeResults tally={tally} live />;
});
