"use client";

/**
 * The strip at the top of the quiz screen (it stays in view while the student scrolls): who I
 * am and which question this is, and on the right the time left (timed questions, from the
 * run's `closesAt`), or whether answers are closed or revealed.
 */
import { useEffect, useState } from "react";
import type { QuestionRun } from "../../../lib/session/domains/quiz/state";
import { serverNow } from "../../realtime/server-clock";
import { clockText } from "./quiz-answer";

function Countdown({ closesAt, limitMs }: { closesAt: number; limitMs: number | null }) {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 500);
    return () => clearInterval(timer);
  }, []);
  // The deadline is on the server's clock (serverNow); never show more than the limit either way.
  const left = Math.min(closesAt - now, limitMs ?? Infinity);
  const low = left <= 10_000;
  return (
    <span role="timer" className={`rounded-full px-3 py-1 font-mono text-lg font-bold tabular-nums ${low ? "bg-amber-300 text-amber-950" : "bg-white text-indigo-900"}`}>
      <span className="sr-only">Time left </span>
      {clockText(left)}
    </span>
  );
}

export function QuizStrip({ run, nickname }: { run: QuestionRun; nickname: string }) {
  const pill =
    run.status === "open" ? (
      run.closesAt !== null ? (
        <Countdown closesAt={run.closesAt} limitMs={run.timeLimitSec === null ? null : run.timeLimitSec * 1000} />
      ) : (
        <span className="rounded-full bg-emerald-300 px-3 py-1 text-base font-bold whitespace-nowrap text-emerald-950">Open</span>
      )
    ) : (
      <span className="rounded-full bg-white px-3 py-1 text-base font-bold whitespace-nowrap text-slate-900">{run.status === "closed" ? "Closed" : "Revealed"}</span>
    );
  return (
    <div className="border-b border-indigo-900 bg-indigo-800 px-4 py-2 text-white shadow-sm">
      <div className="mx-auto flex max-w-md items-center justify-between gap-3">
        <p className="min-w-0 truncate text-base">
          <span className="font-extrabold">Quiz · Question {run.number}</span>
          <span className="text-indigo-100"> · {nickname}</span>
        </p>
        {pill}
      </div>
    </div>
  );
}
