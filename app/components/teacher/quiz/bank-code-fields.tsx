"use client";

/**
 * The code question's fields in the question editor: the function's name, the starter code,
 * the tests (rows of arguments and expected value written as Python literals, with an
 * optional label and group, and Python assert lines), the reference solution, the tolerance,
 * and the check of the tests against the reference solution.
 */
import { useId } from "react";
import type { Question } from "../../../../lib/quiz/types";
import { callPreview, emptyTest, type TestDraft } from "../../quiz/bank-code-draft";
import type { Draft } from "../../quiz/bank-draft";
import { parseArgs, parseValue } from "../../quiz/bank-literal";
import { FIELD, SECONDARY } from "../ui";
import { AREA, Field, HINT } from "./bank-field";
import { CodeArea } from "./code-area";
import { CodeCheck } from "./code-check";

const MAX_ROWS = 40;
const MONO = `${FIELD} min-w-0 font-mono`;

interface CodeFieldsProps {
  draft: Draft;
  setDraft: React.Dispatch<React.SetStateAction<Draft>>;
  /** The draft as it would be saved, or null when it has problems. */
  question: Question | null;
  onProblems(): void;
}

export function CodeFields({ draft, setDraft, question, onProblems }: CodeFieldsProps) {
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setTest = (i: number, change: Partial<TestDraft>) => setDraft((d) => ({ ...d, tests: d.tests.map((t, j) => (j === i ? { ...t, ...change } : t)) }));
  return (
    <>
      <Field label="Function name" hint="The function students write, as Python names it: predict, double.">
        <input className={`${FIELD} font-mono`} spellCheck={false} autoCapitalize="off" value={draft.entry} onChange={(e) => set("entry", e.target.value)} />
      </Field>
      <CodeArea label="Starter code" hint="What the phones start from: the function's first line, and anything students should not have to type." value={draft.starter} onChange={(v) => set("starter", v)} />

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-sm font-bold text-slate-900">Tests</legend>
        <p className={HINT}>
          Each test calls the function. Write the arguments as in the call and the expected value as the function returns it, in Python:{" "}
          <code className="font-mono">[0.9, 0.8, 0], 0.5</code> and <code className="font-mono">&apos;spam&apos;</code> (JSON works too). Numbers count
          as equal within the tolerance. Tests with the same group are shown together.
        </p>
        {draft.tests.map((t, i) => (
          <TestRow
            key={i}
            index={i}
            test={t}
            entry={draft.entry}
            onChange={(change) => setTest(i, change)}
            onRemove={() => setDraft((d) => ({ ...d, tests: d.tests.filter((_, j) => j !== i) }))}
          />
        ))}
        <button type="button" className={`${SECONDARY} self-start`} disabled={draft.tests.length >= MAX_ROWS} onClick={() => set("tests", [...draft.tests, emptyTest()])}>
          Add test
        </button>
        <Field label="Assert lines (optional)" hint="Python assert statements, one per line, each run with the student's functions defined: assert double(0) == 0">
          <textarea className={AREA} rows={2} spellCheck={false} value={draft.asserts} onChange={(e) => set("asserts", e.target.value)} />
        </Field>
      </fieldset>

      <CodeArea
        label="Reference solution"
        hint="Your own solution: the check below runs it against the tests, and the reveal shows it."
        value={draft.reference}
        onChange={(v) => set("reference", v)}
      />
      <Field label="Tolerance" hint="How far a returned number may be from the expected one.">
        <input className={FIELD} inputMode="decimal" value={draft.codeTolerance} onChange={(e) => set("codeTolerance", e.target.value)} />
      </Field>
      <CodeCheck question={question} onProblems={onProblems} />
    </>
  );
}

interface TestRowProps {
  index: number;
  test: TestDraft;
  entry: string;
  onChange(change: Partial<TestDraft>): void;
  onRemove(): void;
}

function TestRow({ index, test, entry, onChange, onRemove }: TestRowProps) {
  const id = useId();
  const n = index + 1;
  const args = test.args.trim() ? parseArgs(test.args) : null;
  const expected = test.expected.trim() ? parseValue(test.expected) : null;
  const problem = (args && !args.ok ? `Arguments: ${args.message}` : null) ?? (expected && !expected.ok ? `Expected value: ${expected.message}` : null);
  const call = callPreview(entry, test);
  return (
    <div role="group" aria-labelledby={`${id}-title`} className="flex flex-col gap-2 rounded-xl bg-white p-3 ring-1 ring-slate-300">
      <div className="flex items-center justify-between gap-2">
        <h4 id={`${id}-title`} className="text-sm font-bold text-slate-900">
          Test {n}
        </h4>
        <button type="button" className={SECONDARY} aria-label={`Remove test ${n}`} onClick={onRemove}>
          ✕
        </button>
      </div>
      <div className="grid gap-2 sm:grid-cols-[3fr_2fr]">
        <Field label="Arguments">
          <input className={MONO} spellCheck={false} autoCapitalize="off" value={test.args} onChange={(e) => onChange({ args: e.target.value })} />
        </Field>
        <Field label="Expected value">
          <input className={MONO} spellCheck={false} autoCapitalize="off" value={test.expected} onChange={(e) => onChange({ expected: e.target.value })} />
        </Field>
        <Field label="Label (optional)">
          <input className={FIELD} value={test.label} onChange={(e) => onChange({ label: e.target.value })} />
        </Field>
        <Field label="Group (optional)">
          <input className={FIELD} value={test.group} onChange={(e) => onChange({ group: e.target.value })} />
        </Field>
      </div>
      {problem ? (
        <p className="text-sm font-semibold text-red-800">{problem}</p>
      ) : (
        call && <p className="break-all font-mono text-sm text-slate-700">{call}</p>
      )}
    </div>
  );
}
