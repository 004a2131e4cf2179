/**
 * The report as two CSV files a spreadsheet opens correctly (docs/export.md): RFC 4180 with
 * CRLF line ends and a header row, UTF-8 with a byte-order mark (so Excel reads it as
 * UTF-8), every text cell quoted with its quotes doubled, numbers written bare.
 *
 * Formula injection (OWASP, "CSV Injection"): a text cell that starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return is written with a leading `'`, so a nickname such as
 * `=HYPERLINK(...)` is shown as text and never run. Numbers are never text cells, so a
 * negative weight stays a number.
 */
import type { SessionReport } from "./types";

/** A cell: text (quoted), a number (bare), or nothing (empty). */
export type Cell = string | number | null;

/** The byte-order mark that tells Excel the file is UTF-8. */
export const BOM = "\uFEFF";
export const CRLF = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV.
 * @example
 * csvCell('=HYPERLINK("http://x","y")'); // "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
 * csvCell(-2); // "-2"
 * csvCell(null); // ""
 */
export function csvCell(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One row, ended by CRLF. */
export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(",") + CRLF;
}

/** A whole file: BOM, the header row, then the rows. */
export function csvFile(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + csvRow(header) + rows.map(csvRow).join("");
}

/** Rounds for a spreadsheet cell: times to the millisecond, shares to four places. */
const round = (x: number | null, places: number): number | null => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);
const seconds = (ms: number | null) => round(ms === null ? null : ms / 1000, 3);
const isoTime = (ms: number) => new Date(ms).toISOString();

export const QUESTION_COLUMNS = [
  "Number",
  "Question id",
  "Kind",
  "Prompt",
  "Launched at",
  "Students",
  "Answered",
  "Correct",
  "Share correct",
  "Median time (s)",
  "Mean time (s)",
  "Distribution",
] as const;

/**
 * questions.csv: one row per question.
 * @example
 * questionsCsv(report).split("\r\n")[0]; // "\uFEFF\"Number\",\"Question id\",…"
 */
export function questionsCsv(report: SessionReport): string {
  return csvFile(
    QUESTION_COLUMNS,
    report.questions.map((q) => [
      q.number,
      q.questionId,
      q.kind,
      q.prompt,
      isoTime(q.launchedAt),
      q.students,
      q.answered,
      q.correct,
      round(q.shareCorrect, 4),
      seconds(q.medianMs),
      seconds(q.meanMs),
      q.distribution.map((bar) => `${bar.label} = ${bar.count}`).join("; "),
    ]),
  );
}

export const STUDENT_COLUMNS = ["Nickname", "Seat", "Score", "Rank", "Moves", "Last weights", "Last bias"] as const;

/** The four columns of question n in students.csv. */
export const answerColumns = (n: number) => [`Q${n} answer`, `Q${n} correct`, `Q${n} points`, `Q${n} time (s)`];

const yesNo = (correct: boolean | null): string | null => (correct === null ? null : correct ? "yes" : "no");

/**
 * students.csv: one row per student, with four columns per question (answer, correct,
 * points, time); empty cells where the student did not answer.
 * @example
 * studentsCsv(report).split("\r\n")[0]; // "\uFEFF\"Nickname\",\"Seat\",…,\"Q1 answer\",…"
 */
export function studentsCsv(report: SessionReport): string {
  const numbers = report.questions.map((q) => q.number);
  const header = [...STUDENT_COLUMNS, ...numbers.flatMap(answerColumns)];
  const rows = report.students.map((s): Cell[] => {
    const byNumber = new Map(s.answers.map((a) => [a.number, a]));
    return [
      s.nickname,
      s.seat,
      s.score,
      s.rank,
      s.moves,
      // In brackets, so a list that starts with a negative weight is not taken for a formula.
      s.lastWeights ? `[${s.lastWeights.join(", ")}]` : null,
      s.lastBias,
      ...numbers.flatMap((n): Cell[] => {
        const a = byNumber.get(n);
        return a ? [a.answer, yesNo(a.correct), a.points, seconds(a.elapsedMs)] : [null, null, null, null];
      }),
    ];
  });
  return csvFile(header, rows);
}
