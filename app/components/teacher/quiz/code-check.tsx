"use client";

/**
 * "Check my tests against my reference solution": sends the question as it would be saved
 * (`quiz:check-code`) through the teacher's socket; the server runs the reference solution in
 * its sandbox against the tests and the editor lists each test, passed or failed, with its
 * message. Nothing is stored. A check older than the last change says so.
 */
import { useRef, useState } from "react";
import type { CodeGrade } from "../../../../lib/quiz/code-judge";
import type { Question } from "../../../../lib/quiz/types";
import { CHECKING, gradeWords, NOT_READY, refusalWords, type CheckWords } from "../../quiz/bank-check-words";
import { useCommands } from "../commands";
import { SECONDARY } from "../ui";

interface CheckState {
  words: CheckWords;
  grade: CodeGrade | null;
  /** The question as checked (JSON), to tell when the draft has changed since. */
  sent: string | null;
}

const TONE: Record<CheckWords["tone"], string> = {
  ok: "bg-emerald-50 text-emerald-950 ring-emerald-700",
  bad: "bg-red-50 text-red-950 ring-red-700",
  wait: "bg-amber-50 text-amber-950 ring-amber-600",
};

interface CodeCheckProps {
  /** The draft checked by the schema: the question to send, or null when it has problems. */
  question: Question | null;
  /** Shows the draft's problems (as a save attempt would). */
  onProblems(): void;
}

export function CodeCheck({ question, onProblems }: CodeCheckProps) {
  const { ask, enabled } = useCommands();
  const [state, setState] = useState<CheckState | null>(null);
  const latest = useRef(0);
  const checking = state?.words === CHECKING;

  const check = async () => {
    const n = ++latest.current;
    if (!question) {
      onProblems();
      setState({ words: NOT_READY.problems, grade: null, sent: null });
      return;
    }
    if (question.kind !== "code" || !question.reference?.trim()) {
      setState({ words: NOT_READY.reference, grade: null, sent: null });
      return;
    }
    const sent = JSON.stringify(question);
    setState({ words: CHECKING, grade: null, sent });
    const ack = await ask("quiz:check-code", { question });
    if (n !== latest.current) return;
    setState(ack.ok ? { words: gradeWords(ack.grade), grade: ack.grade, sent } : { words: refusalWords(ack.error), grade: null, sent });
  };

  const stale = state?.sent != null && !checking && state.sent !== JSON.stringify(question);
  return (
    <section aria-label="Check against the reference solution" className="flex flex-col gap-2 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
      <button type="button" className={`${SECONDARY} self-start`} disabled={!enabled || checking} onClick={() => void check()}>
        Check my tests against my reference solution
      </button>
      {!enabled && <p className="text-sm text-slate-700">Checking needs the connection to the class.</p>}
      <div role="status" aria-live="polite">
        {state && (
          <div className={`rounded-lg px-3 py-2 ring-1 ${TONE[state.words.tone]}`}>
            <p className="text-base font-bold">{state.words.title}</p>
            <p className="text-sm">{state.words.message}</p>
            {stale && <p className="mt-1 text-sm font-semibold">You have changed the question since this check: check again.</p>}
          </div>
        )}
      </div>
      {state?.grade && state.grade.tests.length > 0 && (
        <ul aria-label="Each test against the reference solution" className="grid gap-1.5">
          {state.grade.tests.map((t, i) => (
            <li key={i} className={`rounded-lg bg-white px-3 py-1.5 text-sm ring-1 ${t.passed ? "ring-emerald-300" : "ring-red-400"}`}>
              <span className={`mr-2 font-bold ${t.passed ? "text-emerald-800" : "text-red-800"}`}>{t.passed ? "✓ Passed" : "✗ Failed"}</span>
              <span className="font-mono font-semibold text-slate-900">{t.label}</span>
              <span className="block text-slate-800">{t.message}</span>
            </li>
          ))}
        </ul>
      )}
      {state?.grade?.stdout && (
        <details>
          <summary className="cursor-pointer text-sm font-bold text-slate-800">What it printed</summary>
          <pre className="mt-1 overflow-x-auto rounded-lg bg-white p-2 font-mono text-sm text-slate-900 ring-1 ring-slate-200">{state.grade.stdout}</pre>
        </details>
      )}
    </section>
  );
}
