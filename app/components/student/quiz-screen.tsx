"use client";

/**
 * The phone while a question is on (`state.quiz.run`): a compact strip saying which question
 * this is and how long is left, the question (labelled "Question"), the way to answer its
 * kind, and "Submit answer". After sending, "Answer sent" and the answer stays on screen
 * (changeable when the teacher allows it); when closed, "Answers are closed"; after the
 * reveal, the "Result" (Correct / Not quite, points), the right answer, the explanation and
 * the student's own standing ("Your rank").
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { MyQuiz } from "../../../lib/session/domains/quiz/mine";
import type { QuestionRun } from "../../../lib/session/domains/quiz/state";
import type { SessionState, Student } from "../../../lib/session/state";
import type { PublicQuestion } from "../../../lib/quiz/types";
import { AnswerInput } from "../quiz/answer-input";
import { CodeListing } from "../quiz/code-listing";
import { PhoneDraw } from "../quiz/phone-draw";
import type { LiveSession } from "../../realtime/use-session";
import { CodeQuestionSlot } from "./code-question-slot";
import { QuestionHead } from "./question-head";
import { answerFromDraft, answerShape, keyLines, sameAnswer, type Draft } from "./quiz-answer";
import { QuizStrip } from "./quiz-strip";
import { YourRank } from "./your-rank";
import { StudentShell } from "./student-shell";
import { useQuizDraft } from "./use-quiz-draft";

interface QuizScreenProps {
  code: string;
  banner: React.ReactNode;
  live: LiveSession;
  state: SessionState;
  me: Student;
  run: QuestionRun;
}

export function QuizScreen({ code, banner, live, state, me, run }: QuizScreenProps) {
  const mine = live.mine && live.mine.runId === run.runId ? live.mine : null;
  return (
    <StudentShell code={code} banner={banner} bar={<QuizStrip run={run} nickname={me.nickname} />}>
      {/* A new question starts afresh: its own draft, its own messages. */}
      {run.shown.kind === "code" ? (
        <CodeQuestionSlot key={run.runId} live={live} run={run} me={me} mine={mine} standing={live.mine?.standing ?? null} leaderboard={state.quiz.leaderboard} />
      ) : (
        <QuizBody key={run.runId} live={live} run={run} me={me} mine={mine} standing={live.mine?.standing ?? null} leaderboard={state.quiz.leaderboard} />
      )}
    </StudentShell>
  );
}

export interface BodyProps {
  live: LiveSession;
  run: QuestionRun;
  me: Student;
  mine: MyQuiz | null;
  standing: MyQuiz["standing"];
  leaderboard: boolean;
}

function QuizBody({ live, run, me, mine, standing, leaderboard }: BodyProps) {
  const question = run.shown;
  const draw = mine?.draw ?? null;
  const shape = answerShape(question, draw);
  const { draft, setDraft, sent, markSent } = useQuizDraft(me.id, run.runId, question, shape, mine?.answer ?? null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const open = run.status === "open";
  const revealed = run.status === "revealed";
  const current = useMemo(() => answerFromDraft(draft, shape), [draft, shape]);
  const currentAnswer = "answer" in current ? current.answer : null;
  const upToDate = sent !== null && sameAnswer(sent, currentAnswer);
  const locked = !open || sending || (sent !== null && !run.allowChange);
  const needsDraw = question.kind === "parametric" && !draw;
  const offline = live.status !== "connected";

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (locked) return;
    if (!currentAnswer) {
      setProblem("problem" in current ? current.problem : "Answer first.");
      return;
    }
    setSending(true);
    setProblem(null);
    const ack = await live.send("quiz:answer", { runId: run.runId, answer: currentAnswer });
    setSending(false);
    if (ack.ok) markSent(currentAnswer);
    else setProblem(ack.error.message);
  }

  // Editing clears an old message: it was about the answer as it was.
  const edit = (change: (d: Draft) => Draft) => {
    setProblem(null);
    setDraft(change);
  };

  const key = revealed ? run.key : null;
  const showRank = !!standing && (revealed || leaderboard);

  return (
    <>
      {revealed && <ResultCard question={question} mine={mine} />}
      {showRank && <YourRank standing={standing!} />}

      <QuestionHead question={question} />

      {"code" in question && question.code && (question.kind === "choice" || question.kind === "numeric" || question.kind === "poll" || question.kind === "output") && (
        <CodeListing code={question.code} />
      )}
      {question.kind === "parametric" && <PhoneDraw draw={draw} template={question.template} />}

      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <AnswerInput
          question={question}
          draft={draft}
          shape={shape}
          disabled={locked || needsDraw}
          revealKey={run.status === "revealed" ? run.key : null}
          expected={mine?.result?.expected ?? null}
          pollCounts={run.summary?.counts ?? null}
          onEdit={edit}
        />

        <div className={open ? "sticky bottom-0 z-10 -mx-4 flex flex-col gap-2 bg-gradient-to-t from-slate-100 from-70% to-transparent px-4 pt-4 pb-3" : "flex flex-col gap-2"}>
          {problem && (
            <p role="alert" className="rounded-xl bg-rose-50 p-3 text-base font-semibold text-rose-900 ring-1 ring-rose-300">
              {problem}
            </p>
          )}
          <StatusLine open={open} revealed={revealed} sent={sent} upToDate={upToDate} allowChange={run.allowChange} sending={sending} offline={offline} />
          {open && !(sent !== null && !run.allowChange) && (
            <button
              type="submit"
              disabled={sending || needsDraw || offline || (upToDate && run.allowChange)}
              className="min-h-14 w-full rounded-2xl bg-indigo-700 px-5 py-3 text-xl font-bold text-white shadow-md hover:bg-indigo-800 focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-indigo-400 disabled:bg-slate-400 disabled:text-white disabled:shadow-none"
            >
              Submit answer
            </button>
          )}
        </div>
      </form>

      {revealed && key && <TheAnswer lines={keyLines(key, question, mine?.result?.expected ?? null)} explanation={run.explanation} look={key.kind === "order" ? "ordered" : key.kind === "output" ? "code" : "plain"} />}
    </>
  );
}

interface StatusLineProps {
  open: boolean;
  revealed: boolean;
  sent: unknown;
  upToDate: boolean;
  allowChange: boolean;
  sending: boolean;
  offline: boolean;
}

function StatusLine({ open, revealed, sent, upToDate, allowChange, sending, offline }: StatusLineProps) {
  let tone = "bg-white text-slate-800 ring-slate-300";
  let text: React.ReactNode = null;
  if (sending) text = "Sending your answer…";
  else if (!open) {
    tone = "bg-slate-800 text-white ring-slate-800";
    text = revealed ? (sent ? "Answers are closed. This is the answer you sent." : "Answers are closed. You did not send an answer.") : sent ? "Answers are closed. Your answer is in: wait for the reveal." : "Answers are closed. You did not send an answer this time.";
  } else if (sent && upToDate) {
    tone = "bg-emerald-50 text-emerald-950 ring-emerald-600";
    text = (
      <>
        <strong>✓ Answer sent.</strong> {allowChange ? "You can still change it until the question closes." : "Wait for your teacher to reveal the answer."}
      </>
    );
  } else if (sent && allowChange) {
    tone = "bg-amber-50 text-amber-950 ring-amber-500";
    text = "You changed your answer: press Submit answer to send the change.";
  } else if (offline) {
    tone = "bg-amber-50 text-amber-950 ring-amber-500";
    text = "Reconnecting… your answer is kept on this phone.";
  }
  return (
    <div role="status" className={text ? `rounded-xl p-3 text-base ring-1 ${tone}` : "sr-only"}>
      {text}
    </div>
  );
}

export function ResultCard({ question, mine }: { question: PublicQuestion; mine: MyQuiz | null }) {
  const result = mine?.result ?? null;
  const ref = useRef<HTMLElement>(null);
  // Moving to the result is what a student wants when the answer comes out.
  useEffect(() => {
    // Braces: newer browsers return a promise from scrollIntoView, and an effect may only return a cleanup.
    ref.current?.scrollIntoView({ block: "nearest" });
  }, [result]);
  if (!result) {
    return (
      <section ref={ref} aria-label="Result" className="rounded-2xl bg-white p-5 text-lg text-slate-700 shadow-sm ring-1 ring-slate-200">
        The answer is out. Your result is on its way…
      </section>
    );
  }
  const poll = question.kind === "poll" || result.correct === null;
  const answered = !!mine?.answer;
  const [title, tone, sub] = poll
    ? [answered ? "Thanks for voting" : "You did not vote this time", "bg-indigo-700 text-white", "Polls have no right answer."]
    : result.correct
      ? ["Correct!", "bg-emerald-700 text-white", null]
      : ["Not quite", "bg-rose-700 text-white", answered ? null : "No answer arrived before the question closed."];
  return (
    <section ref={ref} aria-label="Result" className={`rounded-2xl p-5 shadow-md ${tone}`}>
      <p className="text-3xl font-extrabold tracking-tight">
        <span aria-hidden="true">{poll ? "🗳 " : result.correct ? "✓ " : "✗ "}</span>
        {title}
      </p>
      {!poll && (
        <p className="mt-1 text-xl font-bold">
          {result.points > 0 ? `+${result.points}` : "0"} point{result.points === 1 ? "" : "s"}
        </p>
      )}
      {sub && <p className="mt-1 text-base opacity-95">{sub}</p>}
    </section>
  );
}

function TheAnswer({ lines, explanation, look }: { lines: string[]; explanation: string | null; look: "ordered" | "code" | "plain" }) {
  if (lines.length === 0 && !explanation) return null;
  const box = "mt-2 rounded-xl bg-emerald-50 text-emerald-950 ring-1 ring-emerald-600";
  return (
    <section aria-labelledby="the-answer" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="the-answer" className="text-lg font-bold text-slate-900">
        The answer
      </h2>
      {lines.length > 0 &&
        (look === "ordered" ? (
          <ol className={`${box} list-decimal space-y-1 py-3 pr-3 pl-9 font-mono text-base break-words`}>
            {lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ol>
        ) : look === "code" ? (
          <pre className={`${box} overflow-x-auto p-3 font-mono text-lg`}>{lines.join("\n")}</pre>
        ) : (
          <ul className={`${box} space-y-1 p-3 text-lg font-semibold`}>
            {lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        ))}
      {explanation && <p className="mt-3 text-lg leading-relaxed text-slate-800">{explanation}</p>}
    </section>
  );
}
