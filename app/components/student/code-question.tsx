"use client";
/**
 * A code question on the phone (its own chunk: code-question-slot.tsx): the prompt, the Python
 * editor prefilled with the starter code and the key row, and "Submit code". A program sent
 * shows "Grading your code…" (Submit waits) until its grade arrives in `quiz:mine`; then the
 * latest grade, test by test (code-results.tsx), with how many programs were sent and the best
 * one, which counts. The student may change the code and submit again until the question
 * closes. The draft is kept on the phone (use-quiz-draft.ts). After the reveal: the result,
 * and the reference solution, read-only.
 */
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { MyQuiz } from "../../../lib/session/domains/quiz/mine";
import type { QuestionRun } from "../../../lib/session/domains/quiz/state";
import type { Student } from "../../../lib/session/state";
import type { LiveSession } from "../../realtime/use-session";
import type { CodeEditorHandle } from "../python/code-editor";
import { CodeKeys } from "../quiz/code-keys";
import { CodeListing } from "../quiz/code-listing";
import { CodePad } from "../quiz/code-pad";
import { CodeResults } from "../quiz/code-results";
import { bestLine } from "../quiz/code-results-model";
import { QuestionHead } from "./question-head";
import { answerFromDraft } from "./quiz-answer";
import { ResultCard } from "./quiz-screen";
import { useQuizDraft } from "./use-quiz-draft";
import { YourRank } from "./your-rank";

export interface CodeQuestionProps {
  live: LiveSession;
  run: QuestionRun;
  me: Student;
  mine: MyQuiz | null;
  standing: MyQuiz["standing"];
  leaderboard: boolean;
}

export default function CodeQuestion({ live, run, me, mine, standing, leaderboard }: CodeQuestionProps) {
  const question = run.shown;
  const hintId = useId();
  const editor = useRef<CodeEditorHandle>(null);
  const { draft, setDraft, markSent } = useQuizDraft(me.id, run.runId, question, "code", mine?.answer ?? null);
  const code = draft.kind === "code" ? draft.code : "";
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  /** After an acknowledged program: the count of programs that shows its grade has arrived. */
  const [expecting, setExpecting] = useState<number | null>(null);

  // The editor starts from the draft; it starts again only when the draft is replaced from
  // outside it (the server's copy of the program arriving on a phone that had none).
  const typed = useRef(code);
  const [editorStart, setEditorStart] = useState(code);
  useEffect(() => {
    if (code === typed.current) return;
    typed.current = code;
    setEditorStart(code);
  }, [code]);
  const onChange = useCallback(
    (next: string) => {
      typed.current = next;
      setProblem(null);
      setDraft(() => ({ kind: "code", code: next }));
    },
    [setDraft],
  );

  const open = run.status === "open";
  const revealed = run.status === "revealed";
  const offline = live.status !== "connected";
  const mineCode = mine?.code ?? null;
  const submissions = mineCode?.submissions ?? 0;
  const grading = sending || !!mineCode?.grading || (expecting !== null && submissions < expecting);
  const total = question.kind === "code" ? question.tests : (mineCode?.latest?.total ?? 0);

  async function submit() {
    if (!open || grading) return;
    const result = answerFromDraft(draft, "code");
    if ("problem" in result) {
      setProblem(result.problem);
      return;
    }
    setSending(true);
    setProblem(null);
    const before = submissions;
    const ack = await live.send("quiz:answer", { runId: run.runId, answer: result.answer });
    setSending(false);
    if (ack.ok) {
      markSent(result.answer);
      setExpecting(before + 1);
    } else setProblem(ack.error.message);
  }

  const key = revealed && run.key?.kind === "code" ? run.key : null;
  const latest = mineCode?.latest ?? null;
  const note = bestLine(submissions, mineCode?.bestPassed ?? null, total);

  return (
    <>
      {revealed && <ResultCard question={question} mine={mine} />}
      {revealed && (
        <p className="rounded-xl bg-white p-3 text-lg font-semibold text-slate-900 ring-1 ring-slate-300">
          {mineCode?.bestPassed != null ? `Your best program passed ${mineCode.bestPassed} of ${total} tests.` : "No program of yours was graded for this question."}
        </p>
      )}
      {!!standing && (revealed || leaderboard) && <YourRank standing={standing} />}

      <QuestionHead question={question} />

      <form
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <CodePad initialCode={editorStart} label="Your code" hintId={hintId} readOnly={!open} keys={false} editorRef={editor} onChange={onChange} onSubmit={() => void submit()} />

        <div className={open ? "sticky bottom-0 z-10 -mx-4 flex flex-col gap-2 border-t border-slate-300 bg-slate-100 px-4 pt-2 pb-3 shadow-[0_-6px_12px_-8px_rgba(15,23,42,0.25)]" : "flex flex-col gap-2"}>
          {problem && (
            <p role="alert" className="rounded-xl bg-rose-50 p-3 text-base font-semibold text-rose-900 ring-1 ring-rose-300">
              {problem}
            </p>
          )}
          <CodeStatus open={open} revealed={revealed} grading={grading} sending={sending} offline={offline} sent={submissions > 0} />
          {/* In the sticky bar, so the keys stay over the phone's keyboard while the student types. */}
          {open && <CodeKeys onKey={(text) => editor.current?.insert(text)} onIndent={() => editor.current?.indent()} />}
          {open && (
            <button
              type="submit"
              disabled={grading || offline}
              className="min-h-14 w-full rounded-2xl bg-indigo-700 px-5 py-3 text-xl font-bold text-white shadow-md hover:bg-indigo-800 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-indigo-400 disabled:bg-slate-400 disabled:text-white disabled:shadow-none"
            >
              {grading ? "Grading…" : submissions > 0 ? "Submit again" : "Submit code"}
            </button>
          )}
        </div>
      </form>

      {latest ? (
        <section aria-labelledby={`${hintId}-latest`} className="flex flex-col gap-2">
          <h2 id={`${hintId}-latest`} className="text-lg font-bold text-slate-900">
            {grading ? "Your previous program" : submissions > 1 ? `Your latest program (number ${submissions})` : "Your program"}
          </h2>
          <CodeResults questionId={question.id} grade={latest} note={note} stale={grading} />
          {open && <p className="text-base text-slate-700">Change your code and submit again until the question closes: your best program counts.</p>}
        </section>
      ) : (
        submissions > 0 && !grading && <p className="text-base text-slate-700">{note}</p>
      )}

      {key && <Reference reference={key.reference} explanation={run.explanation} />}
    </>
  );
}

interface CodeStatusProps {
  open: boolean;
  revealed: boolean;
  grading: boolean;
  sending: boolean;
  offline: boolean;
  sent: boolean;
}

/** What is happening to the student's program, in the sticky bar: short, as it covers the editor. */
function CodeStatus({ open, revealed, grading, sending, offline, sent }: CodeStatusProps) {
  let tone = "bg-white text-slate-800 ring-slate-300";
  let text: string | null = null;
  if (sending) text = "Sending your code…";
  else if (grading) {
    tone = "bg-indigo-50 text-indigo-950 ring-indigo-400";
    text = "Grading your code…";
  } else if (!open) {
    tone = "bg-slate-800 text-white ring-slate-800";
    text = revealed ? "Answers are closed. Your best program is the one that counted." : sent ? "Answers are closed: your best program counts. Wait for the reveal." : "Answers are closed. You did not send a program this time.";
  } else if (offline) {
    tone = "bg-amber-50 text-amber-950 ring-amber-500";
    text = "Reconnecting… your code is kept on this phone.";
  }
  return (
    <div role="status" className={text ? `rounded-xl p-3 text-base ring-1 ${tone}` : "sr-only"}>
      {text}
    </div>
  );
}

function Reference({ reference, explanation }: { reference: string | null; explanation: string | null }) {
  if (!reference && !explanation) return null;
  return (
    <section aria-labelledby="reference-solution" className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="reference-solution" className="text-lg font-bold text-slate-900">
        {reference ? "A reference solution" : "The answer"}
      </h2>
      {reference && <CodeListing code={reference.replace(/\n+$/, "")} label="Reference solution" wrap />}
      {explanation && <p className="text-lg leading-relaxed text-slate-800">{explanation}</p>}
    </section>
  );
}
