"use client";

/**
 * The self-paced lesson, for one person with no live session: the lesson's six sections with a
 * step list and Previous / Next, each with its text, its network computed in this browser, the
 * forward pass played layer by layer, its Python example (Python loads only on Run) and its
 * questions graded here (the closing code exercise in this browser's Python). Progress is kept in localStorage; "Start over" clears it.
 * Nothing here opens a socket or asks the server for anything but the page and Python.
 */
import Link from "next/link";
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from "react";
import { PYTHON_EXAMPLES } from "../../../lib/lesson/examples";
import { LESSON_STEPS } from "../../../lib/lesson/steps";
import { shuffleFor } from "../../../lib/quiz/public";
import type { Answer, Question } from "../../../lib/quiz/types";
import { NeuronMark } from "../neuron-mark";
import { LearnNetwork } from "./learn-network";
import { codeAnswer, gradeLocally, presetForStep, questionsForStep, score, startingNetwork, type Progress } from "./learn-model";
import { LearnQuestion } from "./learn-question";
import { PRIMARY, SECONDARY } from "./styles";
import { useProgress } from "./use-progress";

const TryItLive = lazy(() => import("../python/try-it-live").then((m) => ({ default: m.TryItLive })));
/** A code question brings the editor and Python's harness: its own chunk, loaded when its section shows. */
const LearnCode = lazy(() => import("./learn-code"));

function randomSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0]!;
}

/** Seeds and line orders for the questions of a section that have none yet. */
function withDraws(progress: Progress, questions: readonly Question[]): Progress {
  let next = progress;
  for (const q of questions) {
    if (q.kind === "parametric" && next.seeds[q.id] === undefined) next = { ...next, seeds: { ...next.seeds, [q.id]: randomSeed() } };
    if (q.kind === "order" && !next.shuffles[q.id]) next = { ...next, shuffles: { ...next.shuffles, [q.id]: shuffleFor(q.lines.length, Math.random) } };
  }
  return next;
}

const sectionDone = (progress: Progress, stepId: string) => questionsForStep(stepId).every((q) => progress.answers[q.id]);

export function LearnApp() {
  const { progress, loaded, change, clear } = useProgress();
  const index = progress.step;
  const step = LESSON_STEPS[index]!;
  const questions = useMemo(() => questionsForStep(step.id), [step.id]);
  const presetId = presetForStep(index);
  const start = useMemo(() => startingNetwork(presetId), [presetId]);
  const network = progress.networks[presetId] ?? start;
  const example = PYTHON_EXAMPLES.find((e) => e.id === step.exampleId) ?? null;
  const titleRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const tally = score(progress);

  // Parametric numbers and line orders are drawn once, when a section is first shown.
  useEffect(() => {
    if (!loaded) return;
    change((p) => {
      const next = withDraws(p, questions);
      return next === p ? p : next;
    });
  }, [loaded, questions, change]);

  // A new section: to its top, with the keyboard's focus on its title.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    window.scrollTo({ top: 0 });
    titleRef.current?.focus();
  }, [index]);

  const go = (to: number) => {
    if (to < 0 || to >= LESSON_STEPS.length || to === index) return;
    moved.current = true;
    change((p) => ({ ...p, step: to }));
  };

  const answer = (q: Question, a: Answer) =>
    change((p) => ({ ...p, answers: { ...p.answers, [q.id]: { answer: a, correct: gradeLocally(q, a, { shuffle: p.shuffles[q.id], seed: p.seeds[q.id] }) } } }));
  const forget = (p: Progress, id: string) => {
    const { [id]: _gone, ...answers } = p.answers;
    return { ...p, answers };
  };

  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/" className="flex items-center gap-2 rounded-lg text-lg font-bold tracking-tight whitespace-nowrap">
            <NeuronMark className="h-8 w-8" />
            Synapse
            <span className="font-semibold text-slate-600">· Learn</span>
          </Link>
          <div className="flex items-center gap-3 whitespace-nowrap">
            {loaded && (
              <span className="hidden text-sm font-semibold text-slate-700 sm:inline">
                {tally.answered} of {tally.total} answered · {tally.correct} right
              </span>
            )}
            <StartOver
              onConfirm={() => {
                moved.current = true;
                clear();
              }}
            />
          </div>
        </div>
      </header>

      <div className="mx-auto max-w-6xl gap-8 px-4 py-5 sm:px-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:py-8">
        <StepList index={index} progress={progress} loaded={loaded} onGo={go} />

        <main className="flex min-w-0 flex-col gap-6">
          {!loaded ? (
            <p role="status" className="text-lg text-slate-700">
              Opening the lesson…
            </p>
          ) : (
            <>
              <div className="flex flex-col gap-3">
                <p className="text-sm font-bold tracking-wide text-indigo-800 uppercase">
                  Section {index + 1} of {LESSON_STEPS.length}
                </p>
                <h1 ref={titleRef} tabIndex={-1} className="text-3xl font-extrabold tracking-tight text-slate-900 outline-none sm:text-4xl">
                  {step.title}
                </h1>
                <div className="max-w-3xl space-y-3 text-lg leading-relaxed text-slate-800">
                  {step.text.map((t, i) => (
                    <p key={i}>{t}</p>
                  ))}
                </div>
              </div>

              <LearnNetwork
                key={presetId}
                presetId={presetId}
                value={network}
                edited={!!progress.networks[presetId]}
                onChange={(next) => change((p) => ({ ...p, networks: { ...p.networks, [presetId]: next } }))}
                onReset={() =>
                  change((p) => {
                    const { [presetId]: _gone, ...networks } = p.networks;
                    return { ...p, networks };
                  })
                }
              />

              {example && (
                <Suspense fallback={<p className="text-slate-700">Loading the Python example…</p>}>
                  <TryItLive key={example.id} title={`Try it live: ${example.title}`} summary={example.summary} code={example.code} />
                </Suspense>
              )}

              {questions.length > 0 && (
                <section aria-labelledby="learn-questions" className="flex flex-col gap-4">
                  <h2 id="learn-questions" className="text-xl font-extrabold tracking-tight text-slate-900">
                    Check yourself
                  </h2>
                  {questions.map((q, i) => {
                    const seed = progress.seeds[q.id];
                    const shuffle = progress.shuffles[q.id];
                    if ((q.kind === "parametric" && seed === undefined) || (q.kind === "order" && !shuffle)) return null;
                    const heading = `Question ${i + 1} of ${questions.length}`;
                    if (q.kind === "code") {
                      return (
                        <Suspense key={q.id} fallback={<p className="text-slate-700">Loading the code editor…</p>}>
                          <LearnCode
                            question={q}
                            heading={heading}
                            stored={progress.answers[q.id]}
                            draft={progress.drafts[q.id]}
                            onDraft={(code) => change((p) => ({ ...p, drafts: { ...p.drafts, [q.id]: code } }))}
                            onGraded={(code, grade) => change((p) => ({ ...p, answers: { ...p.answers, [q.id]: codeAnswer(code, grade) } }))}
                          />
                        </Suspense>
                      );
                    }
                    return (
                      <LearnQuestion
                        key={`${q.id}:${seed ?? ""}:${progress.answers[q.id] ? "a" : "d"}`}
                        question={q}
                        heading={heading}
                        stored={progress.answers[q.id]}
                        seed={seed}
                        shuffle={shuffle}
                        onAnswer={(a) => answer(q, a)}
                        onRetry={() => change((p) => forget(p, q.id))}
                        onNewNumbers={() => change((p) => ({ ...forget(p, q.id), seeds: { ...p.seeds, [q.id]: randomSeed() } }))}
                      />
                    );
                  })}
                </section>
              )}

              <nav aria-label="Previous and next section" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-5">
                <button type="button" className={SECONDARY} onClick={() => go(index - 1)} disabled={index === 0}>
                  ← Previous
                </button>
                {index < LESSON_STEPS.length - 1 ? (
                  <button type="button" className={PRIMARY} onClick={() => go(index + 1)}>
                    Next: {LESSON_STEPS[index + 1]!.title} →
                  </button>
                ) : (
                  <Link href="/" className={PRIMARY}>
                    Done: back to the home page
                  </Link>
                )}
              </nav>
            </>
          )}
        </main>
      </div>
    </div>
  );
}

function StepList({ index, progress, loaded, onGo }: { index: number; progress: Progress; loaded: boolean; onGo(i: number): void }) {
  const tally = score(progress);
  const items = (
    <ol className="flex flex-col gap-1">
      {LESSON_STEPS.map((s, i) => {
        const current = i === index;
        const done = loaded && sectionDone(progress, s.id) && questionsForStep(s.id).length > 0;
        return (
          <li key={s.id}>
            <button
              type="button"
              aria-current={current ? "step" : undefined}
              onClick={() => onGo(i)}
              className={`flex min-h-11 w-full items-center gap-3 rounded-xl px-3 py-2 text-left text-base focus-visible:outline-3 focus-visible:outline-indigo-600 ${
                current ? "bg-indigo-700 font-bold text-white" : "text-slate-800 hover:bg-slate-100"
              }`}
            >
              <span aria-hidden="true" className={`grid h-7 w-7 shrink-0 place-items-center rounded-full text-sm font-bold ${current ? "bg-white text-indigo-800" : done ? "bg-emerald-700 text-white" : "bg-slate-200 text-slate-800"}`}>
                {done ? "✓" : i + 1}
              </span>
              <span>
                {s.title}
                {done && <span className="sr-only"> (questions answered)</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
  return (
    <nav aria-label="Sections" className="mb-5 lg:mb-0">
      <details className="rounded-2xl bg-white shadow-sm ring-1 ring-slate-200 lg:hidden">
        <summary className="flex min-h-12 cursor-pointer items-center justify-between gap-2 px-4 py-2 text-base font-bold text-slate-900">
          All sections
          <span className="text-sm font-semibold text-slate-600">
            {index + 1} of {LESSON_STEPS.length}
            {loaded && ` · ${tally.answered}/${tally.total} answered`}
          </span>
        </summary>
        <div className="px-2 pb-2">{items}</div>
      </details>
      <div className="sticky top-4 hidden lg:block">
        <p className="mb-2 px-3 text-sm font-bold tracking-wide text-slate-600 uppercase">The lesson</p>
        {items}
      </div>
    </nav>
  );
}

function StartOver({ onConfirm }: { onConfirm(): void }) {
  const [asking, setAsking] = useState(false);
  const id = useId();
  if (!asking) {
    return (
      <button type="button" className={SECONDARY} onClick={() => setAsking(true)}>
        Start over
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={id} className="flex flex-wrap items-center gap-2">
      <span id={id} className="text-sm font-semibold text-slate-800">
        Clear your answers and changes?
      </span>
      <button
        type="button"
        className={PRIMARY}
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        Yes, start over
      </button>
      <button type="button" className={SECONDARY} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  );
}
