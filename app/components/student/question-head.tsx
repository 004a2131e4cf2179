/**
 * The top of a question on the phone, labelled "Question": what kind it is, then the prompt.
 * A code question's prompt is a paragraph, so it is set a size smaller, leaving the editor
 * room on the first screen.
 */
import type { PublicQuestion } from "../../../lib/quiz/types";
import { KIND_TEXT } from "./quiz-answer";

export function QuestionHead({ question }: { question: PublicQuestion }) {
  const size = question.kind === "code" ? "text-lg" : "text-[1.375rem]";
  return (
    <section aria-label="Question" className="flex flex-col gap-3">
      <p className="text-sm font-bold tracking-wide text-indigo-800 uppercase">{KIND_TEXT[question.kind]}</p>
      <h1 className={`${size} leading-snug font-bold text-slate-900`}>{question.prompt}</h1>
    </section>
  );
}
