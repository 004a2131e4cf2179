"use client";
/**
 * A code question in the self-paced lesson (loaded as its own chunk by learn-app.tsx): the
 * prompt, the Python editor with the key row (the phone's own, code-pad.tsx), "Check my code"
 * and Stop. Checking runs the question's tests in this browser's Python (the page's worker,
 * python-runner.ts) with the harness the server's sandbox runs, and `judge` grades the report
 * as the server would; the result shows as on the phone (code-results.tsx). A run past the
 * time limit, or stopped, ends with a "stopped" grade. The program is kept as it is typed, and
 * each check with its grade; after a check, a reference solution can be opened.
 */
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { jobFor, type CodeGrade, type CodeQuestion } from "../../../lib/quiz/code-judge";
import { pythonRunner } from "../python/python-runner";
import { CodeListing } from "../quiz/code-listing";
import { CodePad } from "../quiz/code-pad";
import { CodeResults } from "../quiz/code-results";
import { KIND_TEXT } from "../student/quiz-answer";
import { BROWSER_LIMIT_MS, harnessGrade, stoppedGrade, unloadedGrade } from "./learn-code-run";
import type { StoredAnswer } from "./learn-model";
import { CARD, PRIMARY, SECONDARY } from "./styles";

export interface LearnCodeProps {
  question: CodeQuestion;
  /** "Question 1 of 1". */
  heading: string;
  /** The last program checked, with its grade. */
  stored: StoredAnswer | undefined;
  /** The program as last typed, if kept. */
  draft: string | undefined;
  onDraft(code: string): void;
  onGraded(code: string, grade: CodeGrade): void;
}

type Phase = { kind: "idle" } | { kind: "loading"; fraction: number; starting: boolean } | { kind: "running" };

export default function LearnCode({ question, heading, stored, draft, onDraft, onGraded }: LearnCodeProps) {
  const headingId = useId();
  const hintId = useId();
  const storedCode = stored?.answer.kind === "code" ? stored.answer.code : undefined;
  const starter = question.starter.replace(/\n+$/, "");
  const [start, setStart] = useState(() => draft ?? storedCode ?? starter);
  const code = useRef(start);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [grade, setGrade] = useState<CodeGrade | null>(stored?.grade ?? null);
  const [editorKey, setEditorKey] = useState(0);
  const run = useRef<{ id: number; startedAt: number | null; limit: ReturnType<typeof setTimeout> | null; why: "stop" | "limit" } | null>(null);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const endRun = useCallback(() => {
    if (run.current?.limit) clearTimeout(run.current.limit);
    run.current = null;
    setPhase({ kind: "idle" });
  }, []);

  // Leaving the section stops a check that still runs, and keeps the program as typed.
  const latestDraft = useRef<(() => void) | null>(null);
  useEffect(
    () => () => {
      if (draftTimer.current) clearTimeout(draftTimer.current);
      latestDraft.current?.();
      const current = run.current;
      if (current?.limit) clearTimeout(current.limit);
      run.current = null;
      if (current) pythonRunner().stop(current.id);
    },
    [],
  );

  const onChange = useCallback(
    (next: string) => {
      code.current = next;
      // Kept a moment after typing stops, not on every key.
      if (draftTimer.current) clearTimeout(draftTimer.current);
      latestDraft.current = () => onDraft(next);
      draftTimer.current = setTimeout(() => {
        latestDraft.current = null;
        onDraft(next);
      }, 400);
    },
    [onDraft],
  );

  const check = useCallback(() => {
    if (run.current) return;
    const source = code.current;
    const finish = (g: CodeGrade) => {
      endRun();
      setGrade(g);
      onGraded(source, g);
    };
    const elapsed = () => (run.current?.startedAt != null ? performance.now() - run.current.startedAt : 0);
    setPhase({ kind: "running" });
    const id = pythonRunner().grade(jobFor(question, source), {
      progress(loadPhase, fraction) {
        if (run.current?.id === id) setPhase({ kind: "loading", fraction, starting: loadPhase === "start" });
      },
      started() {
        const current = run.current;
        if (current?.id !== id) return;
        current.startedAt = performance.now();
        current.limit = setTimeout(() => {
          if (run.current?.id !== id) return;
          run.current.why = "limit";
          pythonRunner().stop(id);
        }, BROWSER_LIMIT_MS);
        setPhase({ kind: "running" });
      },
      graded(result, detail, ms) {
        if (run.current?.id === id) finish(harnessGrade(question, result, detail, ms));
      },
      stopped(reason) {
        const current = run.current;
        if (current?.id !== id) return;
        finish(stoppedGrade(question, reason === "replaced" ? "replaced" : current.why, current.why === "limit" ? BROWSER_LIMIT_MS : elapsed()));
      },
      loadFailed(message) {
        if (run.current?.id === id) finish(unloadedGrade(question, message));
      },
    });
    run.current = { id, startedAt: null, limit: null, why: "stop" };
  }, [question, endRun, onGraded]);

  const stop = () => {
    if (run.current) pythonRunner().stop(run.current.id);
  };

  const reset = () => {
    code.current = starter;
    setStart(starter);
    // The starter may be the text the editor started with: a new key starts it again anyway.
    setEditorKey((k) => k + 1);
    onDraft(starter);
  };

  const busy = phase.kind !== "idle";
  const status =
    phase.kind === "loading"
      ? phase.starting
        ? "Starting Python…"
        : `Loading Python… ${Math.round(phase.fraction * 100)} %`
      : phase.kind === "running"
        ? "Running the tests…"
        : !grade
          ? "Python loads on the first check (a few MB, once)."
          : grade.status === "timeout"
            ? "Stopped."
            : grade.status === "unavailable"
              ? "Python could not load."
              : `Checked in ${grade.ms < 1000 ? `${Math.round(grade.ms)} ms` : `${(grade.ms / 1000).toFixed(1)} s`}.`;

  return (
    <article aria-labelledby={headingId} className={`${CARD} flex flex-col gap-4`}>
      <section aria-label="Question" className="flex flex-col gap-2">
        <h3 id={headingId} className="text-sm font-bold tracking-wide text-indigo-800 uppercase">
          {heading} · {KIND_TEXT.code}
        </h3>
        <p className="text-xl leading-snug font-bold text-slate-900">{question.prompt}</p>
      </section>

      <CodePad key={editorKey} initialCode={start} label="Your code" hintId={hintId} onChange={onChange} onSubmit={check} />

      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={`${PRIMARY} min-h-12 text-lg`} onClick={check} disabled={busy}>
          Check my code
        </button>
        <button type="button" className={`${SECONDARY} min-h-12`} onClick={stop} disabled={!busy}>
          Stop
        </button>
        <button type="button" className={`${SECONDARY} min-h-12`} onClick={reset} disabled={busy}>
          Start from the starter code
        </button>
        <p role="status" className="basis-full text-base text-slate-700 tabular-nums">
          {status}
        </p>
      </div>

      {grade && <CodeResults questionId={question.id} grade={grade} stale={busy} />}

      {grade && (question.reference || question.explanation) && (
        <details className="rounded-2xl bg-white px-4 py-1 ring-1 ring-slate-200">
          <summary className="cursor-pointer py-2.5 text-base font-bold text-slate-900">Show a reference solution</summary>
          <div className="mb-3 flex flex-col gap-3">
            {question.reference && <CodeListing code={question.reference.replace(/\n+$/, "")} label="Reference solution" wrap />}
            {question.explanation && <p className="text-lg leading-relaxed text-slate-800">{question.explanation}</p>}
          </div>
        </details>
      )}
    </article>
  );
}
