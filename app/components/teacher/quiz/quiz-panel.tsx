"use client";

/**
 * The dashboard's "Quiz" panel: the lesson's own quiz, the ready-made drills and poll, and
 * the teacher's own questions, each with a "Launch" button; how the next question runs (its
 * timer, whether answers may change) and how answers score (speed and streak points).
 * Lists show prompts only, never an answer: the dashboard is often on the projector. The
 * question editor loads when first opened.
 */
import { lazy, memo, Suspense, useCallback, useId, useRef, useState } from "react";
import { LESSON_QUIZ, STARTER_QUESTIONS } from "../../../../lib/lesson/quiz";
import type { Question } from "../../../../lib/quiz/types";
import { useLive } from "../../diagram/live-store";
import { bankFileText, mergeQuestions, readBankFile, type Problem } from "../../quiz/bank-store";
import { KIND_NAMES } from "../../quiz/dash-tally";
import { useCommands } from "../commands";
import { ConfirmButton, FIELD, Panel, PRIMARY, SECONDARY, Switch } from "../ui";
import { LeaderboardButton } from "./leaderboard-panel";
import { setRunOptions, useRunOptions } from "./run-options";
import { setBank, useBank } from "./use-bank";

const BankEditor = lazy(() => import("./bank-editor"));

type SetName = "lesson" | "drills" | "mine";
const SETS: { name: SetName; label: string }[] = [
  { name: "lesson", label: "Lesson quiz" },
  { name: "drills", label: "Drills and poll" },
  { name: "mine", label: "My questions" },
];

const TIME_LIMITS: { value: number | null; label: string }[] = [
  { value: null, label: "No time limit" },
  { value: 20, label: "20 s" },
  { value: 30, label: "30 s" },
  { value: 45, label: "45 s" },
  { value: 60, label: "60 s" },
  { value: 90, label: "90 s" },
  { value: 120, label: "2 min" },
];

export const QuizPanel = memo(function QuizPanel() {
  const { run, enabled } = useCommands();
  const [open, setOpen] = useState<SetName | null>(null);
  const { timeLimitSec, allowChange } = useRunOptions();
  const setTimeLimit = (value: number | null) => setRunOptions({ timeLimitSec: value });
  const setAllowChange = (value: boolean) => setRunOptions({ allowChange: value });
  const [editing, setEditing] = useState<Question | "new" | null>(null);
  const settings = useLive((s) => s.quiz.settings);
  const hasRun = useLive((s) => s.quiz.run !== null);
  const current = useLive((s) => (s.quiz.run && s.quiz.run.status !== "revealed" ? s.quiz.run.shown.id : null));
  const limitId = useId();

  const launch = useCallback(
    (question: Question) => void run("quiz:launch", { question, options: { timeLimitSec, allowChange } }, "Question sent to the phones."),
    [run, timeLimitSec, allowChange],
  );
  const closeEditor = useCallback(() => setEditing(null), []);

  return (
    <Panel title="Quiz" actions={!hasRun && <LeaderboardButton />}>
      <div role="group" aria-label="Question sets" className="flex flex-wrap gap-2">
        {SETS.map((set) => (
          <button
            key={set.name}
            type="button"
            aria-expanded={open === set.name}
            aria-controls={`quiz-set-${set.name}`}
            className={open === set.name ? PRIMARY : SECONDARY}
            onClick={() => setOpen((o) => (o === set.name ? null : set.name))}
          >
            {set.label}
          </button>
        ))}
      </div>

      {open && (
        <div className="mt-4 grid gap-4">
          <fieldset className="flex flex-wrap items-end gap-x-6 gap-y-2 rounded-xl bg-slate-50 px-4 py-3 ring-1 ring-slate-200">
            <legend className="sr-only">How the next question runs</legend>
            <label htmlFor={limitId} className="flex flex-col gap-1 text-sm font-bold text-slate-900">
              Time limit
              <select
                id={limitId}
                className={`${FIELD} py-1.5`}
                value={timeLimitSec ?? ""}
                onChange={(e) => setTimeLimit(e.target.value === "" ? null : Number(e.target.value))}
              >
                {TIME_LIMITS.map((t) => (
                  <option key={t.label} value={t.value ?? ""}>
                    {t.label}
                  </option>
                ))}
              </select>
            </label>
            <div className="min-w-[15rem] flex-1">
              <Switch
                label="Allow changing answers"
                hint="Students may change their answer until the question closes; the last one counts."
                checked={allowChange}
                onChange={setAllowChange}
              />
            </div>
          </fieldset>

          <div id={`quiz-set-${open}`}>
            {open === "lesson" && <QuestionList label="Lesson quiz" questions={LESSON_QUIZ} current={current} onLaunch={launch} disabled={!enabled} />}
            {open === "drills" && (
              <QuestionList label="Drills and poll" questions={STARTER_QUESTIONS} current={current} onLaunch={launch} disabled={!enabled} />
            )}
            {open === "mine" && <MyQuestions current={current} onLaunch={launch} onEdit={setEditing} disabled={!enabled} />}
          </div>
        </div>
      )}

      <fieldset className="mt-4 border-t border-slate-100 pt-3">
        <legend className="text-sm font-bold uppercase tracking-wide text-slate-600">Scoring</legend>
        <Switch
          label="Speed points"
          hint="A right answer earns 500 to 1000 points, more the sooner it comes; off: 1000 for every right answer."
          checked={settings.speedPoints}
          disabled={!enabled}
          onChange={(speedPoints) => void run("quiz:settings", { ...settings, speedPoints }, speedPoints ? "Speed points on." : "Speed points off.")}
        />
        <Switch
          label="Streak points"
          hint="100 extra points for each right answer in a row before this one, up to 500."
          checked={settings.streakPoints}
          disabled={!enabled}
          onChange={(streakPoints) => void run("quiz:settings", { ...settings, streakPoints }, streakPoints ? "Streak points on." : "Streak points off.")}
        />
      </fieldset>

      {editing && (
        <Suspense fallback={<p className="mt-3 text-sm text-slate-700">Opening the editor…</p>}>
          <BankEditor question={editing === "new" ? null : editing} onClose={closeEditor} />
        </Suspense>
      )}
    </Panel>
  );
});

/** The label of a time limit, as the quiz panel's select names it. */
export function timeLimitLabel(seconds: number | null): string {
  return TIME_LIMITS.find((t) => t.value === seconds)?.label ?? `${seconds} s`;
}

interface ListProps {
  label: string;
  questions: readonly Question[];
  current: string | null;
  onLaunch: (q: Question) => void;
  disabled: boolean;
  extra?: (q: Question, titleId: string) => React.ReactNode;
}

export function QuestionList({ label, questions, current, onLaunch, disabled, extra }: ListProps) {
  const baseId = useId();
  return (
    <ol aria-label={label} className="grid gap-2">
      {questions.map((q, i) => {
        const titleId = `${baseId}-${i}`;
        const running = current === q.id;
        return (
          <li
            key={q.id}
            aria-labelledby={titleId}
            className={`flex items-start gap-3 rounded-xl px-3 py-2.5 ring-1 ${running ? "bg-indigo-50 ring-indigo-300" : "bg-white ring-slate-200"}`}
          >
            <span aria-hidden="true" className="mt-0.5 w-6 shrink-0 text-right font-mono text-sm font-bold text-slate-600">
              {i + 1}
            </span>
            <div className="min-w-0 flex-1">
              <p id={titleId} className="line-clamp-2 text-sm font-semibold text-slate-900">
                {q.prompt}
              </p>
              <p className="mt-0.5 text-xs font-semibold uppercase tracking-wide text-slate-600">
                {KIND_NAMES[q.kind]}
                {running && <span className="ml-2 text-indigo-800">· on the phones now</span>}
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap justify-end gap-2">
              {extra?.(q, titleId)}
              <button type="button" className={PRIMARY} aria-describedby={titleId} disabled={disabled} onClick={() => onLaunch(q)}>
                Launch
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function MyQuestions({ current, onLaunch, onEdit, disabled }: Omit<ListProps, "label" | "questions"> & { onEdit: (q: Question | "new") => void }) {
  const bank = useBank();
  const { notify } = useCommands();
  const fileRef = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const importId = useId();

  const exportBank = () => {
    const url = URL.createObjectURL(new Blob([bankFileText(bank)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "synapse-questions.json";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const result = readBankFile(await file.text());
    if (fileRef.current) fileRef.current.value = "";
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems(null);
    const kept = setBank(mergeQuestions(bank, result.questions));
    const n = result.questions.length;
    notify(kept ? "ok" : "error", kept ? `Imported ${n} question${n === 1 ? "" : "s"}.` : "Imported, but this browser would not keep the questions.");
  };

  return (
    <div className="grid gap-3">
      <p className="text-sm text-slate-700">Kept in this browser, so they are here in your next session. Export them to keep a copy or share them.</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={PRIMARY} onClick={() => onEdit("new")}>
          New question
        </button>
        <button type="button" className={SECONDARY} onClick={exportBank} disabled={bank.length === 0}>
          Export bank
        </button>
        <button type="button" className={SECONDARY} onClick={() => fileRef.current?.click()}>
          Import bank
        </button>
        <label htmlFor={importId} className="sr-only">
          Bank file to import
        </label>
        <input id={importId} ref={fileRef} type="file" accept="application/json,.json" className="sr-only" tabIndex={-1} onChange={(e) => void importFile(e.target.files?.[0])} />
      </div>
      {problems && (
        <div role="alert" className="rounded-xl bg-red-50 p-3 text-sm text-red-950 ring-1 ring-red-300">
          <p className="font-bold">This file was not imported. What is wrong, by place in the file:</p>
          <ul aria-label="Problems in the file" className="mt-1 list-disc pl-5">
            {problems.map((p, i) => (
              <li key={i}>
                <code className="font-mono font-semibold">{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {bank.length === 0 ? (
        <p className="rounded-xl bg-slate-50 p-4 text-base text-slate-700">No questions of your own yet. “New question” writes one; “Import bank” loads a file.</p>
      ) : (
        <QuestionList
          label="My questions"
          questions={bank}
          current={current}
          onLaunch={onLaunch}
          disabled={disabled}
          extra={(q, titleId) => (
            <>
              <button type="button" className={SECONDARY} aria-describedby={titleId} onClick={() => onEdit(q)}>
                Edit
              </button>
              <ConfirmButton
                label="Delete"
                question="Delete this question?"
                confirmLabel="Delete"
                onConfirm={() => void setBank(bank.filter((x) => x.id !== q.id))}
              />
            </>
          )}
        />
      )}
    </div>
  );
}
