/**
 * A question as the phones show it, read-only: the prompt, the listing, the choices, the
 * lines to order, where a typed answer goes. The dashboard's live view, the projector and
 * the bank editor's preview all draw it. It takes the public question only (no answer key);
 * after the reveal, `key` marks the right choices and the buggy line.
 */
"use client";

import { ACTIVATION_CHOICES } from "../../../lib/quiz/parametric";
import { splitAtBlanks } from "../../../lib/quiz/code-text";
import type { PublicQuestion, RevealedKey } from "../../../lib/quiz/types";
import { CodeListing, HighlightedLine } from "./code-listing";
import { KIND_NAMES } from "./dash-tally";

const TEMPLATE_TEXT: Record<string, string> = {
  "neuron-output": "Each phone shows its own inputs, weights, bias and activation; the student types the neuron's output.",
  "which-activation": "Each phone shows its own neuron and an output; the student picks the activation that gives it.",
  "fire-bias": "Each phone shows its own inputs, weights and a target; the student types the bias that makes a ReLU neuron output the target.",
  "my-neuron": "Each student computes their own neuron in the class network, as it is at launch.",
};

interface QuestionViewProps {
  question: PublicQuestion;
  size?: "dash" | "wall";
  /** After the reveal only. */
  revealed?: RevealedKey | null;
  /** Accessible name of the prompt (the phones' is "Question"; the preview names its own). */
  promptLabel?: string;
  /** Code question: show the starter code open (the editor's preview) rather than folded. */
  starterOpen?: boolean;
}

export function QuestionView({ question, size = "dash", revealed = null, promptLabel = "Question", starterOpen = false }: QuestionViewProps) {
  const wall = size === "wall";
  const listing = wall ? "wall" : "phone";
  const prompt = wall ? "text-[2.6rem] font-extrabold leading-tight" : "text-xl font-bold leading-snug";
  const item = wall ? "text-[2rem] px-5 py-3" : "text-base px-3 py-2";
  const right = revealed?.kind === "choice" ? revealed.correct : [];
  return (
    <div className={`flex flex-col ${wall ? "gap-6" : "gap-3"}`}>
      <p aria-label={promptLabel} role="group" className={`text-slate-950 ${prompt}`}>
        {question.prompt}
      </p>
      {"code" in question && question.code && question.kind !== "bug" && question.kind !== "blanks" && (
        <CodeListing code={question.code} size={listing} />
      )}
      {(question.kind === "choice" || question.kind === "poll") && (
        <ol className={`grid gap-2 ${wall && question.choices.length > 3 ? "grid-cols-2" : ""}`}>
          {question.choices.map((c, i) => {
            const isRight = right.includes(i);
            return (
              <li
                key={i}
                className={`flex items-start gap-3 rounded-xl ring-2 ${item} ${isRight ? "bg-emerald-50 ring-emerald-700" : "bg-white ring-slate-300"}`}
              >
                <span aria-hidden="true" className={`shrink-0 font-mono font-black ${isRight ? "text-emerald-800" : "text-indigo-800"}`}>
                  {String.fromCharCode(65 + i)}
                </span>
                <span className="flex-1 text-slate-900">{c}</span>
                {isRight && <span className="shrink-0 font-bold text-emerald-800">✓ right</span>}
              </li>
            );
          })}
        </ol>
      )}
      {(question.kind === "choice" || question.kind === "poll") && question.multiple && (
        <p className={`${wall ? "text-2xl" : "text-sm"} font-semibold text-slate-700`}>Select all that apply.</p>
      )}
      {question.kind === "bug" && (
        <CodeListing
          code={question.code}
          size={listing}
          label="Code: tap the line with the bug"
          renderLine={(line, i) => {
            const isBug = revealed?.kind === "bug" && revealed.line === i;
            return (
              <span className={`-mx-1 flex gap-3 rounded px-1 ${isBug ? "bg-red-100 ring-2 ring-red-700" : ""}`}>
                <span aria-hidden="true" className="w-6 shrink-0 select-none text-right text-slate-600">
                  {i + 1}
                </span>
                <span>
                  <HighlightedLine line={line} />
                </span>
              </span>
            );
          }}
        />
      )}
      {question.kind === "blanks" && <BlanksListing code={question.code} size={listing} />}
      {question.kind === "order" && (
        <ol className="grid gap-2">
          {question.lines.map((line, i) => (
            <li key={i} className={`whitespace-pre-wrap break-words rounded-lg bg-slate-50 font-mono ring-1 ring-slate-300 ${item}`}>
              <HighlightedLine line={line} />
            </li>
          ))}
        </ol>
      )}
      {(question.kind === "numeric" || question.kind === "output") && (
        <p className={`rounded-xl border-2 border-dashed border-slate-400 text-slate-700 ${item}`}>
          {question.kind === "numeric" ? "Students type a number." : "Students type what the program prints."}
        </p>
      )}
      {question.kind === "parametric" && (
        <div className={`rounded-xl bg-indigo-50 text-indigo-950 ring-1 ring-indigo-200 ${item}`}>
          <p>{TEMPLATE_TEXT[question.template]}</p>
          {question.template === "which-activation" && <p className="mt-1 font-semibold">Choices: {ACTIVATION_CHOICES.join(", ")}</p>}
        </div>
      )}
      {question.kind === "code" && <CodeTask question={question} wall={wall} starterOpen={starterOpen} item={item} />}
      {!wall && <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">{KIND_NAMES[question.kind]}</p>}
    </div>
  );
}

function BlanksListing({ code, size }: { code: string; size: "phone" | "wall" }) {
  // Number each blank in reading order, across lines.
  let n = 0;
  return (
    <CodeListing
      code={code}
      size={size}
      renderLine={(line) => {
        const parts = splitAtBlanks(line);
        if (parts.length === 1) return <HighlightedLine line={line} />;
        return parts.map((part, i) => (
          <span key={i}>
            <HighlightedLine line={part} />
            {i < parts.length - 1 && (
              <span className="mx-0.5 inline-block rounded border-2 border-indigo-700 bg-white px-2 font-bold text-indigo-800">{++n}</span>
            )}
          </span>
        ));
      }}
    />
  );
}

/** What a code question asks for; the starter code on the dashboard only (too long for the wall). */
function CodeTask({ question, wall, starterOpen, item }: { question: Extract<PublicQuestion, { kind: "code" }>; wall: boolean; starterOpen: boolean; item: string }) {
  const lines = question.starter.replace(/\s+$/, "").split("\n").length;
  return (
    <>
      <p className={`rounded-xl bg-indigo-50 text-indigo-950 ring-1 ring-indigo-200 ${item}`}>
        Students write <code className="font-mono font-bold">{question.entry}(…)</code> on their phones;{" "}
        {question.tests === 1 ? "1 test checks it" : `${question.tests} tests check it`} on the server.
      </p>
      {!wall && (
        <details open={starterOpen} className="group">
          <summary className="cursor-pointer text-sm font-bold text-slate-800">Starter code ({lines === 1 ? "1 line" : `${lines} lines`})</summary>
          <div className="mt-2">
            <CodeListing code={question.starter.replace(/\s+$/, "")} label="Starter code" />
          </div>
        </details>
      )}
    </>
  );
}
