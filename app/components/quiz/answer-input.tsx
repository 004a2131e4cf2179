/**
 * The way to answer a question of each kind, as the phone shows it: choices (or the
 * activations of a which-activation question), a typed answer, the line with the bug, the
 * blanks, or the lines to put in order. After the reveal it marks what was right. Shared by
 * the live phone and the self-paced lesson. A code question is not answered here: it has its
 * own editor and grading (student/code-question.tsx, learn/learn-code.tsx).
 */
import type { PublicQuestion, RevealedKey } from "../../../lib/quiz/types";
import { choicesOf, isMultiple, toggleChoice, type AnswerShape, type Draft } from "../student/quiz-answer";
import { AnswerBlanks } from "./answer-blanks";
import { AnswerBugLine } from "./answer-bug-line";
import { AnswerChoices } from "./answer-choices";
import { AnswerOrder } from "./answer-order";
import { AnswerText } from "./answer-text";

export interface AnswerInputProps {
  question: PublicQuestion;
  draft: Draft;
  shape: AnswerShape;
  disabled: boolean;
  /** The key once revealed, else null. */
  revealKey: RevealedKey | null;
  /** The right answer to this person's own numbers (parametric), once revealed. */
  expected: string | null;
  /** How many picked each choice of a revealed poll. */
  pollCounts?: number[] | null;
  onEdit(change: (d: Draft) => Draft): void;
}

function activationIndexes(question: PublicQuestion, expected: string): number[] {
  const names = expected.split(" or ");
  return choicesOf(question).flatMap((c, i) => (names.includes(c) ? [i] : []));
}

/** What the typed box says counts as the same answer. */
export function textNote(question: PublicQuestion): string {
  if (question.kind === "output") return "Type the printed text exactly. Spaces at the start and end of a line, and empty lines before or after, do not count.";
  const tolerance = question.kind === "numeric" || question.kind === "parametric" ? question.tolerance : null;
  const within = tolerance ? ` Answers within ±${tolerance} count as right.` : "";
  return `A number; a decimal comma is fine.${within}`;
}

export function AnswerInput({ question, draft, shape, disabled, revealKey: key, expected, pollCounts = null, onEdit }: AnswerInputProps) {
  switch (draft.kind) {
    case "choice": {
      const multiple = isMultiple(question);
      // Which activations are right comes with the person's own result, not the shared key.
      const correct = key?.kind === "choice" ? key.correct : key?.kind === "parametric" && expected ? activationIndexes(question, expected) : null;
      return (
        <AnswerChoices
          choices={choicesOf(question)}
          multiple={multiple}
          picked={draft.choices}
          disabled={disabled}
          correct={correct}
          counts={key?.kind === "poll" ? pollCounts : null}
          mono={question.kind === "parametric"}
          onToggle={(i) => onEdit((d) => (d.kind === "choice" ? { ...d, choices: toggleChoice(d.choices, i, multiple) } : d))}
        />
      );
    }
    case "text":
      return <AnswerText value={draft.text} multiline={shape === "text"} disabled={disabled} note={textNote(question)} onChange={(text) => onEdit(() => ({ kind: "text", text }))} />;
    case "line":
      return question.kind === "bug" ? (
        <AnswerBugLine code={question.code} picked={draft.line} disabled={disabled} correct={key?.kind === "bug" ? key.line : null} onPick={(line) => onEdit(() => ({ kind: "line", line }))} />
      ) : null;
    case "blanks":
      return question.kind === "blanks" ? (
        <AnswerBlanks
          code={question.code}
          values={draft.values}
          disabled={disabled}
          onChange={(i, text) => onEdit((d) => (d.kind === "blanks" ? { ...d, values: d.values.map((v, k) => (k === i ? text : v)) } : d))}
        />
      ) : null;
    case "order":
      return question.kind === "order" ? (
        <AnswerOrder lines={question.lines} order={draft.order} disabled={disabled} rightLines={key?.kind === "order" ? key.lines : null} onReorder={(order) => onEdit(() => ({ kind: "order", order }))} />
      ) : null;
    case "code":
      // A program has its own editor and its own flow (student/code-question.tsx, learn/learn-code.tsx).
      return null;
  }
}
