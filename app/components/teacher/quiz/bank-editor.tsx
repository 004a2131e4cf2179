"use client";

/**
 * The question editor (loaded when first opened): write or edit a question of any kind, see
 * it as the phones will, and save it in this browser's bank. It is checked with the same
 * schema the server uses; what is wrong is listed by field, in words, once the teacher first
 * tries to save, and then follows every keystroke.
 *
 * It shows the answer key, so it warns that the screen may be mirrored. A code question's
 * fields (and the check of its tests against the reference solution) are bank-code-fields.tsx.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { blankCount } from "../../../../lib/quiz/code-text";
import type { Question } from "../../../../lib/quiz/types";
import { checkDraft, draftOf, emptyDraft, KIND_OPTIONS, previewOf, TEMPLATE_OPTIONS, type Draft } from "../../quiz/bank-draft";
import { mergeQuestions } from "../../quiz/bank-store";
import { QuestionView } from "../../quiz/dash-question";
import { useCommands } from "../commands";
import { FIELD, PRIMARY, SECONDARY, Switch } from "../ui";
import { CodeFields } from "./bank-code-fields";
import { AREA, Field, HINT } from "./bank-field";
import { setBank, useBank } from "./use-bank";


export default function BankEditor({ question, onClose }: { question: Question | null; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<Draft>(() => (question ? draftOf(question) : emptyDraft()));
  const [tried, setTried] = useState(false);
  const bank = useBank();
  const { notify } = useCommands();
  const titleId = useId();
  const checked = useMemo(() => checkDraft(draft), [draft]);
  const preview = useMemo(() => previewOf(draft), [draft]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const save = () => {
    setTried(true);
    if (!checked.ok) return;
    const kept = setBank(mergeQuestions(bank, [checked.question]));
    notify(kept ? "ok" : "error", kept ? "Question saved in this browser." : "This browser would not keep the question (storage full or blocked).");
    onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto max-h-[94dvh] w-[min(76rem,96vw)] overflow-hidden rounded-2xl bg-white p-0 shadow-2xl backdrop:bg-slate-950/60"
    >
      <form
        className="flex max-h-[94dvh] flex-col"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-6 py-4">
          <div>
            <h2 id={titleId} className="text-xl font-extrabold tracking-tight text-slate-950">
              {question ? "Edit question" : "New question"}
            </h2>
            <p className="text-sm font-semibold text-amber-900">This editor shows the answers: switch the projector off while you write.</p>
          </div>
          <div className="flex gap-2">
            <button type="button" className={SECONDARY} onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className={PRIMARY}>
              Save question
            </button>
          </div>
        </header>

        <div className="grid min-h-0 flex-1 overflow-y-auto lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div className="flex flex-col gap-4 p-6">
            <Fields draft={draft} set={set} setDraft={setDraft} question={checked.ok ? checked.question : null} onProblems={() => setTried(true)} />
          </div>
          <aside className="flex flex-col gap-4 border-slate-200 bg-slate-50 p-6 lg:border-l">
            {tried && !checked.ok && (
              <div role="alert" className="rounded-xl bg-red-50 p-3 text-sm text-red-950 ring-1 ring-red-300">
                <p className="font-bold">Not saved yet. Please fix:</p>
                <ul aria-label="Problems" className="mt-1 list-disc pl-5">
                  {checked.problems.map((p, i) => (
                    <li key={i}>
                      <span className="font-semibold">{p.field}</span> <span className="font-mono text-xs text-red-900">({p.path})</span>: {p.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <section aria-label="Preview" className="flex flex-col gap-2">
              <h3 className="text-sm font-bold uppercase tracking-wide text-slate-600">Preview: as the phones show it</h3>
              <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
                <QuestionView question={preview} promptLabel="Preview of the question" starterOpen />
              </div>
              {draft.kind === "order" && <p className={HINT}>Phones get these lines shuffled, without comments that number them.</p>}
            </section>
          </aside>
        </div>
      </form>
    </dialog>
  );
}

interface FieldsProps {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  setDraft: React.Dispatch<React.SetStateAction<Draft>>;
  /** The draft as it would be saved, or null when it has problems. */
  question: Question | null;
  onProblems(): void;
}

function Fields({ draft, set, setDraft, question, onProblems }: FieldsProps) {
  const id = useId();
  const k = draft.kind;
  const codeOptional = k === "choice" || k === "numeric" || k === "poll";
  const needsCode = k === "output" || k === "bug" || k === "blanks" || codeOptional;
  const blanks = blankCount(draft.code);
  const codeLines = draft.code.replace(/\s+$/, "").split("\n");
  return (
    <>
      <Field label="Kind">
        <select className={FIELD} value={k} onChange={(e) => set("kind", e.target.value as Draft["kind"])}>
          {KIND_OPTIONS.map((o) => (
            <option key={o.kind} value={o.kind}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Question">
        <textarea className={FIELD} rows={2} value={draft.prompt} onChange={(e) => set("prompt", e.target.value)} />
      </Field>

      {k === "code" && <CodeFields draft={draft} setDraft={setDraft} question={question} onProblems={onProblems} />}

      {k === "parametric" && (
        <Field label="Numbers">
          <select className={FIELD} value={draft.template} onChange={(e) => set("template", e.target.value as Draft["template"])}>
            {TEMPLATE_OPTIONS.map((o) => (
              <option key={o.template} value={o.template}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
      )}

      {needsCode && (
        <Field label={codeOptional ? "Code (optional)" : "Code"} hint={k === "blanks" ? "Write ___ (three underscores) where each blank goes." : undefined}>
          <textarea className={AREA} rows={6} spellCheck={false} value={draft.code} onChange={(e) => set("code", e.target.value)} />
        </Field>
      )}

      {(k === "choice" || k === "poll") && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-bold text-slate-900">Choices{k === "choice" ? " (tick the right ones)" : ""}</legend>
          <Switch
            label="Select all that apply"
            checked={draft.multiple}
            onChange={(multiple) => setDraft((d) => ({ ...d, multiple, correct: multiple ? d.correct : d.correct.slice(0, 1) }))}
          />
          {draft.choices.map((choice, i) => (
            <div key={i} className="flex items-center gap-2">
              {k === "choice" && (
                <input
                  type={draft.multiple ? "checkbox" : "radio"}
                  name={`${id}-correct`}
                  aria-label={`Choice ${i + 1} is right`}
                  className="h-5 w-5 accent-emerald-700"
                  checked={draft.correct.includes(i)}
                  onChange={(e) =>
                    setDraft((d) => ({
                      ...d,
                      correct: d.multiple ? (e.target.checked ? [...d.correct, i] : d.correct.filter((c) => c !== i)) : [i],
                    }))
                  }
                />
              )}
              <input
                aria-label={`Choice ${i + 1}`}
                className={`${FIELD} min-w-0 flex-1`}
                value={choice}
                onChange={(e) => setDraft((d) => ({ ...d, choices: d.choices.map((c, j) => (j === i ? e.target.value : c)) }))}
              />
              <button
                type="button"
                className={SECONDARY}
                aria-label={`Remove choice ${i + 1}`}
                disabled={draft.choices.length <= 2}
                onClick={() =>
                  setDraft((d) => ({
                    ...d,
                    choices: d.choices.filter((_, j) => j !== i),
                    correct: d.correct.filter((c) => c !== i).map((c) => (c > i ? c - 1 : c)),
                  }))
                }
              >
                ✕
              </button>
            </div>
          ))}
          <button type="button" className={`${SECONDARY} self-start`} disabled={draft.choices.length >= 8} onClick={() => set("choices", [...draft.choices, ""])}>
            Add choice
          </button>
        </fieldset>
      )}

      {k === "numeric" && (
        <div className="grid grid-cols-2 gap-3">
          <Field label="Answer">
            <input className={FIELD} inputMode="decimal" value={draft.answer} onChange={(e) => set("answer", e.target.value)} />
          </Field>
          <Field label="Tolerance">
            <input className={FIELD} inputMode="decimal" value={draft.tolerance} onChange={(e) => set("tolerance", e.target.value)} />
          </Field>
        </div>
      )}
      {k === "parametric" && (
        <Field label="Tolerance" hint="How far a typed number may be from the engine's answer.">
          <input className={FIELD} inputMode="decimal" value={draft.tolerance} onChange={(e) => set("tolerance", e.target.value)} />
        </Field>
      )}

      {k === "output" && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-bold text-slate-900">What it prints</legend>
          <p className={HINT}>Spaces at the ends of lines and empty lines around the output do not count.</p>
          {draft.outputs.map((out, i) => (
            <Field key={i} label={i === 0 ? "Printed output" : `Also accept ${i}`}>
              <textarea
                className={AREA}
                rows={2}
                value={out}
                onChange={(e) => setDraft((d) => ({ ...d, outputs: d.outputs.map((o, j) => (j === i ? e.target.value : o)) }))}
              />
            </Field>
          ))}
          <button type="button" className={`${SECONDARY} self-start`} disabled={draft.outputs.length >= 5} onClick={() => set("outputs", [...draft.outputs, ""])}>
            Accept another output
          </button>
        </fieldset>
      )}

      {k === "bug" && (
        <Field label="Line with the bug">
          <select className={FIELD} value={draft.line ?? ""} onChange={(e) => set("line", e.target.value === "" ? null : Number(e.target.value))}>
            <option value="">Pick a line…</option>
            {codeLines.map((line, i) =>
              line.trim() ? (
                <option key={i} value={i}>
                  {`${i + 1}: ${line.trim().slice(0, 60)}`}
                </option>
              ) : null,
            )}
          </select>
        </Field>
      )}

      {k === "blanks" &&
        Array.from({ length: blanks }, (_, i) => (
          <Field key={i} label={<>Answers for blank {i + 1}</>} hint="One accepted answer per line; spaces inside an answer do not count.">
            <textarea
              className={AREA}
              rows={2}
              value={draft.blankAnswers[i] ?? ""}
              onChange={(e) =>
                setDraft((d) => {
                  const next = [...d.blankAnswers];
                  while (next.length <= i) next.push("");
                  next[i] = e.target.value;
                  return { ...d, blankAnswers: next };
                })
              }
            />
          </Field>
        ))}

      {k === "order" && (
        <Field label="Lines, in the right order" hint="One per line. Phones get them shuffled.">
          <textarea className={AREA} rows={6} spellCheck={false} value={draft.lines} onChange={(e) => set("lines", e.target.value)} />
        </Field>
      )}

      <Field label="Explanation" hint="Shown with the answer at the reveal.">
        <textarea className={FIELD} rows={3} value={draft.explanation} onChange={(e) => set("explanation", e.target.value)} />
      </Field>
    </>
  );
}
