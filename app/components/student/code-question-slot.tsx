"use client";
/**
 * Where a code question goes on the phone. Its screen (the Python editor with the key row, the
 * grades) is a chunk of its own, fetched only when a code question arrives, so the phone's
 * first download stays small (scripts/build-phone.mjs splits it off). Until it arrives the
 * question and its starter code show as a listing; if it cannot be fetched, the student is
 * told to reload.
 */
import { lazy, Suspense, type ReactNode } from "react";
import { ChunkBoundary } from "./chunk-boundary";
import type { PublicQuestion } from "../../../lib/quiz/types";
import { CodeListing } from "../quiz/code-listing";
import type { CodeQuestionProps } from "./code-question";
import { QuestionHead } from "./question-head";

const CodeQuestion = lazy(() => import("./code-question"));

export function CodeQuestionSlot(props: CodeQuestionProps) {
  const question = props.run.shown;
  return (
    <ChunkBoundary
      fallback={
        <Waiting
          question={question}
          message="The code editor could not be loaded. Check the connection, then reload the page: your class place is kept."
          action={
            <button type="button" onClick={() => location.reload()} className="min-h-12 w-full rounded-xl bg-indigo-700 px-5 py-3 text-lg font-bold text-white">
              Reload the page
            </button>
          }
        />
      }
    >
      <Suspense fallback={<Waiting question={question} message="Loading the code editor…" />}>
        <CodeQuestion {...props} />
      </Suspense>
    </ChunkBoundary>
  );
}

function Waiting({ question, message, action }: { question: PublicQuestion; message: string; action?: ReactNode }) {
  return (
    <>
      <QuestionHead question={question} />
      {question.kind === "code" && <CodeListing code={question.starter.replace(/\n+$/, "")} label="Starter code" />}
      <p role="status" className="rounded-xl bg-white p-3 text-base text-slate-800 ring-1 ring-slate-300">
        {message}
      </p>
      {action}
    </>
  );
}
