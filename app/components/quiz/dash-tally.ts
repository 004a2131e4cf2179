/**
 * What the dashboard and the projector may show of a running question: the bars of its
 * distribution, the answer key in words, and a countdown. Pure, so the rule "no correct
 * answer before the reveal" is tested here: before `status === "revealed"` only a poll has
 * bars (its raw choices, which have no right answer), and nothing here reads `run.question`.
 */
import { ACTIVATION_CHOICES } from "../../../lib/quiz/parametric";
import { rankScores, type Score } from "../../../lib/quiz/scoring";
import type { Answer, PublicQuestion, RevealedKey } from "../../../lib/quiz/types";
import type { QuestionRun, RecordedAnswer } from "../../../lib/session/domains/quiz/state";

export interface Bar {
  label: string;
  count: number;
  /** true: a right answer; false: a wrong one; null: no right or wrong (a poll, an activation tally). */
  correct: boolean | null;
}

/** The run as the screens may read it: never the question with its key. */
export type VisibleRun = Pick<QuestionRun, "status" | "shown" | "answered" | "key" | "summary">;

/** Most distinct numbers a spread shows before the rest are grouped as "Other". */
export const SPREAD_BARS = 6;

export const KIND_NAMES: Record<PublicQuestion["kind"], string> = {
  choice: "Multiple choice",
  numeric: "Numeric answer",
  output: "What does it print?",
  bug: "Spot the bug",
  blanks: "Fill in the blanks",
  order: "Put in order",
  poll: "Poll",
  parametric: "Own numbers",
  code: "Write a function",
};

const letter = (i: number) => String.fromCharCode(65 + i);
/** A choice as the screens label it: "A. Nothing: they are only read". */
export const choiceLabel = (choices: readonly string[], i: number) => `${letter(i)}. ${choices[i] ?? ""}`;

const short = (x: number) => String(Math.round(x * 1000) / 1000);

/**
 * The bars of a question's distribution. `answers` is the teacher's copy (null on the
 * projector, which never gets them); before the reveal only a poll has bars.
 * @example
 * distribution(pollRun, { s1: { answer: { kind: "choice", choices: [0] }, … } }); // [{ label: "A. Very sure", count: 1, correct: null }, …]
 */
export function distribution(run: VisibleRun, answers: Readonly<Record<string, Pick<RecordedAnswer, "answer">>> | null): Bar[] {
  const shown = run.shown;
  if (run.status !== "revealed") {
    if (shown.kind !== "poll" || !answers) return [];
    return choiceBars(shown.choices, tallyChoices(Object.values(answers).map((a) => a.answer), shown.choices.length), null);
  }
  const summary = run.summary;
  const key = run.key;
  if (!summary) return [];
  switch (shown.kind) {
    case "poll":
      return choiceBars(shown.choices, summary.counts, null);
    case "choice":
      return choiceBars(shown.choices, summary.counts, key?.kind === "choice" ? key.correct : []);
    case "numeric":
      return spread(summary.values, key?.kind === "numeric" ? key : null);
    case "bug":
      if (answers && key?.kind === "bug") return lineBars(Object.values(answers).map((a) => a.answer), shown.code, key.line);
      return rightWrong(summary.correct, summary.answered);
    case "parametric":
      if (summary.counts.length > 0) return ACTIVATION_CHOICES.map((name, i) => ({ label: name, count: summary.counts[i] ?? 0, correct: null }));
      return rightWrong(summary.correct, summary.answered);
    case "code":
      // Shown as each test's pass rate instead (dash-code-tally.ts).
      return [];
    default:
      return rightWrong(summary.correct, summary.answered);
  }
}

function tallyChoices(answers: readonly Answer[], width: number): number[] {
  const counts = new Array<number>(width).fill(0);
  for (const a of answers) if (a.kind === "choice") for (const c of a.choices) if (c < width) counts[c]!++;
  return counts;
}

function choiceBars(choices: readonly string[], counts: readonly number[], correct: readonly number[] | null): Bar[] {
  return choices.map((_, i) => ({ label: choiceLabel(choices, i), count: counts[i] ?? 0, correct: correct === null ? null : correct.includes(i) }));
}

function rightWrong(correct: number, answered: number): Bar[] {
  return [
    { label: "Right", count: correct, correct: true },
    { label: "Not right", count: Math.max(0, answered - correct), correct: false },
  ];
}

function lineBars(answers: readonly Answer[], code: string, rightLine: number): Bar[] {
  const counts = new Map<number, number>();
  for (const a of answers) if (a.kind === "line") counts.set(a.line, (counts.get(a.line) ?? 0) + 1);
  const lines = [...new Set([rightLine, ...counts.keys()])].sort((a, b) => a - b);
  const text = code.split("\n");
  return lines.map((line) => ({ label: `Line ${line + 1}: ${(text[line] ?? "").trim()}`, count: counts.get(line) ?? 0, correct: line === rightLine }));
}

/**
 * Numbers given, most common first (up to SPREAD_BARS, the rest as "Other"), each marked
 * right when it is within the tolerance of the answer.
 * @example
 * spread([0, 0, 0.5], { answer: 0, tolerance: 0.01 }); // [{ label: "0", count: 2, correct: true }, { label: "0.5", count: 1, correct: false }]
 */
export function spread(values: readonly number[], key: { answer: number; tolerance: number } | null): Bar[] {
  const counts = new Map<string, { value: number; count: number }>();
  for (const v of values) {
    const label = short(v);
    const entry = counts.get(label) ?? { value: Math.round(v * 1000) / 1000, count: 0 };
    entry.count++;
    counts.set(label, entry);
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[1].value - b[1].value);
  const within = (v: number) => (key ? Math.abs(v - key.answer) <= key.tolerance + 1e-9 : null);
  const bars: Bar[] = sorted.slice(0, SPREAD_BARS).map(([label, { value, count }]) => ({ label, count, correct: within(value) }));
  const rest = sorted.slice(SPREAD_BARS);
  if (rest.length > 0) {
    const count = rest.reduce((s, [, e]) => s + e.count, 0);
    const right = rest.filter(([, e]) => within(e.value)).reduce((s, [, e]) => s + e.count, 0);
    bars.push({ label: `Other (${rest.length} values)`, count, correct: key ? right === count : null });
  }
  return bars;
}

/**
 * The answer key in words, one line each, for the reveal.
 * @example
 * keyLines({ kind: "numeric", answer: 0, tolerance: 0.01 }, shown); // ["0 (± 0.01)"]
 */
export function keyLines(key: RevealedKey, shown: PublicQuestion): string[] {
  switch (key.kind) {
    case "choice":
      return shown.kind === "choice" ? key.correct.map((i) => choiceLabel(shown.choices, i)) : [];
    case "numeric":
      return [`${short(key.answer)}${key.tolerance > 0 ? ` (± ${short(key.tolerance)})` : ""}`];
    case "output":
      return key.answers;
    case "bug":
      return shown.kind === "bug" ? [`Line ${key.line + 1}: ${(shown.code.split("\n")[key.line] ?? "").trim()}`] : [`Line ${key.line + 1}`];
    case "blanks":
      return key.blanks.map((accepted, i) => `Blank ${i + 1}: ${accepted.join(" or ")}`);
    case "order":
      return key.lines.map((line, i) => `${i + 1}. ${line}`);
    case "poll":
      return ["A poll has no right answer."];
    case "parametric":
      return [`Each student had their own numbers; the engine graded every answer (within ± ${short(key.tolerance)}).`];
    case "code":
      return key.reference === null ? ["This question has no reference solution."] : [key.reference];
  }
}

/**
 * Seconds left on a timed question, or null when it has no timer or is no longer open.
 * @example
 * secondsLeft({ status: "open", closesAt: 31_000 }, 10_500); // 21
 */
export function secondsLeft(run: Pick<QuestionRun, "status" | "closesAt">, now: number): number | null {
  if (run.status !== "open" || run.closesAt === null) return null;
  return Math.max(0, Math.ceil((run.closesAt - now) / 1000));
}

/** "0:21", "1:05". */
export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** "7 of 10 correct (70 %)". */
export function shareCorrect(correct: number, answered: number): string {
  if (answered === 0) return "Nobody answered";
  return `${correct} of ${answered} correct (${Math.round((correct / answered) * 100)} %)`;
}

export interface LeaderRow {
  studentId: string;
  rank: number;
  name: string;
  points: number;
}

/**
 * The leaderboard's rows: ranked with the scoring rules (ties share a rank and follow the
 * joining order), students removed from the class left out, at most `limit` rows. Names
 * are "Student 3" (by joining order) while names are hidden, and blank names (the
 * projector's copy with names hidden) read the same way.
 * @example
 * leaderRows(state.quiz.scores, state.students, false, 5); // [{ rank: 1, name: "Ada", points: 1450, … }, …]
 */
export function leaderRows(
  scores: Readonly<Record<string, { points: number }>>,
  students: Readonly<Record<string, { id: string; nickname: string; removed: boolean; joinIndex: number }>>,
  hideNames: boolean,
  limit: number = Infinity,
): LeaderRow[] {
  const present = Object.values(students)
    .filter((s) => !s.removed && Object.hasOwn(scores, s.id))
    .sort((a, b) => a.joinIndex - b.joinIndex);
  const byId = new Map(present.map((s) => [s.id, s]));
  const ranked = rankScores(scores as Readonly<Record<string, Score>>, present.map((s) => s.id)).slice(0, limit);
  return ranked.map(({ studentId, rank, points }) => {
    const s = byId.get(studentId)!;
    return { studentId, rank, points, name: hideNames || s.nickname === "" ? `Student ${s.joinIndex}` : s.nickname };
  });
}
