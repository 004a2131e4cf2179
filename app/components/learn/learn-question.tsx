"use client";

/**
 * One of the lesson's questions, answered and graded in this browser: the question
 * (labelled "Question"), the phone's own answer controls for its kind, "Submit answer", then
 * the "Result" (Correct / Not quite), the right answer and the explanation. A parametric
 * question shows the learner's own numbers (drawn here from a random seed) and can draw new ones.
 */
import { useId, useMemo, useState } from "react";
import { drawAnswerText } from "../../../lib/quiz/grade";
import { publicQuestion, revealedKey } from "../../../lib/quiz/public";
import type { Answer, PublicQuestion, Question } from "../../../lib/quiz/types";
import { AnswerInput } from "../quiz/answer-input";
import { CodeListing } from "../quiz/code-listing";
import { PhoneDraw } from "../quiz/phone-draw";
import { answerFromDraft, answerShape, draftFromAnswer, emptyDraft, keyLines, type Draft, KIND_TEXT } from "../student/quiz-answer";
import { drawForLearner, type StoredAnswer } from "./learn-model";
import { CARD, PRIMARY, SECONDARY } from "./styles";

interface LearnQuestionProps {
  question: Question;
  /** "Question 1 of 2". */
  heading: string;
  stored: StoredAnswer | undefined;
  /** Parametric: the seed of the learner's numbers. */
  seed: number | undefined;
  /** Ordering: the order the lines are shown in. */
  shuffle: number[] | undefined;
  onAnswer(answer: Answer): void;
  onRetry(): void;
  /** Parametric: draw new numbers (and forget the answer to the old ones). */
  onNewNumbers(): void;
}

export function LearnQuestion({ question, heading, stored, seed, shuffle, onAnswer, onRetry, onNewNumbers }: LearnQuestionProps) {
  const headingId = useId();
  const shown = useMemo(() => publicQuestion(question, shuffle ?? null), [question, shuffle]);
  const draw = useMemo(() => (seed !== undefined ? drawForLearner(question, seed) : null), [question, seed]);
  const shape = answerShape(shown, draw);
  const [draft, setDraft] = useState<Draft>(() => (stored ? draftFromAnswer(stored.answer) : emptyDraft(shown, shape)));
  const [problem, setProblem] = useState<string | null>(null);
  const answered = !!stored;
  const key = answered ? revealedKey(question) : null;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (answered) return;
    const result = answerFromDraft(draft, shape);
    if ("problem" in result) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    onAnswer(result.answer);
  }

  const edit = (change: (d: Draft) => Draft) => {
    setProblem(null);
    setDraft(change);
  };

  function retry() {
    setDraft(emptyDraft(shown, shape));
    onRetry();
  }

  const expected = draw ? drawAnswerText(draw) : null;
  return (
    <article aria-labelledby={headingId} className={`${CARD} flex flex-col gap-4`}>
      <section aria-label="Question" className="flex flex-col gap-2">
        <h3 id={headingId} className="text-sm font-bold tracking-wide text-indigo-800 uppercase">
          {heading} · {KIND_TEXT[shown.kind]}
        </h3>
        <p className="text-xl leading-snug font-bold text-slate-900">{shown.prompt}</p>
      </section>

      {"code" in shown && shown.code && (shown.kind === "choice" || shown.kind === "numeric" || shown.kind === "output") && <CodeListing code={shown.code} />}
      {shown.kind === "parametric" && (
        <div className="flex flex-col gap-2">
          <PhoneDraw draw={draw} template={shown.template} />
          <button type="button" className={`${SECONDARY} self-start`} onClick={onNewNumbers}>
            New numbers
          </button>
        </div>
      )}

      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        <AnswerInput question={shown} draft={draft} shape={shape} disabled={answered} revealKey={key} expected={expected} onEdit={edit} />
        {problem && (
          <p role="alert" className="rounded-xl bg-rose-50 p-3 text-base font-semibold text-rose-900 ring-1 ring-rose-300">
            {problem}
          </p>
        )}
        {!answered && (
          <button type="submit" className={`${PRIMARY} min-h-12 self-stretch text-lg sm:self-start`}>
            Submit answer
          </button>
        )}
      </form>

      <p role="status" className="sr-only">
        {answered ? (stored.correct ? "Correct!" : "Not quite") : ""}
      </p>
      {answered && key && <ResultCard correct={stored.correct} lines={keyLines(key, shown, expected)} explanation={question.explanation} onRetry={retry} />}
    </article>
  );
}

function ResultCard({ correct, lines, explanation, onRetry }: { correct: boolean | null; lines: string[]; explanation: string; onRetry(): void }) {
  const right = correct === true;
  return (
    <div className="flex flex-col gap-3">
      <section aria-label="Result" className={`rounded-2xl p-4 shadow-sm ${right ? "bg-emerald-700 text-white" : "bg-rose-700 text-white"}`}>
        <p className="text-2xl font-extrabold tracking-tight">{right ? "Correct!" : "Not quite"}</p>
        <p className="mt-1 text-base">{right ? "Well done: that is the answer." : "Compare with the answer below, then try again."}</p>
      </section>
      {lines.length > 0 && (
        <div className="rounded-xl bg-emerald-50 p-3 text-emerald-950 ring-1 ring-emerald-600">
          <p className="text-sm font-bold uppercase">The answer</p>
          <ul className="mt-1 space-y-1 font-mono text-base break-words">
            {lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </div>
      )}
      {explanation && <p className="text-lg leading-relaxed text-slate-800">{explanation}</p>}
      <button type="button" className={`${SECONDARY} self-start`} onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
