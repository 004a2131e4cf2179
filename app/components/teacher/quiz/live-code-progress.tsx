"use client";

/**
 * A running code question's progress on the dashboard, from the teacher's copy of the state
 * as grades arrive: `part="stats"` (programs being graded, students whose best program passes
 * every test) beside the answer count, `part="rates"` (each test's pass rate) under the
 * question. The pass rates are the point of a code question, so unlike other kinds they show
 * before the reveal (students see their own tests' labels on their phones); nobody's code is
 * shown.
 */
import { memo, useMemo } from "react";
import { useLive } from "../../diagram/live-store";
import { CodeStats, TestRates } from "../../quiz/dash-code-results";
import { liveCodeTally } from "../../quiz/dash-code-tally";

export const LiveCodeProgress = memo(function LiveCodeProgress({ tests, part }: { tests: number; part: "stats" | "rates" }) {
  const answers = useLive((s) => s.quiz.answers);
  const grading = useLive((s) => s.quiz.grading);
  const graded = useLive((s) => s.quiz.graded);
  const tally = useMemo(() => liveCodeTally(tests, answers, grading, graded), [tests, answers, grading, graded]);
  return part === "stats" ? <CodeStats tally={tally} live /> : <TestRates tests={tally.tests} />;
});
