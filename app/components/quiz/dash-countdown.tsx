"use client";

/**
 * The time left on a timed question, ticking on the server's clock as this screen estimates it. The server closes the
 * question at its deadline whatever this shows; the countdown is only a guide.
 */
import { useEffect, useState } from "react";
import type { QuestionRun } from "../../../lib/session/domains/quiz/state";
import { serverNow } from "../../realtime/server-clock";
import { clock, secondsLeft } from "./dash-tally";

export function useSecondsLeft(run: Pick<QuestionRun, "status" | "closesAt"> | null): number | null {
  const [now, setNow] = useState(serverNow);
  const ticking = run?.status === "open" && run.closesAt !== null;
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(serverNow()), 250);
    return () => clearInterval(timer);
  }, [ticking]);
  return run ? secondsLeft(run, now) : null;
}

export function Countdown({ run, className = "" }: { run: Pick<QuestionRun, "status" | "closesAt"> | null; className?: string }) {
  const left = useSecondsLeft(run);
  if (left === null) return null;
  return (
    <span role="timer" aria-label="Time left" className={`font-mono font-black tabular-nums ${left <= 5 ? "text-red-700" : "text-slate-900"} ${className}`}>
      {clock(left)}
    </span>
  );
}
