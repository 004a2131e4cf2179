"use client";

/**
 * The dashboard's "Lesson" panel: the lesson's six steps, the one the class is on marked,
 * "Previous step" and "Next step", the step's explanation and its questions ready to launch.
 * Going to a step sets the class up for it (lesson:go): the step's network, and what the
 * phones show. When that would load another network over students' entries, the teacher is
 * asked first, as for any preset. Only the step is followed; the rest is read when acting.
 */
import { memo, useCallback, useMemo } from "react";
import { getPreset } from "../../../../lib/lesson/presets";
import { LESSON_QUIZ } from "../../../../lib/lesson/quiz";
import { LESSON_STEPS } from "../../../../lib/lesson/steps";
import type { Question } from "../../../../lib/quiz/types";
import { presetToLoad } from "../../../../lib/session/domains/lesson/step";
import { useLive, useLiveGetter } from "../../diagram/live-store";
import { useCommands } from "../commands";
import { QuestionList, timeLimitLabel } from "../quiz/quiz-panel";
import { useRunOptions } from "../quiz/run-options";
import { useReplaceGuard } from "../replace-guard";
import { Panel, PRIMARY, SECONDARY } from "../ui";

const LAST = LESSON_STEPS.length - 1;

export const LessonPanel = memo(function LessonPanel() {
  const { run, enabled } = useCommands();
  const step = useLive((s) => s.lesson.step);
  const running = useLive((s) => (s.quiz.run && s.quiz.run.status !== "revealed" ? s.quiz.run.shown.id : null));
  const getState = useLiveGetter();
  const { guard, dialog } = useReplaceGuard(getState);
  const options = useRunOptions();
  const current = step === null ? null : (LESSON_STEPS[step] ?? null);

  const go = useCallback(
    (to: number | null) => {
      const send = () => run("lesson:go", { step: to }, to === null ? "The lesson is paused: free play." : `Step ${to + 1}: ${LESSON_STEPS[to]!.title}.`);
      const preset = presetToLoad(getState(), to);
      if (preset === null || to === null) return void send();
      guard(`Step ${to + 1}, “${LESSON_STEPS[to]!.title}”, loads “${getPreset(preset).title}”.`, send);
    },
    [run, getState, guard],
  );
  const launch = useCallback(
    (question: Question) => void run("quiz:launch", { question, options }, "Question sent to the phones."),
    [run, options],
  );
  const questions = useMemo(
    () => (current ? current.questionIds.map((id) => LESSON_QUIZ.find((q) => q.id === id)).filter((q): q is Question => !!q) : []),
    [current],
  );

  return (
    <Panel
      title="Lesson"
      actions={
        <span className="text-sm font-bold text-slate-700">{step === null ? "Not started" : `Step ${step + 1} of ${LESSON_STEPS.length}`}</span>
      }
    >
      <output aria-label="Lesson step" className="block text-xl font-extrabold leading-tight tracking-tight text-slate-950">
        {current ? current.title : "Free play: no step on the screens"}
      </output>
      <div className="mt-3 flex gap-2">
        <button type="button" className={`${SECONDARY} flex-1`} disabled={!enabled || step === null || step === 0} onClick={() => go(step! - 1)}>
          <span aria-hidden="true">←</span> Previous step
        </button>
        <button type="button" className={`${PRIMARY} flex-1`} disabled={!enabled || step === LAST} onClick={() => go(step === null ? 0 : step + 1)}>
          Next step <span aria-hidden="true">→</span>
        </button>
      </div>

      <ol aria-label="Steps of the lesson" className="mt-4 grid gap-1">
        {LESSON_STEPS.map((s, i) => {
          const here = i === step;
          return (
            <li key={s.id}>
              <button
                type="button"
                aria-current={here ? "step" : undefined}
                disabled={!enabled}
                onClick={() => go(i)}
                className={`flex w-full items-baseline gap-2 rounded-lg px-2.5 py-1.5 text-left text-sm ring-1 ring-inset transition disabled:cursor-not-allowed ${
                  here ? "bg-indigo-700 font-bold text-white ring-indigo-700" : "bg-white text-slate-900 ring-slate-200 hover:bg-slate-50"
                }`}
              >
                <span aria-hidden="true" className={`w-4 shrink-0 text-right font-mono font-bold ${here ? "text-indigo-100" : "text-slate-600"}`}>
                  {i + 1}
                </span>
                <span className="min-w-0 flex-1">{s.title}</span>
                <span className={`shrink-0 text-xs font-semibold ${here ? "text-indigo-100" : "text-slate-600"}`}>
                  {s.phones === "read" ? "read" : "neuron"}
                </span>
              </button>
            </li>
          );
        })}
      </ol>

      {current && (
        <div className="mt-4 grid gap-4 border-t border-slate-200 pt-4">
          <div className="grid gap-2 text-sm leading-relaxed text-slate-800">
            <p className="text-xs font-bold uppercase tracking-wide text-slate-600">
              On the projector · phones {current.phones === "read" ? "read along" : "are neurons"}
            </p>
            {current.text.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
          {questions.length > 0 && (
            <div className="grid gap-2">
              <h3 className="text-sm font-bold uppercase tracking-wide text-slate-600">Questions for this step</h3>
              <QuestionList label="Questions for this step" questions={questions} current={running} onLaunch={launch} disabled={!enabled} />
              <p className="text-xs text-slate-700">
                Time limit: {timeLimitLabel(options.timeLimitSec)}
                {options.allowChange ? "; answers may change" : ""} (set in the Quiz panel).
              </p>
            </div>
          )}
          <button type="button" className={`${SECONDARY} justify-self-start`} disabled={!enabled} onClick={() => go(null)}>
            Leave the lesson
          </button>
        </div>
      )}
      {dialog}
    </Panel>
  );
});
